#!/usr/bin/env node
// Entry of `npx plan-review`: runs the TypeScript sources through tsx (no build step).
'use strict';

require('tsx/cjs');
const { runCli } = require('../src/cli.ts');

process.exitCode = runCli(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
});
