// Output paths (issue 12, defects 3, 4, 10 and the output parts of 11): an output onto the input spec or
// onto another output, outputs into missing folders or onto directories (refused before any work: the
// budgets here would run for hours otherwise), empty names, `-` for standard output, symbolic links,
// devices and FIFOs (written through, never replaced), and the rule that a run that does not succeed
// writes nothing, not even its --json report (docs/ARCHITECTURE.md, "Output rules").
import { execFileSync, spawn } from 'node:child_process';
import { linkSync, lstatSync, mkdirSync, readFileSync, statSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import type { HostileCase } from '../corpus.js';

const mul2 = '{root}/examples/mul2.spec';
const MUL2 = readFileSync(new URL('../../../examples/mul2.spec', import.meta.url), 'utf8');
/** A run that solves mul2 in about a second and writes: two restarts (seed 1's second one fits), no proof. */
const QUICK = ['--restarts', '2', '--workers', '1', '--no-prove', '--effort', '10'];
/** A budget that would run for hours: a case with it that ends at once was refused before the work. */
const HUGE = ['--iterations', '100000000', '--restarts', '1000', '--gapstop', '0', '--workers', '1'];
/** A run that cannot solve: nothing may be written. */
const UNSOLVED = ['--no-floor', '--iterations', '5', '--restarts', '1', '--workers', '1', '--no-fit-stop'];
const FAST = 15_000;

const spec = { 'm.spec': MUL2 };
const unchanged = (dir: string) => { expect(readFileSync(join(dir, 'm.spec'), 'utf8')).toBe(MUL2); };
const link = (target: string, name: string) => (dir: string) => { symlinkSync(target, join(dir, name)); };
const fifo = (name: string) => (dir: string) => { execFileSync('mkfifo', [join(dir, name)]); };
const folder = (name: string) => (dir: string) => { mkdirSync(join(dir, name)); };
const isVerilog = (dir: string, name: string) => { expect(readFileSync(join(dir, name), 'utf8')).toMatch(/module mul2/); };

/**
 * Refused before the work: exit 2, the message, the spec untouched, nothing written. In-process, with
 * every path in the case's folder (`d(…)`), unless the case is about relative paths (`spawn`).
 */
function refused(name: string, args: string[], err: RegExp, extra: Partial<HostileCase> = {}): HostileCase {
  return { name, args, files: spec, check: unchanged, timeoutMs: FAST, ...extra, expect: { code: 2, err } };
}
const d = (p: string) => `{dir}/${p}`;
const rel = { spawn: true };

/** Defect 4: an output that is the input, or two outputs on one file. */
const sameFile: HostileCase[] = [
  refused('-o the spec itself', ['compile', 'm.spec', '-o', 'm.spec', ...HUGE], /^error: -o m\.spec is the input m\.spec: writing it would destroy the input\n/, rel),
  refused('--json the spec itself', ['compile', d('m.spec'), '--json', d('m.spec'), ...HUGE], /--json \S*m\.spec is the input \S*m\.spec/),
  refused('--blif the spec itself', ['compile', d('m.spec'), '--blif', d('m.spec'), ...HUGE], /--blif \S*m\.spec is the input/),
  refused('--netlist-json the spec itself', ['compile', d('m.spec'), '--netlist-json', d('m.spec'), ...HUGE], /--netlist-json \S*m\.spec is the input/),
  refused('-o the spec by another spelling', ['compile', 'm.spec', '-o', './sub/../m.spec', ...HUGE], /-o \.\/sub\/\.\.\/m\.spec is the input m\.spec/, { ...rel, setup: folder('sub') }),
  refused('-o the spec by its absolute path', ['compile', 'm.spec', '-o', d('m.spec'), ...HUGE], /is the input m\.spec/, rel),
  refused('-o a symbolic link to the spec', ['compile', d('m.spec'), '-o', d('out.v'), ...HUGE], /-o \S*out\.v is the input \S*m\.spec/, { setup: link('m.spec', 'out.v') }),
  refused('-o a hard link to the spec', ['compile', d('m.spec'), '-o', d('out.v'), ...HUGE], /-o \S*out\.v is the input/,
    { setup: (dir) => linkSync(join(dir, 'm.spec'), join(dir, 'out.v')) }),
  refused('the spec read through a link, -o the file it names', ['compile', d('in.spec'), '-o', d('m.spec'), ...HUGE], /-o \S*m\.spec is the input \S*in\.spec/,
    { setup: link('m.spec', 'in.spec') }),
  refused('solve --json the spec', ['solve', d('m.spec'), '--json', d('m.spec'), ...HUGE], /--json \S*m\.spec is the input/),
  refused('solve --net the spec', ['solve', d('m.spec'), '--net', d('m.spec'), ...HUGE], /--net \S*m\.spec is the input/),
  refused('discover -o the spec', ['discover', d('m.spec'), '-o', d('m.spec'), '--timeout', '600'], /-o \S*m\.spec is the input/),
  refused('--svg the spec itself', ['compile', d('m.spec'), '--svg', d('m.spec'), ...HUGE], /--svg \S*m\.spec is the input/),
  refused('-o out.v --svg out.v', ['compile', d('m.spec'), '-o', d('out.v'), '--svg', d('out.v'), ...HUGE], /-o \S*out\.v and --svg \S*out\.v name the same file/),
  refused('discover --svg the spec', ['discover', d('m.spec'), '--svg', d('m.spec'), '--timeout', '600'], /--svg \S*m\.spec is the input/),
  refused('draw -o the spec it draws', ['draw', d('m.spec'), '-o', d('m.spec'), '--timeout', '600'], /-o \S*m\.spec is the input/),
  refused('discover --json the spec', ['discover', d('m.spec'), '--json', d('m.spec'), '--timeout', '600'], /--json \S*m\.spec is the input/),
  refused('-o out.v --blif out.v', ['compile', 'm.spec', '-o', 'out.v', '--blif', 'out.v', ...HUGE], /^error: -o out\.v and --blif out\.v name the same file\nhint: give each output its own file/, rel),
  refused('-o out.v --json out.v', ['compile', d('m.spec'), '-o', d('out.v'), '--json', d('out.v'), ...HUGE], /name the same file/),
  refused('--json and --netlist-json on one file', ['compile', d('m.spec'), '--json', d('r.json'), '--netlist-json', d('r.json'), ...HUGE], /--netlist-json \S*r\.json and --json \S*r\.json name the same file/),
  refused('-o out.v --blif ./out.v', ['compile', 'm.spec', '-o', 'out.v', '--blif', './out.v', ...HUGE], /-o out\.v and --blif \.\/out\.v name the same file/, rel),
  refused('-o through a link onto the --blif file', ['compile', d('m.spec'), '-o', d('alias.v'), '--blif', d('out.v'), ...HUGE], /name the same file/,
    { setup: link('out.v', 'alias.v') }),
  refused('solve --json and --net on one file', ['solve', d('m.spec'), '--json', d('x'), '--net', d('x'), ...HUGE], /--json \S*x and --net \S*x name the same file/),
  refused('-o - --json -', ['compile', d('m.spec'), '-o', '-', '--json', '-', ...HUGE], /-o and --json both write to standard output/),
  refused('-o - --blif -', ['compile', d('m.spec'), '-o', '-', '--blif', '-', ...HUGE], /-o and --blif both write to standard output/),
  refused('-o /dev/stdout --json -', ['compile', d('m.spec'), '-o', '/dev/stdout', '--json', '-', ...HUGE], /both write to standard output/),
  refused('--json=- beside --blif -', ['compile', d('m.spec'), '--json=-', '--blif', '-', ...HUGE], /--blif and --json both write to standard output/),
  refused('discover -o - --json -', ['discover', d('m.spec'), '-o', '-', '--json', '-', '--timeout', '600'], /both write to standard output/),
  refused('solve --json - --net -', ['solve', d('m.spec'), '--json', '-', '--net', '-', ...HUGE], /--json and --net both write to standard output/),
];

/** Defect 10: outputs that cannot be written are refused before the work, not after it. */
const unwritable: HostileCase[] = [
  refused('-o into a missing folder', ['compile', 'm.spec', '-o', 'nodir/x.v', ...HUGE], /^error: cannot write nodir\/x\.v: no such folder \S*nodir\n/, rel),
  refused('--json into a missing folder', ['compile', d('m.spec'), '--json', d('nodir/r.json'), ...HUGE], /cannot write \S*nodir\/r\.json: no such folder/),
  refused('--blif into a missing folder', ['compile', d('m.spec'), '--blif', d('a/b/c.blif'), ...HUGE], /cannot write \S*a\/b\/c\.blif: no such folder/),
  refused('--netlist-json under a file', ['compile', d('m.spec'), '--netlist-json', d('m.spec/n.json'), ...HUGE], /cannot write \S*m\.spec\/n\.json: .*not a folder/),
  refused('-o a directory', ['compile', d('m.spec'), '-o', d('sub'), ...HUGE], /cannot write \S*sub: it is a directory/, { setup: folder('sub') }),
  refused('-o the case folder itself', ['compile', d('m.spec'), '-o', '{dir}', ...HUGE], /it is a directory/),
  refused('-o a name ending in a slash', ['compile', d('m.spec'), '-o', d('out/'), ...HUGE], /cannot write \S*out\/: the name ends in a slash/),
  refused('-o a link into a missing folder', ['compile', d('m.spec'), '-o', d('l.v'), ...HUGE], /cannot write \S*l\.v: no such folder/, { setup: link('nodir/x.v', 'l.v') }),
  refused('-o a loop of links', ['compile', d('m.spec'), '-o', d('a.v'), ...HUGE], /cannot write \S*a\.v: too many levels of symbolic links/,
    { setup: (dir) => { symlinkSync('b.v', join(dir, 'a.v')); symlinkSync('a.v', join(dir, 'b.v')); } }),
  refused('-o a file name of 300 characters', ['compile', d('m.spec'), '-o', d(`${'x'.repeat(300)}.v`), ...HUGE], /file name too long/),
  refused('the default output <circuit>.v is a directory', ['compile', 'm.spec', ...HUGE], /cannot write mul2\.v: it is a directory/, { ...rel, setup: folder('mul2.v') }),
  refused('solve --json into a missing folder', ['solve', d('m.spec'), '--json', d('nodir/r.json'), ...HUGE], /no such folder/),
  refused('solve --net onto a directory', ['solve', d('m.spec'), '--net', d('sub'), ...HUGE], /cannot write \S*sub: it is a directory/, { setup: folder('sub') }),
  refused('discover -o into a missing folder', ['discover', d('m.spec'), '-o', d('nodir/x.v'), '--timeout', '600'], /no such folder/),
  refused('discover --json onto a directory', ['discover', d('m.spec'), '--json', d('sub'), '--timeout', '600'], /it is a directory/, { setup: folder('sub') }),
  refused('discover mul -o into a missing folder', ['discover', 'mul', '--bits', '2', '-o', d('nodir/x.v'), '--timeout', '600'], /no such folder/),
];

/** Defect 11: empty names, `-` for standard output, and nothing written by a run that fails. */
const names: HostileCase[] = [
  { name: '-o an empty name', args: ['compile', mul2, '-o', '', ...HUGE], timeoutMs: FAST, expect: { code: 2, err: /error: -o names an empty file\nhint: give -o a file name, or `-` for standard output/ } },
  { name: '--json an empty name', args: ['compile', mul2, '--json', '', ...HUGE], timeoutMs: FAST, expect: { code: 2, err: /--json names an empty file/ } },
  { name: '--blif an empty name', args: ['compile', mul2, '--blif', '', ...HUGE], timeoutMs: FAST, expect: { code: 2, err: /--blif names an empty file/ } },
  { name: 'solve --net an empty name', args: ['solve', mul2, '--net', '', ...HUGE], timeoutMs: FAST, expect: { code: 2, err: /--net names an empty file/ } },
  { name: 'discover --json an empty name', args: ['discover', 'mul', '--bits', '2', '--json', '', '--timeout', '600'], timeoutMs: FAST, expect: { code: 2, err: /--json names an empty file/ } },
  { name: '-o followed by another option', args: ['compile', mul2, '-o', '--json', 'r.json', ...HUGE], timeoutMs: FAST, expect: { code: 2, err: /error: / } },
  { name: '-o given twice', args: ['compile', mul2, '-o', '{dir}/a.v', '-o', '{dir}/b.v', ...HUGE], timeoutMs: FAST, expect: { code: 2, err: /-o is given 2 times \(\S*a\.v, \S*b\.v\)\nhint: give -o once/ } },
  { name: '--json given twice, once empty', args: ['compile', mul2, '--json', '', '--json', '{dir}/r.json', ...HUGE], timeoutMs: FAST, expect: { code: 2, err: /--json is given 2 times \('', / } },
  { name: 'an output name with a NUL byte', args: ['compile', mul2, '-o', '{dir}/a\0b.v', ...HUGE], timeoutMs: FAST, expect: { code: 2, err: /an output file name holds a NUL byte/ } },
  { name: 'compile an empty spec name', args: ['compile', ''], expect: { code: 2, err: /^error: the spec file name is empty\nhint: name a spec file/ } },
  { name: 'compile - (no spec from stdin)', args: ['compile', '-'], spawn: true, stdin: MUL2, expect: { code: 2, err: /^error: the spec file name is empty\nhint: .*standard input/ } },
  { name: 'solve -', args: ['solve', '-'], spawn: true, stdin: MUL2, expect: { code: 2, err: /the spec file name is empty/ } },
  { name: 'discover an empty name', args: ['discover', ''], expect: { code: 2, err: /the spec \(or family\) file name is empty/ } },
  {
    name: '-o - prints the Verilog on stdout and the summary on stderr', args: ['compile', 'm.spec', '-o', '-', ...QUICK], files: spec, spawn: true,
    expect: { code: 0, out: /^\/\/ Generated by btfc[^]*module mul2[^]*endmodule\n$/, err: /wrote standard output/ },
  },
  {
    name: '--output - (the long option) is stdout too', args: ['compile', 'm.spec', '--output', '-', ...QUICK], files: spec, spawn: true,
    expect: { code: 0, out: /module mul2/, err: /wrote standard output/ },
  },
  { name: '-o- (joined) is stdout', args: ['compile', 'm.spec', '-o-', ...QUICK], files: spec, spawn: true, expect: { code: 0, out: /module mul2/ } },
  {
    name: '--json - beside -o out.v', args: ['compile', 'm.spec', '--json', '-', '-o', 'out.v', ...QUICK], files: spec, spawn: true,
    expect: { code: 0, out: /^\{\n {2}"spec": "m\.spec"/, err: /wrote out\.v, standard output/, written: ['out.v'] },
    check: (d) => isVerilog(d, 'out.v'),
  },
  { name: 'solve --json - prints the report', args: ['solve', 'm.spec', '--json', '-', ...QUICK.slice(0, 4)], files: spec, spawn: true, expect: { code: 0, out: /^\{\n {2}"circuit": "mul2"/ } },
  { name: 'solve --net - prints the network', args: ['solve', 'm.spec', '--net', '-', ...QUICK.slice(0, 4)], files: spec, spawn: true, expect: { code: 0, err: /wrote standard output/ } },
  {
    name: 'an unsolved compile writes no circuit and no --json report', args: ['compile', 'm.spec', '-o', 'out.v', '--json', 'r.json', '--blif', 'o.blif', ...UNSOLVED],
    files: spec, spawn: true, expect: { code: 1, out: /not solved/ },
  },
  {
    name: 'an unsolved compile with the default output writes nothing', args: ['compile', 'm.spec', '--json', 'r.json', ...UNSOLVED],
    files: spec, spawn: true, expect: { code: 1, out: /not solved/ },
  },
  {
    name: 'an unsolved solve writes neither --json nor --net', args: ['solve', 'm.spec', '--json', 'r.json', '--net', 'n.net', ...UNSOLVED.slice(1)],
    files: spec, spawn: true, expect: { code: 1, out: /r\.json, n\.net not written: no restart solved/ },
  },
  {
    name: 'an unsolved compile to stdout prints no Verilog', args: ['compile', 'm.spec', '-o', '-', ...UNSOLVED], files: spec, spawn: true,
    expect: { code: 1, err: /not solved/ }, check: () => undefined,
  },
];

/** Defect 3: links, devices and FIFOs. */
const targets: HostileCase[] = [
  {
    name: '-o /dev/null discards, and /dev/null stays a device', args: ['compile', mul2, '-o', '/dev/null', ...QUICK],
    expect: { code: 0, out: /wrote \/dev\/null/ }, check: () => { expect(statSync('/dev/null').isCharacterDevice()).toBe(true); },
  },
  { name: '-o and --json both /dev/null', args: ['compile', mul2, '-o', '/dev/null', '--json', '/dev/null', ...QUICK], expect: { code: 0, out: /wrote \/dev\/null, \/dev\/null/ } },
  {
    name: '-o /dev/full reports no space and writes nothing else', args: ['compile', mul2, '-o', '/dev/full', '--json', '{dir}/r.json', ...QUICK],
    expect: { code: 2, err: /cannot write \/dev\/full: no space left on the device \(ENOSPC\)/ },
    check: () => { expect(statSync('/dev/full').isCharacterDevice()).toBe(true); },
  },
  {
    name: '-o a symbolic link replaces the file it names and keeps the link', args: ['compile', 'm.spec', '-o', 'l.v', ...QUICK], files: { ...spec, 'target.v': 'old\n' },
    spawn: true, setup: link('target.v', 'l.v'), expect: { code: 0, out: /wrote l\.v/ },
    check: (d) => { expect(lstatSync(join(d, 'l.v')).isSymbolicLink()).toBe(true); isVerilog(d, 'target.v'); },
  },
  {
    name: '-o a dangling link creates the file it names', args: ['compile', 'm.spec', '-o', 'l.v', ...QUICK], files: spec, spawn: true,
    setup: link('made.v', 'l.v'), expect: { code: 0, written: ['made.v'] }, check: (d) => isVerilog(d, 'made.v'),
  },
  {
    name: '-o a link into a subfolder', args: ['compile', 'm.spec', '-o', 'l.v', ...QUICK], files: spec, spawn: true,
    setup: (d) => { mkdirSync(join(d, 'sub')); symlinkSync('sub/deep.v', join(d, 'l.v')); }, expect: { code: 0 },
    check: (d) => isVerilog(d, 'sub/deep.v'),
  },
  {
    name: '-o a FIFO nobody reads is refused, not waited on', args: ['compile', 'm.spec', '-o', 'p', ...QUICK], files: spec, spawn: true,
    setup: fifo('p'), expect: { code: 2, err: /cannot write p: no process is reading the FIFO/ },
    check: (d) => { expect(statSync(join(d, 'p')).isFIFO()).toBe(true); },
  },
  {
    name: '-o a FIFO with a reader writes through it', args: ['compile', 'm.spec', '-o', 'p', ...QUICK], files: { ...spec, got: '' }, spawn: true,
    setup: (d) => { fifo('p')(d); spawn('sh', ['-c', 'cat p >> got'], { cwd: d, stdio: 'ignore' }); },
    expect: { code: 0, out: /wrote p/ },
    check: async (d) => {
      for (let i = 0; i < 40 && !readFileSync(join(d, 'got'), 'utf8').includes('endmodule'); i++) await new Promise((r) => setTimeout(r, 50));
      isVerilog(d, 'got');
      expect(statSync(join(d, 'p')).isFIFO()).toBe(true);
    },
  },
  { name: '-o /dev/stdout is standard output, not a file', args: ['compile', mul2, '-o', '/dev/stdout', ...QUICK], spawn: true, expect: { code: 0, out: /module mul2/, err: /wrote standard output/ } },
  {
    name: '--blif /dev/null beside a real -o', args: ['compile', 'm.spec', '-o', 'out.v', '--blif', '/dev/null', ...QUICK], files: spec, spawn: true,
    expect: { code: 0, written: ['out.v'] }, check: (d) => isVerilog(d, 'out.v'),
  },
  {
    name: '-o an existing file replaces it whole', args: ['compile', 'm.spec', '-o', 'out.v', ...QUICK], files: { ...spec, 'out.v': 'old\n' }, spawn: true,
    expect: { code: 0 }, check: (d) => isVerilog(d, 'out.v'),
  },
  { name: 'solve --net /dev/null', args: ['solve', mul2, '--net', '/dev/null', ...QUICK.slice(0, 4)], expect: { code: 0, out: /wrote \/dev\/null/ } },
];

export const cases: HostileCase[] = [...sameFile, ...unwritable, ...names, ...targets];
