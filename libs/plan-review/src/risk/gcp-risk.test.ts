import type { Json } from '../plan/types';
import { assessRisk } from './assess';
import type { RiskInput } from './types';

/** The reasons of one GCP change, as `[rule] text`. */
function reasons(
  type: string,
  kind: RiskInput['kind'],
  before: Json | undefined,
  after: Json | undefined,
): string[] {
  const change: RiskInput = { address: `${type}.x`, type, kind, before, after, afterUnknown: {} };
  return assessRisk(change, []).reasons.map((r) => `[${r.rule}] ${r.text}`);
}

const firewall = (over: Record<string, Json>): Json => ({
  direction: 'INGRESS',
  disabled: false,
  source_ranges: ['10.0.0.0/8'],
  source_tags: null,
  source_service_accounts: null,
  allow: [{ protocol: 'tcp', ports: ['443'] }],
  ...over,
});

describe('risk rules on GCP changes', () => {
  it('destroying or replacing what holds data is high: buckets, keys, clusters, networks', () => {
    expect(reasons('google_storage_bucket', 'delete', {}, null)).toEqual([
      '[stateful-destroyed] a bucket is destroyed',
    ]);
    expect(reasons('google_container_cluster', 'replace', {}, {})).toEqual([
      '[stateful-destroyed] a cluster is replaced: destroyed and created anew, empty',
    ]);
    expect(reasons('google_kms_crypto_key', 'delete', {}, null)[0]).toContain('a KMS key');
    expect(reasons('google_compute_network', 'delete', {}, null)[0]).toContain('VPC network');
  });

  it('deletion protection off is high: a GKE cluster’s deletion_protection, a bucket’s force_destroy switched on', () => {
    expect(
      reasons(
        'google_container_cluster',
        'update',
        { deletion_protection: true },
        { deletion_protection: false },
      ),
    ).toEqual([
      '[deletion-protection-off] deletion protection switched off (`deletion_protection` true → false)',
    ]);
    expect(
      reasons('google_storage_bucket', 'update', { force_destroy: false }, { force_destroy: true }),
    ).toEqual([
      '[deletion-protection-off] deletion protection switched off (`force_destroy` false → true: a destroy takes the contents)',
    ]);
  });

  it('a firewall rule opening SSH to the internet is high, HTTPS medium; no source named counts as 0.0.0.0/0', () => {
    expect(
      reasons(
        'google_compute_firewall',
        'update',
        firewall({}),
        firewall({
          source_ranges: ['0.0.0.0/0'],
          allow: [{ protocol: 'tcp', ports: ['22', '443'] }],
        }),
      ),
    ).toEqual([
      '[world-ingress-admin-port] ingress from `0.0.0.0/0` on port 22, administrative (22 SSH)',
      '[world-ingress] ingress from `0.0.0.0/0` on port 443',
    ]);
    expect(
      reasons(
        'google_compute_firewall',
        'create',
        null,
        firewall({ source_ranges: [], allow: [{ protocol: 'tcp', ports: ['3380-3390'] }] }),
      ),
    ).toEqual([
      '[world-ingress-admin-port] ingress from `0.0.0.0/0` on ports 3380-3390, administrative (3389 RDP)',
    ]);
    expect(
      reasons(
        'google_compute_firewall',
        'create',
        null,
        firewall({ source_ranges: ['0.0.0.0/0'], direction: 'EGRESS' }),
      ),
    ).toEqual([]);
    expect(
      reasons(
        'google_compute_firewall',
        'create',
        null,
        firewall({ source_ranges: ['0.0.0.0/0'], disabled: true }),
      ),
    ).toEqual([]);
  });

  it('GKE private nodes or private endpoint switched off are high', () => {
    expect(
      reasons(
        'google_container_cluster',
        'update',
        { private_cluster_config: [{ enable_private_nodes: true, enable_private_endpoint: true }] },
        {
          private_cluster_config: [{ enable_private_nodes: false, enable_private_endpoint: false }],
        },
      ),
    ).toEqual([
      '[made-public] made public: `private_cluster_config.enable_private_nodes` true → false (nodes get public IPs)',
      '[made-public] made public: `private_cluster_config.enable_private_endpoint` true → false (the control plane gets a public endpoint)',
    ]);
  });

  it('a bucket’s public access prevention, uniform access and versioning relaxed are high', () => {
    const bucket = (over: Record<string, Json>): Json => ({
      public_access_prevention: 'enforced',
      uniform_bucket_level_access: true,
      versioning: [{ enabled: true }],
      ...over,
    });
    expect(
      reasons(
        'google_storage_bucket',
        'update',
        bucket({}),
        bucket({
          public_access_prevention: 'inherited',
          uniform_bucket_level_access: false,
          versioning: [{ enabled: false }],
        }),
      ),
    ).toEqual([
      '[public-access-block-relaxed] public access prevention relaxed: `public_access_prevention` "enforced" → "inherited"',
      '[public-access-block-relaxed] object ACLs allowed again: `uniform_bucket_level_access` true → false',
      '[versioning-off] versioning switched off (Enabled → Disabled)',
    ]);
    expect(reasons('google_storage_bucket', 'create', null, bucket({}))).toEqual([]);
  });

  it('encryption removed is high: a bucket’s CMEK, a registry key, GKE secrets decrypted', () => {
    expect(
      reasons(
        'google_storage_bucket',
        'update',
        {
          encryption: [{ default_kms_key_name: 'projects/p/locations/eu/keyRings/r/cryptoKeys/k' }],
        },
        { encryption: [] },
      ),
    ).toEqual(['[encryption-removed] encryption weakened: `encryption` removed']);
    expect(
      reasons(
        'google_container_cluster',
        'update',
        { database_encryption: [{ state: 'ENCRYPTED', key_name: 'k' }] },
        { database_encryption: [{ state: 'DECRYPTED', key_name: '' }] },
      ),
    ).toEqual([
      '[encryption-removed] encryption weakened: `database_encryption[0].state` "ENCRYPTED" → "DECRYPTED"',
    ]);
  });

  it('subnet flow logs removed are high', () => {
    expect(
      reasons(
        'google_compute_subnetwork',
        'update',
        { log_config: [{ flow_sampling: 0.5 }] },
        { log_config: [] },
      ),
    ).toEqual(['[logging-reduced] logging switched off: subnet flow logs (`log_config` removed)']);
  });
});
