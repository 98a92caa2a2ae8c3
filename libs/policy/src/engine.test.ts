import { checkStack, formatFinding } from './engine';
import { StackView } from './stack-view';
import type { Rule } from './types';

/** A rule that fails every resource of `types` whose `bad` argument is true. */
const failing = (id: string, types: string[], extra: Partial<Rule> = {}): Rule => ({
  id,
  message: `${id} is violated.`,
  fix: 'set bad to false',
  explanation: 'test rule',
  level: 'error',
  appliesTo: types,
  evaluate: (resource) =>
    resource.config['bad'] === true
      ? { status: 'non-compliant', details: [`bad on ${resource.name}`] }
      : { status: 'compliant' },
  ...extra,
});

const meta = (path: string) => ({ '//': { metadata: { path } } });

describe('checkStack: every rule over every resource it applies to', () => {
  const json = {
    resource: {
      aws_s3_bucket: {
        b: { bad: true, ...meta('stack/b') },
        a: { bad: true, ...meta('stack/a') },
        ok: { bad: false },
      },
      aws_sns_topic: { t: { bad: true, ...meta('stack/topic') } },
    },
  };

  it('reports violations sorted by rule, then address; compliant resources are not findings', () => {
    const report = checkStack(json, [
      failing('PLT-Z', ['aws_sns_topic']),
      failing('PLT-A', ['aws_s3_bucket']),
    ]);
    expect(
      report.findings.map((f) => `${f.rule.id} ${f.resource.address} ${f.details.join()}`),
    ).toEqual([
      'PLT-A aws_s3_bucket.a bad on a',
      'PLT-A aws_s3_bucket.b bad on b',
      'PLT-Z aws_sns_topic.t bad on t',
    ]);
    expect(report.suppressed).toEqual([]);
  });

  it('a suppression of that rule at the resource path lets it through, with its reason; other rules still apply', () => {
    const report = checkStack(
      json,
      [failing('PLT-B', ['aws_s3_bucket']), failing('PLT-A', ['aws_s3_bucket'])],
      (path) =>
        path.startsWith('stack/')
          ? [
              { rule: 'PLT-B', reason: 'reasoned exception' },
              { rule: 'PLT-OTHER', reason: 'unrelated' },
            ]
          : [],
    );
    expect(report.findings.map((f) => `${f.rule.id} ${f.resource.address}`)).toEqual([
      'PLT-A aws_s3_bucket.a',
      'PLT-A aws_s3_bucket.b',
    ]);
    expect(report.suppressed).toEqual([
      { rule: 'PLT-B', address: 'aws_s3_bucket.a', path: 'stack/a', reason: 'reasoned exception' },
      { rule: 'PLT-B', address: 'aws_s3_bucket.b', path: 'stack/b', reason: 'reasoned exception' },
    ]);
  });

  it('formatFinding names the rule, its checkov/trivy twins, the path, the details and the fix', () => {
    const [finding] = checkStack(json, [
      failing('PLT-T', ['aws_sns_topic'], { checkov: 'CKV_AWS_1', trivy: 'AVD-AWS-1' }),
    ]).findings;
    expect(formatFinding(finding!)).toBe(
      '[PLT-T / CKV_AWS_1, AVD-AWS-1] stack/topic (aws_sns_topic.t): PLT-T is violated. bad on t. Fix: set bad to false',
    );
    const [plain] = checkStack(json, [failing('PLT-U', ['aws_sns_topic'])]).findings;
    expect(formatFinding(plain!)).toBe(
      '[PLT-U] stack/topic (aws_sns_topic.t): PLT-U is violated. bad on t. Fix: set bad to false',
    );
  });
});

describe('StackView: the synthesized stack as rules see it', () => {
  const view = new StackView({
    resource: {
      aws_iam_role: {
        r: { assume_role_policy: '${data.aws_iam_policy_document.trust.json}', ...meta('s/role') },
      },
      aws_iam_role_policy: {
        p: { role: '${aws_iam_role.r.name}', policy: '{}' },
        q: { role: 'other', policy: '${aws_iam_role.r.arn}' },
      },
    },
    data: {
      aws_iam_policy_document: {
        trust: {
          statement: [
            {
              sid: 'Gh',
              effect: 'Deny',
              actions: 'sts:AssumeRoleWithWebIdentity',
              not_actions: ['iam:*'],
              principals: [
                { type: 'Federated', identifiers: ['a'] },
                { type: 'Federated', identifiers: ['b'] },
              ],
              condition: [
                { test: 'StringEquals', variable: 'x:aud', values: ['sts'] },
                { test: 'StringEquals', variable: 'x:sub', values: 'repo:a/b:main' },
              ],
            },
          ],
        },
      },
    },
    provider: { aws: [{ region: 'eu-west-1' }, { alias: 'us', ...meta('s/us') }] },
    terraform: { backend: { s3: { bucket: 'state' } } },
  });

  it('addresses resources, data sources, providers (by alias or position) and the backend; paths from metadata', () => {
    expect(view.resources.map((r) => `${r.type} ${r.address} ${r.path}`)).toEqual([
      'aws_iam_role aws_iam_role.r s/role',
      'aws_iam_role_policy aws_iam_role_policy.p aws_iam_role_policy.p',
      'aws_iam_role_policy aws_iam_role_policy.q aws_iam_role_policy.q',
      'data.aws_iam_policy_document data.aws_iam_policy_document.trust data.aws_iam_policy_document.trust',
      'provider.aws provider.aws.#0 provider.aws.#0',
      'provider.aws provider.aws.us s/us',
      'terraform.backend.s3 terraform.backend.s3 terraform.backend.s3',
    ]);
    expect(view.ofType('aws_iam_role')[0]!.config).toEqual({
      assume_role_policy: '${data.aws_iam_policy_document.trust.json}',
    });
    expect(view.ofType('aws_nothing')).toEqual([]);
  });

  it('referencing finds the resources whose arguments (or one named argument) refer to a resource', () => {
    const role = view.ofType('aws_iam_role')[0]!;
    expect(view.referencing('aws_iam_role_policy', role).map((r) => r.name)).toEqual(['p', 'q']);
    expect(view.referencing('aws_iam_role_policy', role, 'role').map((r) => r.name)).toEqual(['p']);
    expect(view.referencing('aws_iam_role', role)).toEqual([]);
  });

  it('policyDocument reads a policy document data source by reference, every field normalised', () => {
    expect(view.policyDocument('${data.aws_iam_policy_document.trust.json}')).toEqual({
      statements: [
        {
          sid: 'Gh',
          effect: 'Deny',
          actions: ['sts:AssumeRoleWithWebIdentity'],
          notActions: ['iam:*'],
          resources: [],
          principals: { Federated: ['a', 'b'] },
          conditions: { StringEquals: { 'x:aud': ['sts'], 'x:sub': ['repo:a/b:main'] } },
        },
      ],
    });
    expect(view.policyDocument('${data.aws_iam_policy_document.missing.json}')).toBeUndefined();
    expect(view.policyDocument('x${data.aws_iam_policy_document.trust.json}')).toBeUndefined();
    expect(view.policyDocument('${data.aws_iam_policy_document.trust.json}x')).toBeUndefined();
  });

  it('policyDocument reads JSON policies, a single statement, "*" principals; anything else is unreadable', () => {
    expect(
      view.policyDocument(
        JSON.stringify({
          Statement: {
            Sid: 'One',
            Effect: 'Deny',
            Principal: '*',
            NotAction: 's3:Get*',
            Resource: ['arn:a', 'arn:b'],
            Condition: { Bool: { 'aws:SecureTransport': false } },
          },
        }),
      ),
    ).toEqual({
      statements: [
        {
          sid: 'One',
          effect: 'Deny',
          actions: [],
          notActions: ['s3:Get*'],
          resources: ['arn:a', 'arn:b'],
          principals: { '*': ['*'] },
          conditions: { Bool: { 'aws:SecureTransport': ['false'] } },
        },
      ],
    });
    expect(
      view.policyDocument(
        JSON.stringify({
          Statement: [
            {
              Effect: 'Allow',
              Action: 'sts:AssumeRole',
              Principal: { Service: 'ec2.amazonaws.com' },
            },
          ],
        }),
      )!.statements[0],
    ).toEqual({
      sid: undefined,
      effect: 'Allow',
      actions: ['sts:AssumeRole'],
      notActions: [],
      resources: [],
      principals: { Service: ['ec2.amazonaws.com'] },
      conditions: {},
    });
    expect(view.policyDocument('${jsonencode(local.p)}')).toBeUndefined();
    expect(view.policyDocument({ Statement: [] })).toBeUndefined();
  });
});
