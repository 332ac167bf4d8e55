#!/usr/bin/env node
// Entry point: the compiled CLI lives in dist/ (built by `npm ci` through the `prepare` script).
import { cachedHelp } from '../dist/cli/help-cache.js';

// `btfc table big.spec | head` closes the pipe early: that is not an error.
process.stdout.on('error', (err) => { if (err.code === 'EPIPE') process.exit(0); throw err; });

const argv = process.argv.slice(2);
// A plain `--help` is printed from the texts rendered at build time, without loading yargs and every
// command (dist/cli/help-cache.js says why).
const help = cachedHelp(argv, process.stdout.columns);
if (help !== undefined) {
  process.stdout.write(help);
} else {
  const { main } = await import('../dist/cli/main.js');
  main(argv).then(
    (code) => { process.exitCode = code; },
    (err) => {
      // Only internal bugs reach here: user mistakes are reported as diagnostics inside main().
      console.error(`btfc: internal error: ${err && err.stack ? err.stack : err}`);
      process.exitCode = 1;
    },
  );
}
