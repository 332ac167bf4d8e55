// Reading a user's Verilog design through Yosys: which modules it holds, their ports, and which module is
// the top. Stage: verify (`btfc verify`).

import { UserError } from '../util/diagnostics.js';
import type { Port } from '../ir/spec.js';
import { runYosysInWorker, yosysErrors } from './yosys.js';
import { CHECK_COMMANDS, driverProblems, initialBlocks, loopProblems, stateProblems, type YosysModuleJson } from './design-check.js';

/**
 * The most bytes of Verilog btfc reads (`btfc verify`, or a design given as the spec). Yosys (WebAssembly,
 * in a worker) reports no progress and its time grows faster than the design: a 130 KB netlist of 5,000
 * gates takes 7 s, one of 1.4 MB over 8 minutes, so a 50 MB netlist would run for hours without a word.
 * Designs btfc writes are far smaller.
 */
export const MAX_DESIGN_BYTES = 2 * 2 ** 20;

export interface DesignPort { name: string; direction: 'input' | 'output' | 'inout'; width: number }
export interface DesignModule {
  name: string;
  ports: DesignPort[];
  instantiates: string[];
  /** What makes the module itself not combinational: latches, flip-flops, `initial` blocks (design-check.ts). */
  state: string[];
  /** What Yosys's `check` found in the module flattened: several drivers, loops, undriven signals. */
  checks: string[];
}

/** Yosys names user modules `\name` in JSON without the backslash; internal ones start with `$`. */
interface YosysJson {
  modules: Record<string, YosysModuleJson & {
    attributes?: Record<string, string>;
    ports: Record<string, { direction: 'input' | 'output' | 'inout'; bits: unknown[] }>;
  }>;
}

/**
 * Parse a design with Yosys; a parse error or a missing module becomes a UserError naming the file
 * (exit 2). Each module comes with what would make it unfit for a proof (design-check.ts).
 */
export async function readDesign(verilog: string, file: string, systemVerilog = false): Promise<DesignModule[]> {
  const name = systemVerilog ? 'design.sv' : 'design.v';
  const script = [`read_verilog${systemVerilog ? ' -sv' : ''} ${name}`, 'hierarchy -check', 'proc', 'write_json design.json', ...CHECK_COMMANDS].join('; ');
  const r = await runYosysInWorker(['-q', '-p', script], { [name]: verilog });
  if (!r.ok || !r.files['design.json']) {
    const msg = yosysErrors(r.stdout).replaceAll(name, file).replace(/^ERROR:\s*/gm, '');
    throw new UserError({ file, message: `Yosys cannot read the design: ${msg}`, hint: systemVerilog ? 'btfc reads the SystemVerilog that Yosys reads (read_verilog -sv)' : 'btfc reads Verilog-2005 (as Yosys does); name the file .sv for SystemVerilog' });
  }
  const json = JSON.parse(r.files['design.json']) as YosysJson;
  const initials = initialBlocks(verilog);
  const mods: DesignModule[] = [];
  for (const [mname, m] of Object.entries(json.modules)) {
    if (mname.startsWith('$')) continue;
    const init = initials.get(mname) ?? [];
    mods.push({
      name: mname,
      ports: Object.entries(m.ports).map(([p, d]) => ({ name: p, direction: d.direction, width: d.bits.length })),
      instantiates: [...new Set(Object.values(m.cells).map((c) => c.type).filter((t) => !t.startsWith('$')))],
      state: [...stateProblems(m, file), ...(init.length ? [`an \`initial\` block (${file}:${init.join(', ')})`] : [])],
      checks: [
        ...loopProblems(r.files['loops.log'] ?? '', mname, file, name),
        ...driverProblems(r.files['drivers.log'] ?? '', mname, file, name),
      ],
    });
  }
  if (mods.length === 0) throw new UserError({ file, message: 'the design holds no module', hint: 'write a `module … endmodule`' });
  return mods;
}

/**
 * The module to prove (or, for a design given as the spec, `purpose` 'use'): `--top`, else the one named
 * like the spec's circuit, else the only top module.
 */
export function pickTop(mods: readonly DesignModule[], file: string, top: string | undefined, circuit: string, purpose: 'verify' | 'use' = 'verify'): DesignModule {
  const names = mods.map((m) => m.name);
  if (top !== undefined) {
    const m = mods.find((x) => x.name === top);
    if (!m) throw new UserError({ file, message: `the design has no module '${top}'`, hint: `its modules: ${names.join(', ')}` });
    return m;
  }
  const same = mods.find((x) => x.name === circuit);
  if (same) return same;
  const used = new Set(mods.flatMap((m) => m.instantiates));
  const tops = mods.filter((m) => !used.has(m.name));
  if (tops.length === 1) return tops[0]!;
  throw new UserError({ file, message: `cannot tell which module to ${purpose}: ${tops.map((m) => m.name).join(', ')} are all top modules`, hint: 'name one with --top' });
}

/**
 * Refuse a module that is not a combinational circuit (its own problems, and the state of every module it
 * instantiates): a proof of it would mean nothing (design-check.ts).
 */
export function checkCombinational(top: DesignModule, mods: readonly DesignModule[], file: string, purpose: 'verify' | 'use' = 'verify'): void {
  const problems = [...top.checks];
  const seen = new Set<string>();
  const visit = (m: DesignModule, path: string) => {
    if (seen.has(m.name)) return;
    seen.add(m.name);
    for (const p of m.state) problems.push(path ? `${p} in module '${m.name}'` : p);
    for (const sub of m.instantiates) {
      const s = mods.find((x) => x.name === sub);
      if (s) visit(s, `${path}/${sub}`);
    }
  };
  visit(top, '');
  if (problems.length === 0) return;
  throw new UserError({
    file,
    message: `module '${top.name}' is not a combinational circuit, so it cannot be ${purpose === 'verify' ? 'proved' : 'a spec'}:\n  ${problems.join('\n  ')}`,
    hint: `btfc ${purpose === 'verify' ? 'verify proves' : 'takes as a spec'} combinational logic: one driver per signal (one \`assign\` or one \`always @*\` assigning it on every path), no clocks, latches, \`initial\` blocks or loops`,
  });
}

/** Check that the module's ports are the spec's, by name, direction and width; lists every difference. */
export function checkPorts(mod: DesignModule, file: string, inputs: readonly Port[], outputs: readonly Port[], specFile: string): void {
  const problems: string[] = [];
  const byName = new Map(mod.ports.map((p) => [p.name, p]));
  const expect = [...inputs.map((p) => ({ ...p, direction: 'input' as const })), ...outputs.map((p) => ({ ...p, direction: 'output' as const }))];
  for (const e of expect) {
    const d = byName.get(e.name);
    if (!d) { problems.push(`${e.direction} '${e.name}' (${e.width} bit${e.width === 1 ? '' : 's'}) is missing`); continue; }
    if (d.direction !== e.direction) problems.push(`'${e.name}' is an ${d.direction} in the design but an ${e.direction} in the spec`);
    else if (d.width !== e.width) problems.push(`${e.direction} '${e.name}' is ${d.width} bit${d.width === 1 ? '' : 's'} wide in the design but ${e.width} in the spec`);
  }
  for (const d of mod.ports) {
    if (!expect.some((e) => e.name === d.name)) problems.push(`the design has ${d.direction} '${d.name}' (${d.width} bit${d.width === 1 ? '' : 's'}) that the spec does not`);
  }
  if (problems.length > 0) {
    throw new UserError({
      file,
      message: `the ports of module '${mod.name}' do not match ${specFile}:\n  ${problems.join('\n  ')}`,
      hint: 'ports are matched by name and width: rename the ports or pick another module with --top / circuit with --circuit',
    });
  }
}
