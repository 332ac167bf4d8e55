// The RRR engine on the WebAssembly SIMD kernel (kernel/rrr-kernel.ts, built into kernel-wasm.ts). Stage:
// solve. Same interface and the same iterates as RrrEngine (engine.ts): this file lays out the kernel's
// memory, draws the initial point in the JavaScript engine's order, and reads results back.
//
// Layout: items 2p and 2p+1 form pair p and sit side by side in the two f64 lanes of each 16-byte cell, so
// a per-(item, edge) value of item i lives at cell (⌊i/2⌋·E + e), lane i mod 2. With an odd number of items
// the last pair's lane 1 is a copy of lane 0 that the kernel leaves out of every sum across items.

import type { TableItems } from '../ir/truth-table.js';
import { countCorrectBits, itemArrays, type EngineNet } from './engine.js';
import { KERNEL_WASM_BASE64 } from './kernel-wasm.js';
import type { Xoshiro128ss } from './prng.js';
import type { RestartEngine } from './restart.js';

interface KernelExports {
  memory: WebAssembly.Memory;
  heapBase(): number;
  configure(table: number): void;
  computeAB(): void;
  iterate(beta: number, gamma: number): number;
}

let compiled: WebAssembly.Module | undefined;

/** The kernel's compiled module, compiled once per thread. */
export function kernelModule(): WebAssembly.Module {
  compiled ??= new WebAssembly.Module(Buffer.from(KERNEL_WASM_BASE64, 'base64'));
  return compiled;
}

/** The regions the kernel's configure() reads, in its order (cells: 16 bytes; f64: 8; i32: 4). */
const REGIONS = ['inStart', 'send', 'margin', 'inDeg', 'w', 'x', 'y', 'yA', 'yB', 'g', 'gap', 'az', 'bz', 'uPlus',
  'uMinus', 'coefA', 'coefB', 'fixed', 'targets', 'careMask', 'wB', 'wSum', 'gSum', 'num', 'den'] as const;
type Region = (typeof REGIONS)[number];

/** Item-major copies of the iterate, for comparing with RrrEngine (tests). */
export interface EngineSnapshot {
  w: Float64Array;
  x: Float64Array;
  y: Float64Array;
  g: Float64Array;
  gapNode: Float64Array;
}

export class WasmEngine implements RestartEngine {
  readonly I: number;
  readonly E: number;
  readonly N: number;
  readonly firstBtf: number;
  readonly firstOutput: number;
  readonly numOutputs: number;
  readonly inStart: Int32Array;
  readonly edgeSend: Int32Array;
  readonly careBits: number;
  /** The concurred weights: a view of the kernel's memory, rewritten by every iteration. */
  readonly wB: Float64Array;
  private readonly pairs: number;
  private readonly kernel: KernelExports;
  private readonly f64: Float64Array;
  /** f64 index of each region. */
  private readonly at: Record<Region, number>;
  private readonly fixed: Float64Array;
  private readonly targets: Float64Array;
  private readonly care: Uint8Array;
  private readonly fwd: Float64Array;

  /** `module`: another build of the kernel (to compare builds); default the committed one. */
  constructor(net: EngineNet, items: TableItems, sigma: number, module: WebAssembly.Module = kernelModule()) {
    if (items.numInputs !== net.numInputs || items.numOutputs !== net.numOutputs) {
      throw new RangeError(`items have ${items.numInputs} inputs / ${items.numOutputs} outputs, the net ${net.numInputs} / ${net.numOutputs}`);
    }
    const I = (this.I = items.count);
    const E = (this.E = net.numEdges);
    const N = (this.N = net.numNodes);
    const fb = (this.firstBtf = net.firstBtf);
    this.firstOutput = net.firstOutput;
    const nOut = (this.numOutputs = net.numOutputs);
    this.inStart = net.inStart;
    this.edgeSend = net.edgeSend;
    const P = (this.pairs = Math.ceil(I / 2));
    this.kernel = new WebAssembly.Instance(module, {}).exports as unknown as KernelExports;
    const bytes: Record<Region, number> = {
      inStart: 4 * (N + 1), send: 4 * E, margin: 8 * N, inDeg: 8 * N,
      w: 16 * P * E, x: 16 * P * E,
      y: 16 * P * N, yA: 16 * P * N, yB: 16 * P * N, g: 16 * P * N, gap: 16 * P * N, az: 16 * P * N, bz: 16 * P * N,
      uPlus: 16 * P * N, uMinus: 16 * P * N, coefA: 16 * P * N, coefB: 16 * P * N,
      fixed: 16 * P * fb, targets: 16 * P * nOut, careMask: 16 * P * nOut,
      wB: 8 * E, wSum: 8 * E, gSum: 8 * N, num: 16 * N, den: 16 * N,
    };
    const align = (v: number) => Math.ceil(v / 16) * 16;
    const table = align(this.kernel.heapBase());
    let end = table + align(4 * (8 + REGIONS.length));
    const offset = {} as Record<Region, number>;
    for (const r of REGIONS) {
      offset[r] = end;
      end += align(bytes[r]);
    }
    const mem = this.kernel.memory;
    if (end > mem.buffer.byteLength) mem.grow(Math.ceil((end - mem.buffer.byteLength) / 65536));
    const i32 = new Int32Array(mem.buffer);
    i32.set([I, P, E, N, fb, net.firstOutput, nOut, I % 2, ...REGIONS.map((r) => offset[r])], table / 4);
    this.f64 = new Float64Array(mem.buffer);
    this.at = Object.fromEntries(REGIONS.map((r) => [r, offset[r] / 8])) as Record<Region, number>;
    this.wB = new Float64Array(mem.buffer, offset.wB, E);
    i32.set(net.inStart, offset.inStart / 4);
    i32.set(net.edgeSend, offset.send / 4);
    for (let n = fb; n < N; n++) {
      this.f64[this.at.margin + n] = Math.sqrt(net.inDegree[n]! / sigma);
      this.f64[this.at.inDeg + n] = net.inDegree[n]!;
    }
    ({ fixed: this.fixed, targets: this.targets, care: this.care, careBits: this.careBits } = itemArrays(net, items));
    this.fwd = new Float64Array(N);
    const careWords = new Uint32Array(mem.buffer, offset.careMask, 4 * P * nOut);
    for (let p = 0; p < P; p++) {
      for (let lane = 0; lane < 2; lane++) {
        const i = Math.min(2 * p + lane, I - 1); // the odd tail's lane 1 copies the last item
        for (let k = 0; k < fb; k++) this.f64[this.at.fixed + 2 * (p * fb + k) + lane] = this.fixed[i * fb + k]!;
        for (let j = 0; j < nOut; j++) {
          this.f64[this.at.targets + 2 * (p * nOut + j) + lane] = this.targets[i * nOut + j]!;
          const m = this.care[i * nOut + j] ? 0xffffffff : 0;
          careWords[4 * (p * nOut + j) + 2 * lane] = m;
          careWords[4 * (p * nOut + j) + 2 * lane + 1] = m;
        }
      }
    }
    this.kernel.configure(table);
  }

  /** The random initial point, drawn exactly as RrrEngine.init draws it (docs/ALGORITHM.md §5). */
  init(rng: Xoshiro128ss): void {
    const { I, E, N, firstBtf: fb, firstOutput: fo, numOutputs: nOut, f64, at } = this;
    for (let i = 0; i < I; i++) {
      const p = i >> 1, lane = i & 1;
      for (let e = 0; e < E; e++) {
        f64[at.w + 2 * (p * E + e) + lane] = rng.nextSigned();
        f64[at.x + 2 * (p * E + e) + lane] = rng.nextSigned();
      }
      for (let k = 0; k < fb; k++) f64[at.y + 2 * (p * N + k) + lane] = this.fixed[i * fb + k]!;
      for (let n = fb; n < N; n++) {
        const j = i * nOut + (n - fo);
        f64[at.y + 2 * (p * N + n) + lane] = n >= fo && this.care[j] ? this.targets[j]! : rng.nextSigned();
      }
    }
    if (I % 2 === 1) {
      const p = this.pairs - 1;
      for (let e = 0; e < E; e++) {
        f64[at.w + 2 * (p * E + e) + 1] = f64[at.w + 2 * (p * E + e)]!;
        f64[at.x + 2 * (p * E + e) + 1] = f64[at.x + 2 * (p * E + e)]!;
      }
      for (let n = 0; n < N; n++) f64[at.y + 2 * (p * N + n) + 1] = f64[at.y + 2 * (p * N + n)]!;
    }
    const cells = 2 * this.pairs * N;
    f64.fill(1, at.g, at.g + cells);
    f64.fill(0, at.gap, at.gap + cells);
    f64.fill(0, at.uPlus, at.uPlus + cells);
    f64.fill(0, at.uMinus, at.uMinus + cells);
    this.wB.fill(0);
    this.kernel.computeAB();
  }

  /** One RRR iteration with metric adaptation; returns the gap. */
  iterate(beta: number, gamma: number): number {
    return this.kernel.iterate(beta, gamma);
  }

  correctBits(weights: Float64Array): number {
    return countCorrectBits(this, this.fixed, this.targets, this.care, weights, this.fwd);
  }

  /** The iterate in RrrEngine's item-major layout. */
  snapshot(): EngineSnapshot {
    const { I, E, N } = this;
    const read = (r: Region, width: number) => {
      const out = new Float64Array(I * width);
      for (let i = 0; i < I; i++) {
        for (let k = 0; k < width; k++) out[i * width + k] = this.f64[this.at[r] + 2 * ((i >> 1) * width + k) + (i & 1)]!;
      }
      return out;
    };
    return { w: read('w', E), x: read('x', E), y: read('y', N), g: read('g', N), gapNode: read('gap', N) };
  }
}
