#!/usr/bin/env node
// Entry of `npm run plan:offline`: runs the TypeScript sources through tsx (no build step).
'use strict';

require('tsx/cjs');
const { runCli } = require('../src/cli.ts');

runCli(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr }).then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    process.stderr.write(`plan-offline: ${error.message}\n`);
    process.exitCode = 1;
  },
);
