import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { CLI_PLANS } from '../test-fixtures/cli-plans';
import { writeTempFiles } from '../test-fixtures/temp-files';

// The bin in child processes: seconds per run, so mutation runs leave this file out; cli.test.ts
// drives the same CLI in-process through runCli.
const files = writeTempFiles(CLI_PLANS);
const f = (name: string) => files[name];

describe('the real bin', () => {
  const bin = join(__dirname, '..', 'bin', 'plan-review.js');

  it('runs end to end with node, and prints one line and no stack trace on bad input', () => {
    const ok = spawnSync(process.execPath, [bin, 'summarize', f('plans/network-prod/plan.json')], {
      encoding: 'utf8',
    });
    expect(ok.status).toBe(0);
    expect(ok.stdout).toContain('## Terraform plan review');
    const bad = spawnSync(process.execPath, [bin, 'summarize', f('plans/garbage.json')], {
      encoding: 'utf8',
    });
    expect(bad.status).toBe(2);
    expect(bad.stdout).toBe('');
    expect(bad.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(bad.stderr).not.toMatch(/\n\s+at /);
    const guard = spawnSync(process.execPath, [bin, 'guard', f('plans/registry-prod.json')], {
      encoding: 'utf8',
    });
    expect(guard.status).toBe(3);
  });
});
