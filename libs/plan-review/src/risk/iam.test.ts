import type { Json } from '../plan/types';
import { assessRisk } from './assess';
import { IAM_RULES } from './iam';
import { accountsIn, parsePolicy } from './policy-doc';
import type { RiskInput } from './types';

/** The IAM rules' reasons for one change, as `level [rule] text`. */
const reasons = (
  type: string,
  kind: RiskInput['kind'],
  before: Json | undefined,
  after: Json | undefined,
  accounts?: string[],
): string[] =>
  assessRisk(
    {
      address: `${type}.x`,
      type,
      kind,
      before,
      after,
      afterUnknown: undefined,
      ...(accounts ? { accounts } : {}),
    },
    [],
    IAM_RULES,
  ).reasons.map((r) => `${r.level} [${r.rule}] ${r.text}`);

const doc = (...Statement: Record<string, Json>[]) =>
  JSON.stringify({ Version: '2012-10-17', Statement });
const allow = (
  Action: Json,
  Resource: Json = 'arn:aws:s3:::b/*',
  extra: Record<string, Json> = {},
) => ({
  Effect: 'Allow',
  Action,
  Resource,
  ...extra,
});
const policy = (...statements: Record<string, Json>[]) => ({ policy: doc(...statements) });
const OWN = '111111111111';
const OTHER = '222222222222';

describe('identity policies', () => {
  it('a wildcard action is high; what the old patterns already cover is not new', () => {
    expect(
      reasons(
        'aws_iam_policy',
        'update',
        policy(allow('s3:GetObject')),
        policy(allow(['s3:GetObject', 's3:*'])),
      ),
    ).toEqual(['high [iam-widened] `policy`: wildcard actions `s3:*` allowed']);
    expect(
      reasons(
        'aws_iam_policy',
        'update',
        policy(allow('s3:Get*')),
        policy(allow(['s3:GetObject', 's3:getbucketpolicy'])),
      ),
    ).toEqual([]);
    expect(
      reasons(
        'aws_iam_policy',
        'update',
        policy(allow('S3:GETOBJECT')),
        policy(allow('s3:GetObject')),
      ),
    ).toEqual([]);
    expect(
      reasons(
        'aws_iam_policy',
        'update',
        policy(allow('s3:Get?bject')),
        policy(allow(['s3:GetObject'])),
      ),
    ).toEqual([]);
    expect(
      reasons(
        'aws_iam_policy',
        'update',
        policy(allow('s3:Get?bject')),
        policy(allow(['s3:GetXXbject'])),
      ),
    ).toEqual(['medium [iam-changed] `policy`: new actions `s3:GetXXbject`']);
  });

  it('every resource is high, except in a key policy where "*" is the key', () => {
    expect(
      reasons(
        'aws_iam_role_policy',
        'update',
        policy(allow('s3:GetObject')),
        policy(allow('s3:GetObject', '*')),
      ),
    ).toEqual(['high [iam-widened] `policy`: actions allowed on every resource (`*`)']);
    expect(
      reasons(
        'aws_kms_key',
        'update',
        policy(allow('kms:Decrypt')),
        policy(allow('kms:Decrypt', '*')),
      ),
    ).toEqual([]);
  });

  it('a new identity policy is read in full; a new resource policy only for who it lets in', () => {
    expect(reasons('aws_iam_policy', 'create', null, policy(allow('s3:*', '*')))).toEqual([
      'high [iam-widened] `policy`: wildcard actions `s3:*` allowed',
      'high [iam-widened] `policy`: actions allowed on every resource (`*`)',
    ]);
    expect(
      reasons(
        'aws_sqs_queue_policy',
        'create',
        null,
        policy(allow('sqs:*', '*', { Principal: { Service: 'sns.amazonaws.com' } })),
      ),
    ).toEqual([]);
    expect(
      reasons(
        'aws_sqs_queue_policy',
        'update',
        policy(allow('sqs:SendMessage')),
        policy(allow('sqs:*', '*')),
      ),
    ).toEqual([
      'high [iam-widened] `policy`: wildcard actions `sqs:*` allowed',
      'high [iam-widened] `policy`: actions allowed on every resource (`*`)',
    ]);
  });

  it('an Allow with NotAction is high; a Deny with wildcards is not a widening', () => {
    expect(
      reasons(
        'aws_iam_policy',
        'update',
        policy(allow('s3:GetObject')),
        policy(allow('s3:GetObject'), {
          Effect: 'Allow',
          NotAction: 'iam:*',
          Resource: 'arn:aws:s3:::b/*',
        }),
      ),
    ).toEqual([
      'high [iam-widened] `policy`: Allow with NotAction `iam:*` (everything else allowed)',
    ]);
    expect(
      reasons(
        'aws_iam_policy',
        'update',
        policy(allow('s3:GetObject')),
        policy(allow('s3:GetObject'), { Effect: 'Deny', Action: '*', Resource: '*' }),
      ),
    ).toEqual([]);
  });

  it('lists at most five new actions and three new resources, counting the rest', () => {
    const actions = ['s3:A1', 's3:A2', 's3:A3', 's3:A4', 's3:A5', 's3:A6', 's3:A7'];
    const resources = ['arn:aws:s3:::r1', 'arn:aws:s3:::r2', 'arn:aws:s3:::r3', 'arn:aws:s3:::r4'];
    expect(
      reasons(
        'aws_iam_policy',
        'update',
        policy(allow('s3:GetObject', 'arn:aws:s3:::b/*')),
        policy(allow(actions, resources)),
      ),
    ).toEqual([
      'medium [iam-changed] `policy`: new actions `s3:A1`, `s3:A2`, `s3:A3`, `s3:A4`, `s3:A5` and 2 more',
      'medium [iam-changed] `policy`: new resources `arn:aws:s3:::r1`, `arn:aws:s3:::r2`, `arn:aws:s3:::r3` and 1 more',
    ]);
    expect(
      reasons(
        'aws_iam_policy',
        'update',
        policy(allow('s3:GetObject')),
        policy(allow(actions.slice(0, 5), resources.slice(0, 3))),
      ),
    ).toEqual([
      'medium [iam-changed] `policy`: new actions `s3:A1`, `s3:A2`, `s3:A3`, `s3:A4`, `s3:A5`',
      'medium [iam-changed] `policy`: new resources `arn:aws:s3:::r1`, `arn:aws:s3:::r2`, `arn:aws:s3:::r3`',
    ]);
  });

  it('a resource pattern with dots covers only what it names', () => {
    expect(
      reasons(
        'aws_iam_policy',
        'update',
        policy(allow('s3:GetObject', 'arn:aws:s3:::a.b/*')),
        policy(allow('s3:GetObject', 'arn:aws:s3:::a.b/x')),
      ),
    ).toEqual([]);
    expect(
      reasons(
        'aws_iam_policy',
        'update',
        policy(allow('s3:GetObject', 'arn:aws:s3:::a.b/*')),
        policy(allow('s3:GetObject', 'arn:aws:s3:::aXb/x')),
      ),
    ).toEqual(['medium [iam-changed] `policy`: new resources `arn:aws:s3:::aXb/x`']);
  });

  it('a lost condition and a removed Deny are high; a create has nothing to lose', () => {
    const condition = { Condition: { StringEquals: { 'aws:SourceAccount': OWN } } };
    expect(
      reasons(
        'aws_iam_policy',
        'update',
        policy(allow('s3:GetObject', 'arn:aws:s3:::b/*', condition)),
        policy(allow('s3:GetObject')),
      ),
    ).toEqual([
      'high [iam-widened] `policy`: conditions removed: `StringEquals aws:SourceAccount`',
    ]);
    const deny = { Effect: 'Deny', Action: 's3:DeleteObject', Resource: '*' };
    expect(
      reasons(
        'aws_iam_policy',
        'update',
        policy(allow('s3:GetObject'), deny),
        policy(allow('s3:GetObject')),
      ),
    ).toEqual(['high [iam-widened] `policy`: a Deny statement removed']);
    expect(
      reasons(
        'aws_iam_policy',
        'update',
        policy(allow('s3:GetObject'), deny),
        policy(allow('s3:GetObject'), deny),
      ),
    ).toEqual([]);
  });
});

describe('who a policy lets in', () => {
  const grant = (Principal: Json) => allow('s3:GetObject', 'arn:aws:s3:::b/*', { Principal });

  it('any principal, written as "*" or {"AWS": "*"}, is high', () => {
    for (const principal of ['*', { AWS: '*' }])
      expect(
        reasons(
          'aws_s3_bucket_policy',
          'update',
          policy(grant({ AWS: `arn:aws:iam::${OWN}:root` })),
          policy(grant(principal)),
        ),
      ).toEqual(['high [iam-widened] `policy`: any principal (`*`) allowed']);
  });

  it('a principal of another account is high once the stack shows its own accounts; otherwise a new principal', () => {
    const before = policy(grant({ AWS: `arn:aws:iam::${OWN}:root` }));
    const after = policy(
      grant({ AWS: [`arn:aws:iam::${OWN}:root`, `arn:aws:iam::${OTHER}:root`] }),
    );
    expect(reasons('aws_s3_bucket_policy', 'update', before, after, [OWN])).toEqual([
      `high [iam-widened] \`policy\`: principal of another account \`AWS:arn:aws:iam::${OTHER}:root\` allowed`,
    ]);
    expect(
      reasons(
        'aws_s3_bucket_policy',
        'update',
        { bucket_arn: `arn:aws:s3:::b-${OWN}`, ...before },
        { bucket_arn: `arn:aws:s3:::b-${OWN}`, ...after },
      ),
    ).toEqual([
      `high [iam-widened] \`policy\`: principal of another account \`AWS:arn:aws:iam::${OTHER}:root\` allowed`,
    ]);
    expect(reasons('aws_s3_bucket_policy', 'update', before, after)).toEqual([
      `medium [iam-changed] \`policy\`: new principals \`AWS:arn:aws:iam::${OTHER}:root\``,
    ]);
  });

  it('the accounts a policy names as resources are its own', () => {
    const before = policy(
      allow('s3:GetObject', `arn:aws:s3:::b-${OTHER}/*`, {
        Principal: { Service: 'logs.amazonaws.com' },
      }),
    );
    const after = policy(
      allow('s3:GetObject', `arn:aws:s3:::b-${OTHER}/*`, {
        Principal: { AWS: `arn:aws:iam::${OTHER}:root` },
      }),
    );
    expect(reasons('aws_s3_bucket_policy', 'update', before, after)).toEqual([
      `medium [iam-changed] \`policy\`: new principals \`AWS:arn:aws:iam::${OTHER}:root\``,
    ]);
  });

  it('a NotPrincipal is a new principal of its own kind', () => {
    expect(
      reasons(
        'aws_s3_bucket_policy',
        'update',
        policy(grant({ Service: 'logs.amazonaws.com' })),
        policy(
          allow('s3:GetObject', 'arn:aws:s3:::b/*', {
            NotPrincipal: { AWS: `arn:aws:iam::${OWN}:root` },
          }),
        ),
        [OWN],
      ),
    ).toEqual([
      `medium [iam-changed] \`policy\`: new principals \`not AWS:arn:aws:iam::${OWN}:root\``,
    ]);
  });
});

describe('trust policies', () => {
  const trust = (Principal: Json, extra: Record<string, Json> = {}) => ({
    assume_role_policy: doc({ Effect: 'Allow', Action: 'sts:AssumeRole', Principal, ...extra }),
  });

  it('are named as the trust policy; a new service is a new principal', () => {
    expect(
      reasons(
        'aws_iam_role',
        'update',
        trust({ Service: 'ecs-tasks.amazonaws.com' }),
        trust({ Service: ['ecs-tasks.amazonaws.com', 'lambda.amazonaws.com'] }),
      ),
    ).toEqual(['medium [iam-changed] trust policy: new principals `Service:lambda.amazonaws.com`']);
  });

  it('a condition value widened to a pattern is high, even with the condition kept', () => {
    const sub = (value: string) => ({
      Condition: { StringLike: { 'token.actions.githubusercontent.com:sub': value } },
    });
    const github = {
      Federated: `arn:aws:iam::${OWN}:oidc-provider/token.actions.githubusercontent.com`,
    };
    expect(
      reasons(
        'aws_iam_role',
        'update',
        trust(github, sub('repo:o/r:ref:refs/heads/main')),
        trust(github, sub('repo:o/r:*')),
      ),
    ).toEqual([
      'high [iam-widened] trust policy: condition values with wildcards `StringLike token.actions.githubusercontent.com:sub repo:o/r:*`',
    ]);
    expect(
      reasons(
        'aws_iam_role',
        'update',
        trust(github, sub('repo:o/r:*')),
        trust(github, sub('repo:o/r:*')),
      ),
    ).toEqual([]);
  });

  it('any other change of a trust policy is still named', () => {
    const cond = (value: string) => ({
      Condition: { StringEquals: { 'aws:SourceAccount': value } },
    });
    expect(
      reasons(
        'aws_iam_role',
        'update',
        trust({ Service: 'ecs-tasks.amazonaws.com' }, cond(OWN)),
        trust({ Service: 'ecs-tasks.amazonaws.com' }, cond('333333333333')),
      ),
    ).toEqual(['medium [iam-changed] trust policy changed']);
    expect(
      reasons(
        'aws_iam_role',
        'update',
        trust({ Service: 'ecs-tasks.amazonaws.com' }),
        trust({ Service: 'ecs-tasks.amazonaws.com' }),
      ),
    ).toEqual([]);
    expect(
      reasons('aws_iam_role', 'create', null, trust({ Service: 'ecs-tasks.amazonaws.com' })),
    ).toEqual([]);
  });
});

describe('where policies are found', () => {
  it('one level down in a block, with the path', () => {
    const role = (actions: string[]) => ({
      inline_policy: [{ name: 'p', policy: doc(allow(actions)) }],
    });
    expect(
      reasons(
        'aws_iam_role',
        'update',
        role(['s3:GetObject']),
        role(['s3:GetObject', 's3:PutObject']),
      ),
    ).toEqual(['medium [iam-changed] `inline_policy[0].policy`: new actions `s3:PutObject`']);
  });

  it('a destroyed policy, text that is not a policy, and a statement given alone', () => {
    expect(reasons('aws_iam_policy', 'delete', policy(allow('s3:*', '*')), null)).toEqual([]);
    expect(
      reasons(
        'aws_iam_policy',
        'update',
        { policy: 'not json but says Statement' },
        { policy: '{"Statement": ' },
      ),
    ).toEqual([]);
    expect(reasons('aws_iam_policy', 'update', { description: 'x' }, { description: 'y' })).toEqual(
      [],
    );
    expect(
      reasons('aws_iam_policy', 'update', policy(allow('s3:GetObject')), {
        policy: JSON.stringify({ Statement: allow('s3:*') }),
      }),
    ).toEqual(['high [iam-widened] `policy`: wildcard actions `s3:*` allowed']);
  });
});

describe('policy documents', () => {
  it('parse statements whatever their form, and refuse what is not a document', () => {
    expect(
      parsePolicy(
        JSON.stringify({
          Statement: [{ Effect: 'Deny', Action: ['b', 'a'], NotResource: 'r' }, 'junk'],
        }),
      ),
    ).toEqual([
      {
        effect: 'Deny',
        actions: ['a', 'b'],
        notActions: [],
        resources: [],
        notResources: ['r'],
        principals: [],
        conditions: [],
        conditionValues: [],
      },
    ]);
    expect(parsePolicy(JSON.stringify({ Version: '2012-10-17', Id: 'Statement' }))).toEqual([]);
    expect(parsePolicy(JSON.stringify(['Statement']))).toBeUndefined();
    expect(parsePolicy('{"Version": "2012-10-17"}')).toBeUndefined();
    expect(parsePolicy(42)).toBeUndefined();
    expect(
      parsePolicy(
        JSON.stringify({
          Statement: [
            {
              Principal: { AWS: ['b', 'a'] },
              Condition: { Bool: { 'aws:SecureTransport': 'true' }, StringEquals: 'x' },
            },
          ],
        }),
      ),
    ).toEqual([
      expect.objectContaining({
        effect: 'Allow',
        principals: ['AWS:a', 'AWS:b'],
        conditions: ['Bool aws:SecureTransport'],
        conditionValues: ['Bool aws:SecureTransport true'],
      }),
    ]);
  });

  it('find 12-digit account ids only', () => {
    expect([
      ...accountsIn(`arn:aws:iam::${OWN}:root 1234567890123 12345678901 x${OTHER}y`),
    ]).toEqual([OWN, OTHER]);
  });
});

describe('IAM rules: the cases mutation testing found unchecked', () => {
  const grant = (principal: Json, resource = 'arn:aws:s3:::b/*') =>
    allow('s3:GetObject', resource, { Principal: principal });

  it('an account a policy names in its resources is its own, beside the stack accounts', () => {
    const resource = `arn:aws:s3:::b-${OTHER}/*`;
    expect(
      reasons(
        'aws_s3_bucket_policy',
        'update',
        policy(grant({ Service: 'logs.amazonaws.com' }, resource)),
        policy(grant({ AWS: `arn:aws:iam::${OTHER}:root` }, resource)),
        [OWN],
      ),
    ).toEqual([
      `medium [iam-changed] \`policy\`: new principals \`AWS:arn:aws:iam::${OTHER}:root\``,
    ]);
  });

  it('a NotAction that was already there is not new; a federated principal is never "another account"', () => {
    const notAction = { Effect: 'Allow', NotAction: 'iam:*', Resource: 'arn:aws:s3:::b/*' };
    expect(
      reasons(
        'aws_iam_policy',
        'update',
        policy(notAction, allow('s3:GetObject')),
        policy(notAction, allow('s3:GetObject')),
      ),
    ).toEqual([]);
    expect(
      reasons(
        'aws_iam_role',
        'update',
        { assume_role_policy: doc(grant({ Service: 'ecs-tasks.amazonaws.com' })) },
        { assume_role_policy: doc(grant({ Federated: `arn:aws:iam::${OTHER}:saml-provider/x` })) },
        [OWN],
      ),
    ).toEqual([
      `medium [iam-changed] trust policy: new principals \`Federated:arn:aws:iam::${OTHER}:saml-provider/x\``,
    ]);
  });

  it('a Deny statement changed counts as the old one removed', () => {
    const deny = (actions: string[]) => ({ Effect: 'Deny', Action: actions, Resource: '*' });
    expect(
      reasons(
        'aws_iam_policy',
        'update',
        policy(allow('s3:GetObject'), deny(['s3:DeleteObject', 's3:PutObject'])),
        policy(allow('s3:GetObject'), deny(['s3:DeleteObject'])),
      ),
    ).toEqual(['high [iam-widened] `policy`: a Deny statement removed']);
  });

  it('a trust policy change already named otherwise is not also "changed"', () => {
    const trust = (principal: Json) => ({
      assume_role_policy: doc({ Effect: 'Allow', Action: 'sts:AssumeRole', Principal: principal }),
    });
    expect(
      reasons(
        'aws_iam_role',
        'update',
        trust({ Service: 'ecs-tasks.amazonaws.com' }),
        trust({ AWS: ['*', `arn:aws:iam::${OWN}:role/x`] }),
        [OWN],
      ),
    ).toEqual([
      'high [iam-widened] trust policy: any principal (`*`) allowed',
      `medium [iam-changed] trust policy: new principals \`AWS:arn:aws:iam::${OWN}:role/x\``,
    ]);
  });

  it('documents: null lists are empty; principals and conditions sorted', () => {
    expect(
      parsePolicy(
        JSON.stringify({
          Statement: [
            {
              Action: null,
              Principal: { Service: 'b', AWS: 'a' },
              Condition: { StringLike: { k: 'v' }, Bool: { j: 'true' } },
            },
          ],
        }),
      ),
    ).toEqual([
      expect.objectContaining({
        actions: [],
        principals: ['AWS:a', 'Service:b'],
        conditions: ['Bool j', 'StringLike k'],
        conditionValues: ['Bool j true', 'StringLike k v'],
      }),
    ]);
  });
});
