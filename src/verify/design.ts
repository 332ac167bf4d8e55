// Reading a user's Verilog design through Yosys: which modules it holds, their ports, and which module is
// the top. Stage: verify (`btfc verify`).

import { UserError } from '../util/diagnostics.js';
import type { Port } from '../ir/spec.js';
import { runYosysInWorker, yosysErrors } from './yosys.js';

export interface DesignPort { name: string; direction: 'input' | 'output' | 'inout'; width: number }
export interface DesignModule { name: string; ports: DesignPort[]; instantiates: string[] }

/** Yosys names user modules `\name` in JSON without the backslash; internal ones start with `$`. */
interface YosysJson {
  modules: Record<string, {
    attributes?: Record<string, string>;
    ports: Record<string, { direction: 'input' | 'output' | 'inout'; bits: unknown[] }>;
    cells: Record<string, { type: string }>;
  }>;
}

/** Parse a design with Yosys; a parse error becomes a UserError naming the file (exit 2). */
export async function readDesign(verilog: string, file: string): Promise<DesignModule[]> {
  const name = 'design.v';
  const r = await runYosysInWorker(['-q', '-p', `read_verilog ${name}; proc; write_json design.json`], { [name]: verilog });
  if (!r.ok || !r.files['design.json']) {
    const msg = yosysErrors(r.stdout).replaceAll(name, file).replace(/^ERROR:\s*/gm, '');
    throw new UserError({ file, message: `Yosys cannot read the design: ${msg}`, hint: 'btfc verify reads Verilog-2005 (as Yosys does)' });
  }
  const json = JSON.parse(r.files['design.json']) as YosysJson;
  const mods: DesignModule[] = [];
  for (const [mname, m] of Object.entries(json.modules)) {
    if (mname.startsWith('$')) continue;
    mods.push({
      name: mname,
      ports: Object.entries(m.ports).map(([p, d]) => ({ name: p, direction: d.direction, width: d.bits.length })),
      instantiates: [...new Set(Object.values(m.cells).map((c) => c.type).filter((t) => !t.startsWith('$')))],
    });
  }
  if (mods.length === 0) throw new UserError({ file, message: 'the design holds no module', hint: 'write a `module … endmodule`' });
  return mods;
}

/** The module to prove: `--top`, else the one named like the spec's circuit, else the only top module. */
export function pickTop(mods: readonly DesignModule[], file: string, top: string | undefined, circuit: string): DesignModule {
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
  throw new UserError({ file, message: `cannot tell which module to verify: ${tops.map((m) => m.name).join(', ')} are all top modules`, hint: 'name one with --top' });
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
