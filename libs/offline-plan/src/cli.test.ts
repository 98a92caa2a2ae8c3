import { runCli } from './cli';

function run(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const io = { stdout: { write: (t: string) => (stdout += t) }, stderr: { write: (t: string) => (stderr += t) } };
  return runCli(argv, io).then((code) => ({ code, stdout, stderr }));
}

describe('plan-offline CLI', () => {
  it('without stacks, --app or --all it prints the usage and exits 2', async () => {
    const { code, stderr } = await run();
    expect(code).toBe(2);
    expect(stderr).toMatch(/name stacks, --app or --all/);
    expect(stderr).toMatch(/--base REF/);
  });

  it('an unknown option is a usage error (exit 2), not a stack trace', async () => {
    const { code, stderr } = await run('--frobnicate');
    expect(code).toBe(2);
    expect(stderr).toMatch(/^plan-offline: Unknown option '--frobnicate'/);
    expect(stderr).not.toMatch(/\n\s+at /);
  });

  it('--concurrency takes a whole number', async () => {
    const { code, stderr } = await run('--all', '--concurrency', 'two');
    expect(code).toBe(2);
    expect(stderr).toMatch(/--concurrency takes a whole number/);
  });

  it('--help prints the usage and exits 0', async () => {
    const { code, stdout } = await run('--help');
    expect(code).toBe(0);
    expect(stdout).toMatch(/--skip-convergence/);
  });
});
