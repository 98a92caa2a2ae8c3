// tools/scripts/validate.mjs on GCP stacks, with a stand-in `terraform` on PATH: the schema check
// always runs; terraform validate runs only where terraform can install the google provider.
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gcpStackJson, type GcpStack } from './test-fixtures/gcp-stack';

const ROOT = join(__dirname, '..', '..', '..');
const VALIDATE = join(ROOT, 'tools', 'scripts', 'validate.mjs');

/** A stand-in terraform: `init` of a configuration naming google fails unless GOOGLE_INSTALLS=1. */
const STUB = `#!/bin/sh
case "$1" in
  version) echo "Terraform v1.11.4" ;;
  init)
    if [ "$GOOGLE_INSTALLS" != "1" ] && grep -qs '"google"' ./*.tf.json; then
      echo "Error: Failed to query available provider packages" >&2
      echo "could not connect to registry.terraform.io" >&2
      exit 1
    fi ;;
  validate) echo '{"valid":true,"diagnostics":[]}' ;;
esac
`;

/** Runs validate.mjs over one GCP stack (changed by `change`); `terraform: false` leaves it off PATH. */
function validateGcp(options: {
  change?: (stack: GcpStack) => void;
  terraform?: boolean;
  googleInstalls?: boolean;
}): { status: number | null; output: string } {
  const dir = mkdtempSync(join(tmpdir(), 'schema-check-validate-'));
  const bin = join(dir, 'bin');
  mkdirSync(bin);
  if (options.terraform !== false) {
    writeFileSync(join(bin, 'terraform'), STUB);
    chmodSync(join(bin, 'terraform'), 0o755);
  }
  const stack = join(dir, 'out', 'stacks', 'gcp-dev');
  mkdirSync(stack, { recursive: true });
  writeFileSync(join(stack, 'cdk.tf.json'), JSON.stringify(gcpStackJson(options.change)));
  const mirror = join(dir, 'mirror');
  mkdirSync(join(mirror, 'registry.terraform.io', 'hashicorp', 'aws'), { recursive: true });
  const result = spawnSync(process.execPath, [VALIDATE, join(dir, 'out')], {
    encoding: 'utf8',
    env: {
      ...process.env,
      PATH: options.terraform === false ? bin : `${bin}:${process.env['PATH']}`,
      TF_PLUGIN_MIRROR: mirror,
      GOOGLE_INSTALLS: options.googleInstalls ? '1' : '0',
      PLATFORM_REQUIRE_TERRAFORM: '',
    },
  });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

/** terraform-env.mjs's CLI configuration for a mirror holding `providers` (namespace/type). */
function cliConfigFor(providers: readonly string[]): string {
  const mirror = mkdtempSync(join(tmpdir(), 'schema-check-mirror-'));
  for (const p of providers)
    mkdirSync(join(mirror, 'registry.terraform.io', p), { recursive: true });
  const script = `import { cliConfig } from ${JSON.stringify(join(ROOT, 'tools', 'scripts', 'terraform-env.mjs'))};
console.log(cliConfig({ path: ${JSON.stringify(mirror)} }, '/cache'));`;
  return spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' })
    .stdout;
}

describe('terraform-env: where providers come from', () => {
  it('takes exactly the providers the mirror holds from it, and any other (google) from the registry', () => {
    const config = cliConfigFor(['hashicorp/aws']);
    expect(config).toContain('include = ["registry.terraform.io/hashicorp/aws"]');
    expect(config).toContain('exclude = ["registry.terraform.io/hashicorp/aws"]');
    expect(cliConfigFor(['hashicorp/aws', 'hashicorp/google'])).toContain(
      'include = ["registry.terraform.io/hashicorp/aws", "registry.terraform.io/hashicorp/google"]',
    );
  });
});

describe('validate.mjs on GCP stacks', () => {
  it('schema-checks a GCP stack, and skips terraform validate with the reason when the google provider cannot be installed', () => {
    const { status, output } = validateGcp({});
    expect(output).toMatch(
      /ok {3}gcp-dev: schema check, \d+ block\(s\) \(tools\/provider-schemas\/google-6\.50\.0\.subset\.json\)/,
    );
    expect(output).toContain(
      'skip gcp-dev: terraform validate — terraform cannot install its providers here',
    );
    expect(output).toContain('Failed to query available provider packages');
    expect(output).toContain('1/1 valid');
    expect(status).toBe(0);
  });

  it('runs terraform validate too where the google provider installs (a network, or a mirror holding it)', () => {
    const { status, output } = validateGcp({ googleInstalls: true });
    expect(output).toContain('ok   gcp-dev: schema check');
    expect(output).toMatch(/ok {3}gcp-dev \(\d/);
    expect(output).not.toContain('skip gcp-dev');
    expect(status).toBe(0);
  });

  it('fails on schema findings, naming the stack, the resource address and the attribute path', () => {
    const { status, output } = validateGcp({
      change: (stack) => stack.bucket.addOverride('versioning.enabled', 'yes'),
    });
    expect(output).toContain('FAIL gcp-dev');
    expect(output).toContain(
      'wrong-type: google_storage_bucket.artifacts versioning.enabled: bool required, got string "yes"',
    );
    expect(output).toContain('0/1 valid');
    expect(status).toBe(1);
  });

  it('without terraform, still schema-checks GCP stacks and says terraform validated nothing', () => {
    const { status, output } = validateGcp({ terraform: false });
    expect(output).toContain('ok   gcp-dev: schema check');
    expect(output).toContain(
      '1 stack(s) NOT validated by terraform (1 GCP stack(s) schema-checked only)',
    );
    expect(status).toBe(0);
  });
});
