#!/usr/bin/env node
// Entry point: the compiled CLI lives in dist/ (built by `npm ci` through the `prepare` script).
import { main } from '../dist/cli/main.js';

// `btfc table big.spec | head` closes the pipe early: that is not an error.
process.stdout.on('error', (err) => { if (err.code === 'EPIPE') process.exit(0); throw err; });

main(process.argv.slice(2)).then(
  (code) => { process.exitCode = code; },
  (err) => {
    // Only internal bugs reach here: user mistakes are reported as diagnostics inside main().
    console.error(`btfc: internal error: ${err && err.stack ? err.stack : err}`);
    process.exitCode = 1;
  },
);
