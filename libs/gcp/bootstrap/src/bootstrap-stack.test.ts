import { PlatformStack } from '@platform/core';
import { gcpEnvironment, gcpEnvironments, resourcesOf, synthJson } from '@platform/testing';
import { App } from 'cdktf';
import { GCP_FAMILY_APIS, GcpBootstrapStack } from './bootstrap-stack';

const envs = gcpEnvironments();
const synth = (name: string) => synthJson(new GcpBootstrapStack(new App(), gcpEnvironment(name)));

describe('GCP bootstrap stack', () => {
  it.each(envs.map((e) => e.name))(
    '%s: creates exactly the state key every other stack of the environment encrypts its state with',
    (name) => {
      const json = synth(name);
      const [ring] = resourcesOf(json, 'google_kms_key_ring');
      const [key] = resourcesOf(json, 'google_kms_crypto_key');
      const created = `projects/${ring!['project']}/locations/${ring!['location']}/keyRings/${ring!['name']}/cryptoKeys/${key!['name']}`;

      const other = synthJson(
        new PlatformStack(new App(), { family: 'network', environment: gcpEnvironment(name) }),
      );
      const gcs = (other.terraform?.['backend'] as Record<string, Record<string, unknown>>)['gcs'];
      expect(gcs!['kms_encryption_key']).toBe(created);
      expect(gcs!['bucket']).toBe(resourcesOf(json, 'google_storage_bucket')[0]!['name']);
    },
  );

  it('keeps its own state locally while the bucket it creates does not exist yet', () => {
    const json = synth('gcpdev');
    expect(json.terraform?.['backend']).toEqual({
      local: { path: '../../../../../apps/bootstrap/state/bootstrap-gcpdev.tfstate' },
    });
  });

  it("makes the environment's administrators, and no one else, administrators of the state key ring", () => {
    const env = gcpEnvironment('gcpprod');
    const admins = resourcesOf(synth('gcpprod'), 'google_kms_key_ring_iam_member');
    expect(admins.map((a) => [a['role'], a['member']])).toEqual(
      env.gcp.administrators.map((member) => ['roles/cloudkms.admin', member]),
    );
  });

  it("federates the environment's repository only, and deploys only from its GitHub environment", () => {
    const [provider] = resourcesOf(synth('gcpprod'), 'google_iam_workload_identity_pool_provider');
    expect(provider!['attribute_condition']).toBe("assertion.repository == 'acme/platform'");
    expect(JSON.stringify(provider!['attribute_mapping'])).toContain(
      "assertion.environment == 'gcpprod'",
    );
  });

  it('enables the APIs later families need before their first apply, in its own project', () => {
    const services = resourcesOf(synth('gcpprod'), 'google_project_service');
    expect(services.map((s) => s['service'])).toEqual(expect.arrayContaining([...GCP_FAMILY_APIS]));
    expect(new Set(services.map((s) => s['project']))).toEqual(new Set(['acme-platform-gcpprod']));
    expect(services.every((s) => s['disable_on_destroy'] === false)).toBe(true);
  });

  it('publishes what the workflows need to impersonate the CI service accounts', () => {
    expect(Object.keys(synth('gcpdev').output ?? {}).sort()).toEqual([
      'deploy_service_account',
      'plan_service_account',
      'state_bucket',
      'state_kms_key_id',
      'workload_identity_provider',
    ]);
  });
});
