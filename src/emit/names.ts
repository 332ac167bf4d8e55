// Signal names shared by the emitters: port bits by their spec names (`a[0]`, `cin`), gates `n<node>`.
// Stage: emit.

import type { Netlist } from '../ir/netlist.js';

/** A gate-name prefix that no port name can collide with (`n`, else `n_`, `n__`, …). */
export function gatePrefix(nl: Netlist): string {
  const names = [...nl.inputPorts, ...nl.outputPorts].map((p) => p.name);
  let prefix = 'n';
  while (names.some((n) => n.startsWith(prefix) && /^\d+$/.test(n.slice(prefix.length)))) prefix += '_';
  return prefix;
}

export interface SignalNames {
  /** Name of node i (inputs: port bit, gates: prefix + i); constants have none. */
  node: (i: number) => string;
  /** Names of the output bits, table column order. */
  outputs: string[];
}

/** Names with bus bits written `a[0]` (BLIF, JSON) — Verilog uses its own identifiers for the port part. */
export function signalNames(nl: Netlist, bit: (port: string, index: number | undefined) => string = (p, i) => (i === undefined ? p : `${p}[${i}]`)): SignalNames {
  const inBits: string[] = [];
  for (const p of nl.inputPorts) for (let i = 0; i < p.width; i++) inBits.push(bit(p.name, p.bus ? i : undefined));
  const outputs: string[] = [];
  for (const p of nl.outputPorts) for (let i = 0; i < p.width; i++) outputs.push(bit(p.name, p.bus ? i : undefined));
  const prefix = gatePrefix(nl);
  return {
    node: (i) => {
      if (i === 0) throw new Error('internal: the constant has no signal name');
      return i <= nl.numInputs ? inBits[i - 1]! : `${prefix}${i}`;
    },
    outputs,
  };
}

