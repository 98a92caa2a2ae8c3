import { editedEnvironments } from '@platform/testing';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { APPS, ROOT, runSynth, stacksIn, synthesized } from './synth';

function filesOf(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  const walk = (d: string) =>
    readdirSync(d).forEach((f) => {
      const p = join(d, f);
      if (statSync(p).isDirectory()) walk(p);
      else files.set(relative(dir, p), readFileSync(p, 'utf8'));
    });
  walk(dir);
  return files;
}

const AWS_ENVIRONMENTS = ['dev', 'staging', 'prod'];
/** Families with GCP stacks besides their AWS ones: the GCP environments they have a stack in. */
const GCP_STACKS: Record<string, string[]> = {
  bootstrap: ['gcpdev', 'gcpprod'],
  network: ['gcpdev', 'gcpprod'],
  registry: ['gcpdev'], // images are built in the first GCP environment only
  delivery: ['gcpdev', 'gcpprod'],
};
/** Families that run on Google Cloud only. */
const GCP_ONLY: Record<string, string[]> = { gke: ['gcpdev', 'gcpprod'] };
const isGcp = (json: { provider?: Record<string, unknown> }) => Boolean(json.provider?.['google']);

describe('synth of every stack family, as a user runs it', () => {
  const {
    roots: [first, second],
    results,
  } = synthesized();
  const stacks = stacksIn(first);

  it('succeeds for every app and every environment of the clouds it runs on, every app in one process', () => {
    expect(results).toHaveLength(2);
    for (const run of results) {
      expect(run).toEqual(expect.objectContaining({ status: 0, stderr: '' }));
      for (const app of APPS) expect(run.stdout).toContain(`${app}: synthesized ${app}-`);
    }
    for (const app of APPS) {
      const envs = [
        ...(app in GCP_ONLY ? [] : AWS_ENVIRONMENTS),
        ...(GCP_STACKS[app] ?? GCP_ONLY[app] ?? []),
      ];
      expect(envs.length).toBeGreaterThan(0);
      for (const env of envs) expect(stacks.has(`${app}-${env}`)).toBe(true);
    }
    expect([...stacks.keys()].filter((n) => n.endsWith('-gcpprod')).sort()).toEqual([
      'bootstrap-gcpprod',
      'delivery-gcpprod',
      'gke-gcpprod',
      'network-gcpprod',
    ]);
  });

  it('writes byte-identical output on a second run, with no path of this machine in it', () => {
    const a = filesOf(join(first, 'dist'));
    const b = filesOf(join(second, 'dist'));
    expect([...b.keys()].sort()).toEqual([...a.keys()].sort());
    for (const [file, content] of a) {
      expect({ file, same: b.get(file) === content }).toEqual({ file, same: true });
      expect(content).not.toContain(ROOT);
      expect(content).not.toContain(first);
    }
  });

  it('every stack but bootstrap keeps its state in the environment bucket: encrypted, locked, its own key', () => {
    const keys = new Set<string>();
    for (const [name, json] of stacks) {
      if (name.startsWith('bootstrap-')) continue;
      const env = name.split('-').pop();
      if (isGcp(json)) {
        expect(json['terraform']['backend']).toEqual({
          gcs: {
            bucket: `acme-platform-tfstate-${env}`,
            prefix: `stacks/${name}`,
            kms_encryption_key: `projects/acme-platform-${env}/locations/europe-west1/keyRings/platform-state/cryptoKeys/terraform-state`,
          },
        });
        keys.add(`${json['terraform']['backend']['gcs']['bucket']}/${name}`);
        continue;
      }
      const s3 = json['terraform']['backend']['s3'];
      expect(s3).toEqual(
        expect.objectContaining({
          bucket: `acme-platform-tfstate-${env}`,
          key: `stacks/${name}/terraform.tfstate`,
          encrypt: true,
          use_lockfile: true,
          kms_key_id: expect.stringMatching(
            /^arn:aws:kms:eu-west-1:\d{12}:alias\/platform-tfstate$/,
          ),
        }),
      );
      keys.add(s3.key);
    }
    expect(keys.size).toBe([...stacks.keys()].filter((n) => !n.startsWith('bootstrap-')).length);
  });

  it('bootstrap keeps local state outside the synth output, by a relative path', () => {
    const backend = stacks.get('bootstrap-prod')!['terraform']['backend'];
    expect(backend).toEqual({
      local: { path: '../../../../../apps/bootstrap/state/bootstrap-prod.tfstate' },
    });
  });

  it('every provider is pinned to its environment account and carries no role to assume', () => {
    const accounts: Record<string, string> = {
      dev: '111111111111',
      staging: '222222222222',
      prod: '333333333333',
    };
    for (const [name, json] of stacks) {
      if (isGcp(json)) {
        // The google provider has no account pin: the project is the environment's own.
        expect(json['provider']['google']).toEqual([
          expect.objectContaining({ project: `acme-platform-${name.split('-').pop()}` }),
        ]);
        expect(JSON.stringify(json['provider']['google'])).not.toMatch(/credentials|impersonate/);
        continue;
      }
      for (const provider of json['provider']['aws']) {
        expect(provider['allowed_account_ids']).toEqual([accounts[name.split('-').pop()!]]);
        expect(provider['assume_role']).toBeUndefined();
      }
    }
  });

  it('bad environment files stop synth with the file and field, no stack trace, and keep the last good output', () => {
    const before = filesOf(join(first, 'dist', 'apps', 'network'));
    const bad = editedEnvironments((d) => d['prod']!.setIn(['network', 'natStrategy'], 'single'));
    const result = runSynth('network', first, { PLATFORM_ENVIRONMENTS_DIR: bad });
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(
      /prod\.yaml:\d+ network\.natStrategy: a production environment needs "one-per-az"/,
    );
    expect(result.stderr).not.toMatch(/^\s+at /m);
    expect(filesOf(join(first, 'dist', 'apps', 'network'))).toEqual(before);
  });
});
