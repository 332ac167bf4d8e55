// Which RRR engine runs the restarts (stage: solve): 'wasm', the WebAssembly SIMD kernel (wasm-engine.ts),
// by default wherever the runtime validates SIMD; 'js', the JavaScript reference engine (engine.ts),
// otherwise or on request. Both compute the same iterates, so the choice changes speed, not results.

import { match } from 'ts-pattern';
import type { TableItems } from '../ir/truth-table.js';
import { RrrEngine, type EngineNet } from './engine.js';
import type { RestartEngine } from './restart.js';
import { WasmEngine } from './wasm-engine.js';

export type EngineKind = 'js' | 'wasm';
export const ENGINE_KINDS: readonly EngineKind[] = ['js', 'wasm'];

/** A minimal module whose one function returns a v128: valid exactly where WebAssembly SIMD is. */
const SIMD_PROBE = new Uint8Array([
  0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00, // magic, version
  0x01, 0x05, 0x01, 0x60, 0x00, 0x01, 0x7b, // type: () -> v128
  0x03, 0x02, 0x01, 0x00, // one function of type 0
  0x0a, 0x0a, 0x01, 0x08, 0x00, 0x41, 0x00, 0xfd, 0x0f, 0xfd, 0x62, 0x0b, // i32.const 0; i8x16.splat; i8x16.popcnt
]);

let simd: boolean | undefined;
let warned = false;

/** True when this runtime runs WebAssembly SIMD (checked once). */
export function simdSupported(): boolean {
  if (simd === undefined) simd = typeof WebAssembly === 'object' && WebAssembly.validate(SIMD_PROBE);
  return simd;
}

/**
 * The engine to use: the requested one, or by default wasm where SIMD is supported, else js with a note
 * on stderr (once per process). Asking for wasm where it cannot run is an error.
 */
export function engineKind(requested: EngineKind | undefined): EngineKind {
  if (requested === 'js') return 'js';
  if (simdSupported()) return 'wasm';
  if (requested === 'wasm') {
    throw new Error('the wasm engine needs WebAssembly SIMD, which this runtime lacks: use the js engine');
  }
  if (!warned) {
    warned = true;
    process.stderr.write('btfc: this runtime lacks WebAssembly SIMD; the solver falls back to the (slower) JavaScript engine\n');
  }
  return 'js';
}

/** A fresh engine of `kind` for the net and items. */
export function createEngine(kind: EngineKind, net: EngineNet, items: TableItems, sigma: number): RestartEngine {
  return match(kind)
    .with('wasm', () => new WasmEngine(net, items, sigma))
    .with('js', () => new RrrEngine(net, items, sigma))
    .exhaustive();
}
