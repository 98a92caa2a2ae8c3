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

  const roles = () =>
    Object.fromEntries(resource('aws_iam_role').map((r) => [r['name'] as string, r]));
  const subjectCondition = (stack: typeof prod, name: string) => {
    const docs = stack.data?.['aws_iam_policy_document'] ?? {};
    const role = Object.values(stack.resource?.['aws_iam_role'] ?? {}).find(
      (r: any) => r['name'] === name,
    ) as Record<string, any>;
    const doc = docs[
      String(role['assume_role_policy']).replace(
        /^\$\{data\.aws_iam_policy_document\.(.*)\.json\}$/,
        '$1',
      )
    ] as { statement: Record<string, any>[] };
    return doc.statement[0]!['condition'].find((c: any) => c.variable.endsWith(':sub'));
  };
  const policyNamed = (name: string) =>
    documentOf(resource('aws_iam_role_policy').find((p) => p['name'] === name)!['policy'])
      .statement;
  const workflowOnly = synthJson(
    new BootstrapStack(new App(), {
      ...environment('prod'),
      github: { ...environment('prod').github, oidcSubjects: 'workflow' },
    }),
  );

  it('once the subject template is switched, the deploy role trusts only the prod job of deploy-environment.yml on main', () => {
    const condition = subjectCondition(workflowOnly, CI_ROLE_NAMES.deploy);
    expect(condition.test).toBe('StringEquals');
    expect(condition.values).toEqual([
      'repo:acme/platform:environment:prod:job_workflow_ref:acme/platform/.github/workflows/deploy-environment.yml@refs/heads/main',
    ]);
  });

  it('once the subject template is switched, the plan role trusts pr.yml of pull requests and the deploy and drift workflows on main', () => {
    expect(subjectCondition(workflowOnly, CI_ROLE_NAMES.plan).values).toEqual([
      'repo:acme/platform:pull_request:job_workflow_ref:acme/platform/.github/workflows/pr.yml@refs/pull/*/merge',
      'repo:acme/platform:ref:refs/heads/main:job_workflow_ref:acme/platform/.github/workflows/deploy-environment.yml@refs/heads/main',
      'repo:acme/platform:ref:refs/heads/main:job_workflow_ref:acme/platform/.github/workflows/drift.yml@refs/heads/main',
    ]);
  });

  it("during the switch, the CI roles also accept GitHub's default subjects", () => {
    expect(subjectCondition(prod, CI_ROLE_NAMES.deploy).values).toEqual([
      'repo:acme/platform:environment:prod',
      'repo:acme/platform:environment:prod:job_workflow_ref:acme/platform/.github/workflows/deploy-environment.yml@refs/heads/main',
    ]);
    expect(subjectCondition(prod, CI_ROLE_NAMES.plan).values).toEqual(
      expect.arrayContaining([
        'repo:acme/platform:pull_request',
        'repo:acme/platform:ref:refs/heads/main',
      ]),
    );
  });

  it('the plan role reads state but never writes it, and cannot read secrets, parameters, logs or other objects', () => {
    const statements = policyNamed('terraform-state-read-and-lock');
    const allowed = statements.filter((s) => s['effect'] !== 'Deny').flatMap((s) => s['actions']);
    expect(allowed).toEqual(['s3:ListBucket', 's3:GetObject', 'kms:Decrypt', 'kms:DescribeKey']);
    const denied = statements.filter((s) => s['effect'] === 'Deny');
    expect(denied.flatMap((s) => s['actions'])).toEqual(
      expect.arrayContaining([
        'secretsmanager:GetSecretValue',
        'ssm:GetParameter',
        'logs:GetLogEvents',
        's3:GetObject',
      ]),
    );
    expect(denied.find((s) => s['actions'].includes('s3:GetObject'))!['not_resources']).toEqual([
      expect.stringMatching(/^\$\{aws_s3_bucket\.state-bucket_[0-9A-F]+\.arn\}\/stacks\/\*$/),
    ]);
  });

  it('the deploy role changes IAM only on the platform names, never on "*"', () => {
    const allows = policyNamed('manage-platform-iam').filter((s) => s['effect'] !== 'Deny');
    const writes = allows.filter((s) =>
      s['actions'].some(
        (a: string) => !/^iam:(Get|List)|^iam:UpdateAccountPasswordPolicy$/.test(a),
      ),
    );
    for (const statement of writes) {
      expect(statement['resources']).not.toContain('*');
      for (const arn of statement['resources'] as string[]) {
        expect(arn).toMatch(
          /^arn:aws:iam::333333333333:(role|policy|instance-profile)\/(prod-\*|\*-release-(pipeline|build|steps|trigger)|aws-service-role\/\*)$|^arn:aws:iam::333333333333:oidc-provider\/oidc\.eks\.eu-west-1\.amazonaws\.com\/id\/\*$/,
        );
      }
    }
  });

  it('the deploy role creates and changes roles only with the platform boundary, and passes them only to named services', () => {
    const allows = policyNamed('manage-platform-iam');
    const bounded = allows.find((s) => s['actions'].includes('iam:CreateRole'))!;
    expect(bounded['actions']).toEqual(
      expect.arrayContaining(['iam:AttachRolePolicy', 'iam:PutRolePolicy']),
    );
    expect(bounded['condition']).toEqual([
      {
        test: 'StringEquals',
        variable: 'iam:PermissionsBoundary',
        values: ['arn:aws:iam::333333333333:policy/platform-permissions-boundary'],
      },
    ]);
    const pass = allows.find((s) => s['actions'].includes('iam:PassRole'))!;
    expect(pass['condition'][0]).toEqual(
      expect.objectContaining({ variable: 'iam:PassedToService' }),
    );
  });

  it('the deploy role cannot change the CI roles themselves', () => {
    const deny = policyNamed('manage-platform-iam').find((s) => s['effect'] === 'Deny')!;
    expect(deny['resources']).toEqual([
      'arn:aws:iam::333333333333:role/platform-ci-plan',
      'arn:aws:iam::333333333333:role/platform-ci-deploy',
    ]);
    expect(deny['actions']).toEqual(
      expect.arrayContaining(['iam:UpdateAssumeRolePolicy', 'iam:Put*', 'iam:Attach*']),
    );
  });

  it('both CI roles carry the boundary, which denies audit tampering, boundary removal and roles without it', () => {
    const [boundary] = resource('aws_iam_policy');
    expect(boundary!['name']).toBe('platform-permissions-boundary');
    for (const name of Object.values(CI_ROLE_NAMES)) {
      expect(roles()[name]!['permissions_boundary']).toMatch(
        /^\$\{aws_iam_policy\.boundary_policy_[0-9A-F]+\.arn\}$/,
      );
    }
    const denies = documentOf(boundary!['policy']).statement.filter((s) => s['effect'] === 'Deny');
    const denied = denies.flatMap((s) => s['actions']);
    expect(denied).toEqual(
      expect.arrayContaining([
        'cloudtrail:StopLogging',
        'cloudtrail:DeleteTrail',
        'guardduty:DeleteDetector',
        'config:StopConfigurationRecorder',
        'securityhub:DisableSecurityHub',
        's3:BypassGovernanceRetention',
        'iam:DeleteRolePermissionsBoundary',
      ]),
    );
    const withoutBoundary = denies.find((s) => s['actions'].includes('iam:CreateRole'))!;
    expect(withoutBoundary['condition']).toEqual([
      {
        test: 'StringNotEquals',
        variable: 'iam:PermissionsBoundary',
        values: ['arn:aws:iam::333333333333:policy/platform-permissions-boundary'],
      },
    ]);
  });

  it('the boundary keeps every platform role from deleting state or audit log versions, reconfiguring the state bucket or administering the state key', () => {
    const [boundary] = resource('aws_iam_policy');
    const denies = documentOf(boundary!['policy']).statement.filter((s) => s['effect'] === 'Deny');
    const deniedOn = (action: string) =>
      denies.filter((s) => s['actions'].includes(action)).flatMap((s) => s['resources'] ?? []);
    const stateBucket = /^\$\{aws_s3_bucket\.state-bucket_[0-9A-F]+\.arn\}$/;
    const stateKey = /^\$\{aws_kms_key\.state-key_[0-9A-F]+\.arn\}$/;
    expect(deniedOn('s3:DeleteObjectVersion')).toEqual([
      expect.stringMatching(/^\$\{aws_s3_bucket\.state-bucket_[0-9A-F]+\.arn\}\/\*$/),
      'arn:aws:s3:::prod-audit-logs-333333333333/*',
    ]);
    for (const action of [
      's3:DeleteBucket',
      's3:DeleteBucketPolicy',
      's3:PutBucket*',
      's3:PutLifecycleConfiguration',
      's3:PutEncryptionConfiguration',
    ])
      expect(deniedOn(action)).toEqual([expect.stringMatching(stateBucket)]);
    for (const action of ['kms:DisableKey', 'kms:PutKeyPolicy', 'kms:ScheduleKeyDeletion'])
      expect(deniedOn(action)).toEqual([expect.stringMatching(stateKey)]);
  });

  it('only the administrator role may change, disable or delete the state key; the account only uses it', () => {
    const [key] = resource('aws_kms_key');
    const statements = documentOf(key!['policy']).statement;
    const admin = 'arn:aws:iam::333333333333:role/platform-admins';
    expect(statements.find((s) => s['sid'] === 'KeyAdministrator')!['principals']).toEqual([
      { type: 'AWS', identifiers: [admin] },
    ]);
    const account = statements.find((s) => s['sid'] === 'AccountUsesTheKeyThroughIam')!;
    expect(account['actions']).not.toContain('kms:*');
    expect(account['actions']).not.toContain('kms:PutKeyPolicy');
    const deny = statements.find((s) => s['effect'] === 'Deny')!;
    expect(deny['actions']).toEqual(
      expect.arrayContaining(['kms:PutKeyPolicy', 'kms:ScheduleKeyDeletion', 'kms:DisableKey']),
    );
    expect(deny['condition']).toEqual([
      { test: 'ArnNotEquals', variable: 'aws:PrincipalArn', values: [admin] },
    ]);
  });

  it('starts on a local backend and moves to the bucket when the environment says so', () => {
    expect(prod.terraform?.['backend']).toHaveProperty('local');
    const migrated = synthJson(
      new BootstrapStack(new App(), {
        ...environment('prod'),
        aws: {
          ...environment('prod').aws,
          state: { ...environment('prod').aws.state, bootstrapBackend: 's3' },
        },
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
