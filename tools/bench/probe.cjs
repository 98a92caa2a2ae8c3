// Loaded into every node process of a measured command (NODE_OPTIONS=--require probe.cjs): at
// exit, writes the process's peak resident memory and CPU time to $BENCH_PROBE_DIR/<pid>.json,
// so the bench can tell one synth process from the small launcher that started it.
'use strict';
const { writeFileSync } = require('node:fs');
const { join } = require('node:path');

const dir = process.env.BENCH_PROBE_DIR;
if (dir) {
  process.on('exit', () => {
    const usage = process.resourceUsage();
    try {
      writeFileSync(
        join(dir, `${process.pid}.json`),
        JSON.stringify({
          argv: process.argv.slice(1),
          maxRssKiB: usage.maxRSS,
          cpuMs: (usage.userCPUTime + usage.systemCPUTime) / 1000,
        }),
      );
    } catch {
      // the bench removed the folder: nothing to report to
    }
  });
}
