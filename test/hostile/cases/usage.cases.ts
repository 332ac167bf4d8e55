// Usage mistakes: unknown or mistyped options, extra positionals, values outside their choices. Each stops
// before any work (exit 2) and writes nothing.
import type { HostileCase } from '../corpus.js';

const mul2 = '{root}/examples/mul2.spec';

export const cases: HostileCase[] = [
  { name: 'mistyped --output and --restarts', args: ['compile', mul2, '--restart', '2', '--ouput', '{dir}/mine.v'], spawn: true, expect: { code: 2, err: /Unknown arguments: restart, ouput/ } },
  { name: 'an unknown flag', args: ['compile', mul2, '--frobnicate'], spawn: true, expect: { code: 2, err: /Unknown argument: frobnicate/ } },
  { name: 'a second positional path', args: ['compile', mul2, mul2], spawn: true, expect: { code: 2, err: /Unknown argument/ } },
  { name: 'table --format verilog', args: ['table', mul2, '--format', 'verilog'], expect: { code: 2, err: /Choices: "text", "pla", "truth"/ } },
  { name: 'table --format blif', args: ['table', mul2, '--format', 'blif'], expect: { code: 2, err: /Choices: "text", "pla", "truth"/ } },
  { name: 'no command', args: [], expect: { code: 2, err: /name a command/ } },
  { name: 'an unknown command', args: ['compiel', mul2], expect: { code: 2, err: /Unknown arguments?: compiel/ } },
  { name: '--engine bogus', args: ['solve', mul2, '--engine', 'bogus'], expect: { code: 2, err: /Choices: "wasm", "js"/ } },
  { name: 'solve --sigma 0', args: ['solve', mul2, '--sigma', '0'], expect: { code: 2, err: /σ/ } },
  { name: 'compile --beta 2', args: ['compile', mul2, '--beta', '2', '-o', '{dir}/x.v'], expect: { code: 2, err: /β/ } },
  { name: 'compile --restarts 0', args: ['compile', mul2, '--restarts', '0', '-o', '{dir}/x.v'], expect: { code: 2, err: /restarts/ } },
  { name: 'discover --patience abc', args: ['discover', 'mul', '--bits', '2', '--patience', 'abc'], expect: { code: 2, err: /--patience abc is not a number/ } },
  { name: 'discover --effort x', args: ['discover', 'mul', '--bits', '2', '--effort', 'x'], expect: { code: 2, err: /--effort x is not a number/ } },
  { name: 'discover --patience 0', args: ['discover', 'mul', '--bits', '2', '--patience', '0'], expect: { code: 2, err: /--patience 0 is out of range/ } },
  { name: 'discover --effort -1', args: ['discover', 'mul', '--bits', '2', '--effort', '-1'], expect: { code: 2, err: /--effort -1 is out of range/ } },
  { name: 'a missing spec file', args: ['compile', '{dir}/nope.spec', '-o', '{dir}/x.v'], expect: { code: 2, err: /nope\.spec/ } },
];
