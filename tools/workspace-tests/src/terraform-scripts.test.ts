import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from './synth';

const TERRAFORM_ENV = join(ROOT, 'tools', 'scripts', 'terraform-env.mjs');
const VALIDATE = join(ROOT, 'tools', 'scripts', 'validate.mjs');

/** A folder holding a provider mirror's layout: <dir>/registry.terraform.io/hashicorp/aws. */
function mirrorAt(dir: string): string {
  mkdirSync(join(dir, 'registry.terraform.io', 'hashicorp', 'aws'), { recursive: true });
  return dir;
}

/** findProviderMirror's answer for a file system rooted at `root`, with an empty home. */
function findMirror(root: string, env: Record<string, string> = {}): unknown {
  const home = join(root, 'home', 'user');
  mkdirSync(home, { recursive: true });
  const script = `import { findProviderMirror } from ${JSON.stringify(TERRAFORM_ENV)};
try {
  const found = findProviderMirror({ env: ${JSON.stringify(env)}, home: ${JSON.stringify(home)}, root: ${JSON.stringify(root)} });
  console.log(JSON.stringify(found ?? null));
} catch (error) { console.log(JSON.stringify({ error: error.message })); }`;
  const out = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
    encoding: 'utf8',
  });
  return JSON.parse(out.stdout);
}

describe('terraform-env: provider mirror discovery', () => {
  it('finds a mirror that only the bounded search reaches (nothing in terraform’s implicit folders) and says how', () => {
    const root = mkdtempSync(join(tmpdir(), 'platform-mirror-'));
    const mirror = mirrorAt(join(root, 'srv', 'terraform-mirror'));
    expect(findMirror(root)).toEqual({
      path: mirror,
      source: expect.stringContaining('search'),
    });
  });

  it('prefers terraform’s implicit mirror folder over the search', () => {
    const root = mkdtempSync(join(tmpdir(), 'platform-mirror-'));
    mirrorAt(join(root, 'srv', 'terraform-mirror'));
    const implicit = mirrorAt(join(root, 'usr', 'share', 'terraform', 'plugins'));
    expect(findMirror(root)).toEqual({
      path: implicit,
      source: expect.stringContaining('implicit'),
    });
  });

  it('finds nothing in skipped trees (node_modules) or deeper than the bound', () => {
    const root = mkdtempSync(join(tmpdir(), 'platform-mirror-'));
    mirrorAt(join(root, 'srv', 'node_modules', 'mirror'));
    mirrorAt(join(root, 'a', 'b', 'c', 'd', 'e'));
    expect(findMirror(root)).toBeNull();
  });

  it('takes $TF_PLUGIN_MIRROR first, and refuses one without a registry.terraform.io folder', () => {
    const root = mkdtempSync(join(tmpdir(), 'platform-mirror-'));
    mirrorAt(join(root, 'srv', 'terraform-mirror'));
    const chosen = mirrorAt(join(root, 'chosen'));
    expect(findMirror(root, { TF_PLUGIN_MIRROR: chosen })).toEqual({
      path: chosen,
      source: '$TF_PLUGIN_MIRROR',
    });
    expect(findMirror(root, { TF_PLUGIN_MIRROR: join(root, 'home') })).toEqual({
      error: expect.stringContaining('has no registry.terraform.io folder'),
    });
  });
});

/**
 * Runs validate.mjs over one stack with a stand-in `terraform` on PATH whose `validate`
 * behaves as given (init and version succeed).
 */
function validateWith(validateScript: string): { status: number | null; output: string } {
  const dir = mkdtempSync(join(tmpdir(), 'platform-validate-test-'));
  const bin = join(dir, 'bin');
  mkdirSync(bin);
  writeFileSync(
    join(bin, 'terraform'),
    `#!/bin/sh
case "$1" in
  version) echo "Terraform v1.11.4" ;;
  init) exit 0 ;;
  validate) ${validateScript} ;;
esac
`,
  );
  chmodSync(join(bin, 'terraform'), 0o755);
  const stack = join(dir, 'out', 'stacks', 'network-dev');
  mkdirSync(stack, { recursive: true });
  writeFileSync(join(stack, 'cdk.tf.json'), '{}');
  const mirror = mirrorAt(join(dir, 'mirror'));
  const result = spawnSync(process.execPath, [VALIDATE, join(dir, 'out')], {
    encoding: 'utf8',
    env: { ...process.env, PATH: `${bin}:${process.env['PATH']}`, TF_PLUGIN_MIRROR: mirror },
  });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

describe('validate.mjs: failures carry their cause', () => {
  it('when terraform validate crashes, shows its exit code and stderr, not a JSON parse error', () => {
    const { status, output } = validateWith(
      `echo "panic: runtime error: invalid memory address or nil pointer dereference" >&2; echo "goroutine 1 [running]:" >&2; exit 2`,
    );
    expect(status).toBe(1);
    expect(output).toContain('FAIL network-dev');
    expect(output).toContain('printed no JSON result (exit code 2)');
    expect(output).toContain('panic: runtime error: invalid memory address');
    expect(output).not.toMatch(/Unexpected token|JSON at position|SyntaxError/);
  });

  it('when the configuration is invalid, lists terraform’s diagnostics', () => {
    const { status, output } = validateWith(
      `echo '{"valid":false,"diagnostics":[{"severity":"error","summary":"Unsupported argument","detail":"An argument named \\"foo\\" is not expected here.","address":"aws_vpc.main"}]}'; exit 1`,
    );
    expect(status).toBe(1);
    expect(output).toContain('error: Unsupported argument');
    expect(output).toContain('[aws_vpc.main]');
  });

  it('a valid stack passes, and the log names the mirror it used', () => {
    const { status, output } = validateWith(`echo '{"valid":true,"diagnostics":[]}'`);
    expect(status).toBe(0);
    expect(output).toContain('ok   network-dev');
    expect(output).toMatch(
      /providers from the local mirror \S+mirror \(offline; found through \$TF_PLUGIN_MIRROR\)/,
    );
  });
});

describe('cdktf.mjs: diff and deploy of one app for one environment', () => {
  const CDKTF = join(ROOT, 'tools', 'scripts', 'cdktf.mjs');
  /** A working folder with the environments and an app synthesized for some of them. */
  function workspaceWith(app: string, stacks: string[]): string {
    const dir = mkdtempSync(join(tmpdir(), 'platform-cdktf-'));
    mkdirSync(join(dir, 'environments'));
    for (const env of ['dev', 'gcpdev'])
      writeFileSync(join(dir, 'environments', `${env}.yaml`), '');
    for (const stack of stacks) {
      mkdirSync(join(dir, 'dist', 'apps', app, 'stacks', stack), { recursive: true });
      writeFileSync(join(dir, 'dist', 'apps', app, 'stacks', stack, 'cdk.tf.json'), '{}');
    }
    return dir;
  }
  const run = (cwd: string, ...args: string[]) =>
    spawnSync(process.execPath, [CDKTF, ...args], { cwd, encoding: 'utf8' });

  it('a family synthesized without a stack for the environment has nothing to deploy there', () => {
    const result = run(workspaceWith('gke', ['gke-gcpdev']), 'deploy', 'gke', '--env=dev');
    expect(result.status).toBe(0);
    expect(result.stdout).toBe('gke:deploy: gke has no stack for dev; nothing to deploy\n');
  });

  it('a family not synthesized at all is an error that says to synthesize it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'platform-cdktf-'));
    mkdirSync(join(dir, 'environments'));
    writeFileSync(join(dir, 'environments', 'dev.yaml'), '');
    const result = run(dir, 'deploy', 'gke', '--env=dev');
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(
      'gke-dev is not synthesized in dist/apps/gke; run nx run gke:synth',
    );
  });
});
