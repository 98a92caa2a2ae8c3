import { environment, synthJson } from '@platform/testing';
import { App } from 'cdktf';
import { BootstrapStack, CI_ROLE_NAMES } from './bootstrap-stack';

const prod = synthJson(new BootstrapStack(new App(), environment('prod')));
const documents = prod.data?.['aws_iam_policy_document'] ?? {};
const documentOf = (reference: unknown) =>
  documents[
    String(reference).replace(/^\$\{data\.aws_iam_policy_document\.(.*)\.json\}$/, '$1')
  ] as { statement: Record<string, any>[] };
const resource = (type: string) =>
  Object.values(prod.resource?.[type] ?? {}) as Record<string, any>[];

describe('bootstrap stack', () => {
  it('the state bucket refuses every request that does not use TLS', () => {
    const [policy] = resource('aws_s3_bucket_policy');
    expect(documentOf(policy!['policy']).statement).toContainEqual(
      expect.objectContaining({
        effect: 'Deny',
        actions: ['s3:*'],
        principals: [{ type: '*', identifiers: ['*'] }],
        condition: [{ test: 'Bool', variable: 'aws:SecureTransport', values: ['false'] }],
      }),
    );
  });

  it('the state bucket and its key cannot be destroyed by terraform', () => {
    expect(resource('aws_s3_bucket')).toEqual([
      expect.objectContaining({
        bucket: 'acme-platform-tfstate-prod',
        lifecycle: { prevent_destroy: true },
      }),
    ]);
    expect(resource('aws_kms_key')).toEqual([
      expect.objectContaining({ enable_key_rotation: true, lifecycle: { prevent_destroy: true } }),
    ]);
    expect(resource('aws_kms_alias')).toEqual([
      expect.objectContaining({ name: 'alias/platform-tfstate' }),
    ]);
  });

  it('the state is versioned, KMS-encrypted, private and owner-enforced', () => {
    expect(resource('aws_s3_bucket_versioning')[0]!['versioning_configuration']).toEqual({
      status: 'Enabled',
    });
    expect(
      resource('aws_s3_bucket_server_side_encryption_configuration')[0]!['rule'][0][
        'apply_server_side_encryption_by_default'
      ],
    ).toEqual(expect.objectContaining({ sse_algorithm: 'aws:kms' }));
    expect(resource('aws_s3_bucket_public_access_block')[0]).toEqual(
      expect.objectContaining({
        block_public_acls: true,
        block_public_policy: true,
        ignore_public_acls: true,
        restrict_public_buckets: true,
      }),
    );
    expect(resource('aws_s3_bucket_ownership_controls')[0]!['rule']).toEqual({
      object_ownership: 'BucketOwnerEnforced',
    });
  });

  it('the plan role is trusted by pull requests and main; the deploy role only by the prod GitHub environment', () => {
    const roles = Object.fromEntries(
      resource('aws_iam_role').map((r) => [
        r['name'],
        documentOf(r['assume_role_policy']).statement[0]!,
      ]),
    );
    const subjects = (name: string) =>
      roles[name]!['condition'].find((c: any) => c.variable.endsWith(':sub')).values;
    expect(subjects(CI_ROLE_NAMES.plan)).toEqual([
      'repo:acme/platform:pull_request',
      'repo:acme/platform:ref:refs/heads/main',
    ]);
    expect(subjects(CI_ROLE_NAMES.deploy)).toEqual(['repo:acme/platform:environment:prod']);
  });

  it('the plan role may write only the lock object, and reads state', () => {
    const policy = resource('aws_iam_role_policy').find(
      (p) => p['name'] === 'terraform-state-read-and-lock',
    )!;
    const write = documentOf(policy['policy']).statement.find((s) => s['sid'] === 'WriteLock')!;
    expect(write['resources']).toEqual([
      expect.stringMatching(
        /^\$\{aws_s3_bucket\.state-bucket_[0-9A-F]+\.arn\}\/stacks\/\*\/terraform\.tfstate\.tflock$/,
      ),
    ]);
  });

  it('the deploy role cannot change the CI roles themselves', () => {
    const policy = resource('aws_iam_role_policy').find(
      (p) => p['name'] === 'manage-platform-iam',
    )!;
    const deny = documentOf(policy['policy']).statement.find((s) => s['effect'] === 'Deny')!;
    expect(deny['resources']).toEqual([
      'arn:aws:iam::333333333333:role/platform-ci-plan',
      'arn:aws:iam::333333333333:role/platform-ci-deploy',
    ]);
    expect(deny['actions']).toContain('iam:UpdateAssumeRolePolicy');
  });

  it('starts on a local backend and moves to the bucket when the environment says so', () => {
    expect(prod.terraform?.['backend']).toHaveProperty('local');
    const migrated = synthJson(
      new BootstrapStack(new App(), {
        ...environment('prod'),
        state: { ...environment('prod').state, bootstrapBackend: 's3' },
      }),
    );
    expect(migrated.terraform?.['backend']).toEqual({
      s3: expect.objectContaining({
        key: 'stacks/bootstrap-prod/terraform.tfstate',
        use_lockfile: true,
        encrypt: true,
      }),
    });
  });
});
