import { report, runCli } from './cli';

function run(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const io = {
    stdout: { write: (t: string) => (stdout += t) },
    stderr: { write: (t: string) => (stderr += t) },
  };
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

describe('the run verdict', () => {
  const io = () => {
    let out = '';
    return {
      io: { stdout: { write: (t: string) => (out += t) }, stderr: { write: () => 0 } },
      out: () => out,
    };
  };
  const refs = [{ app: 'network', stack: 'network-dev', source: 'x' }];
  const base = { stack: 'network-dev', seconds: 1 };

  it('fails when a stack fails to plan', () => {
    const { io: streams } = io();
    expect(
      report([{ ...base, ok: false, error: 'boom' }], refs, {
        converge: true,
        io: streams,
        seconds: 1,
      }),
    ).toBe(1);
  });

  it('fails when a stack does not converge, naming the resource and the attributes', () => {
    const { io: streams, out } = io();
    const residuals = [{ address: 'aws_vpc.main', actions: ['update'], paths: ['tags.Name'] }];
    expect(
      report([{ ...base, ok: true, converged: false, residuals }], refs, {
        converge: true,
        io: streams,
        seconds: 1,
      }),
    ).toBe(1);
    expect(out()).toMatch(/DIVERGES network-dev aws_vpc\.main \(update\): tags\.Name/);
  });

  it('passes when every stack plans and converges', () => {
    const { io: streams, out } = io();
    expect(
      report([{ ...base, ok: true, converged: true, residuals: [] }], refs, {
        converge: true,
        io: streams,
        seconds: 1,
      }),
    ).toBe(0);
    expect(out()).toMatch(/1\/1 planned, 1 converged/);
  });
});
