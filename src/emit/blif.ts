// BLIF writer (Berkeley Logic Interchange Format): `.model/.inputs/.outputs`, one `.names` cover per gate
// and per output, bus bits as `a[0]`. Stage: emit.

import { match } from 'ts-pattern';
import { isGate, litNeg, litNode, type Lit, type Netlist } from '../ir/netlist.js';
import { signalNames } from './names.js';

export function writeBlif(nl: Netlist, header: string[] = []): string {
  const names = signalNames(nl);
  const out: string[] = header.map((h) => `# ${h}`);
  const inBits = Array.from({ length: nl.numInputs }, (_, j) => names.node(1 + j));
  out.push(`.model ${nl.name}`);
  out.push(`.inputs ${inBits.join(' ')}`);
  out.push(`.outputs ${names.outputs.join(' ')}`);
  // A cover row: the literal's required value in each position ('1', or '0' when complemented).
  const bit = (l: Lit) => (litNeg(l) ? '0' : '1');
  // Constant fanins (only in unsimplified netlists) get their own constant signals.
  let usesConst = false;
  const sig = (l: Lit) => { if (l < 2) { usesConst = true; return '$false'; } return names.node(litNode(l)); };
  const body: string[] = [];
  for (let i = nl.numInputs + 1; i < nl.nodes.length; i++) {
    const g = nl.nodes[i]!;
    if (!isGate(g)) continue;
    const [a, b, c] = g.ins;
    body.push(`.names ${g.ins.map(sig).join(' ')} ${names.node(i)}`);
    match(g)
      .with({ kind: 'and' }, () => body.push(`${bit(a)}${bit(b)} 1`))
      .with({ kind: 'or' }, () => body.push(`${bit(a)}- 1`, `-${bit(b)} 1`))
      .with({ kind: 'maj' }, () => body.push(`${bit(a)}${bit(b)}- 1`, `${bit(a)}-${bit(c!)} 1`, `-${bit(b)}${bit(c!)} 1`))
      .exhaustive();
  }
  nl.outputs.forEach((l, k) => {
    if (l === 0) body.push(`.names ${names.outputs[k]}`);
    else if (l === 1) body.push(`.names ${names.outputs[k]}`, '1');
    else body.push(`.names ${names.node(litNode(l))} ${names.outputs[k]}`, `${bit(l)} 1`);
  });
  if (usesConst) out.push('.names $false');
  out.push(...body, '.end');
  return `${out.join('\n')}\n`;
}
