import { egressScope } from './ec2/egress-scope';
import { type FixtureResource, fixtureStack, violations } from './harness';
import { StackView } from '../stack-view';
import { iamResourceScope, isWildcardResource } from './iam/resource-scope';
import { servicePrincipalCondition } from './iam/service-principal-condition';
import { STAR_ONLY_ACTIONS, takesOnlyStar } from './iam/star-only-actions';
import { PLATFORM_RULES } from './index';

const doc = (name: string, statement: Record<string, unknown>[]): FixtureResource => [
  `data.aws_iam_policy_document.${name}`,
  { statement },
];
const docRef = (name: string) => `\${data.aws_iam_policy_document.${name}.json}`;
const rolePolicy = (statement: Record<string, unknown>[]): FixtureResource[] => [
  doc('p', statement),
  ['aws_iam_role_policy.rp', { role: 'r', policy: docRef('p') }],
];
const service = (...identifiers: string[]) => [{ type: 'Service', identifiers }];
const condition = (variable: string, values = ['111111111111']) => [
  { test: 'StringEquals', variable, values },
];

describe('PLT-IAM-RESOURCE-SCOPE: actions that can be scoped name their resources', () => {
  it('passes a role policy that names its resources', () => {
    expect(
      violations(
        iamResourceScope,
        ...rolePolicy([
          { sid: 'Read', actions: ['s3:GetObject'], resources: ['arn:aws:s3:::artifacts/app/*'] },
        ]),
      ),
    ).toEqual([]);
  });

  it('passes "*" for actions without resource-level permissions (ecr:GetAuthorizationToken, X-Ray, ECS Exec channels)', () => {
    expect(
      violations(
        iamResourceScope,
        ...rolePolicy([
          { sid: 'Token', actions: ['ecr:GetAuthorizationToken'], resources: ['*'] },
          {
            sid: 'Traces',
            actions: [
              'xray:PutTraceSegments',
              'ssmmessages:OpenDataChannel',
              'ec2:DescribeSubnets',
            ],
            resources: ['*'],
          },
        ]),
      ),
    ).toEqual([]);
  });

  it('flags a workload statement widened from named resources to "*", naming only the scopable actions', () => {
    expect(
      violations(
        iamResourceScope,
        ...rolePolicy([
          {
            sid: 'Secrets',
            actions: ['secretsmanager:GetSecretValue', 'ecr:GetAuthorizationToken'],
            resources: ['*'],
          },
        ]),
      ),
    ).toEqual([
      'aws_iam_role_policy.rp: statement Secrets allows secretsmanager:GetSecretValue on "*"',
    ]);
  });

  it('treats an ARN whose resource part is "*" as "*", but not a path that ends in *', () => {
    expect(isWildcardResource('arn:aws:s3:::*')).toBe(true);
    expect(isWildcardResource('arn:aws:sqs:eu-west-1:111111111111:*')).toBe(true);
    expect(isWildcardResource('arn:aws:s3:::bucket/*')).toBe(false);
    expect(isWildcardResource('arn:aws:logs:eu-west-1:111111111111:log-group:/ecs/app:*')).toBe(
      false,
    );
    expect(
      violations(
        iamResourceScope,
        ...rolePolicy([{ actions: ['sqs:SendMessage'], resources: ['arn:aws:sqs:eu-west-1:1:*'] }]),
      ),
    ).toEqual(['aws_iam_role_policy.rp: statement (no sid) allows sqs:SendMessage on "*"']);
  });

  it('ignores Deny statements on "*" (they narrow, not widen)', () => {
    expect(
      violations(
        iamResourceScope,
        ...rolePolicy([{ effect: 'Deny', actions: ['s3:DeleteBucket'], resources: ['*'] }]),
      ),
    ).toEqual([]);
  });

  it("reads a role's inline policies and a standalone policy, and fails closed on an unreadable one", () => {
    expect(
      violations(iamResourceScope, [
        'aws_iam_role.r',
        {
          inline_policy: [
            {
              name: 'p',
              policy: JSON.stringify({
                Statement: [{ Effect: 'Allow', Action: 'dynamodb:PutItem', Resource: '*' }],
              }),
            },
          ],
        },
      ]),
    ).toEqual(['aws_iam_role.r: statement (no sid) allows dynamodb:PutItem on "*"']);
    expect(violations(iamResourceScope, ['aws_iam_role.r', { name: 'no-inline' }])).toEqual([]);
    expect(
      violations(iamResourceScope, ['aws_iam_policy.p', { policy: '${file("policy.json")}' }]),
    ).toEqual(['aws_iam_policy.p: the policy cannot be read']);
  });

  it('flags a statement whose resources include "*" among named ones, listing every scopable action', () => {
    expect(
      violations(
        iamResourceScope,
        ...rolePolicy([
          {
            sid: 'Queues',
            actions: ['sqs:SendMessage', 'sqs:ReceiveMessage'],
            resources: ['arn:aws:sqs:eu-west-1:111111111111:orders', '*'],
          },
        ]),
      ),
    ).toEqual([
      'aws_iam_role_policy.rp: statement Queues allows sqs:SendMessage, sqs:ReceiveMessage on "*"',
    ]);
  });

  it('a pattern inside an ARN or a string that only ends like one is not "*"', () => {
    expect(isWildcardResource('arn:aws:sqs:eu-west-1:111111111111:*-dlq')).toBe(false);
    expect(isWildcardResource('bucket/arn:aws:s3:::*')).toBe(false);
  });

  it('a role without inline policies is not applicable (its attached policies are checked on their own)', () => {
    const stack = new StackView(fixtureStack(['aws_iam_role.r', { name: 'no-inline' }]));
    expect(iamResourceScope.evaluate(stack.ofType('aws_iam_role')[0]!, stack)).toEqual({
      status: 'not-applicable',
    });
  });

  it('does not read KMS key policies, where "*" is the key itself', () => {
    expect(iamResourceScope.appliesTo).not.toContain('aws_kms_key');
    const key: FixtureResource = ['aws_kms_key.k', { policy: docRef('kp') }];
    const keyPolicy = doc('kp', [
      {
        sid: 'AccountAdministration',
        actions: ['kms:*'],
        resources: ['*'],
        principals: [{ type: 'AWS', identifiers: ['arn:aws:iam::111111111111:root'] }],
      },
    ]);
    expect(violations(iamResourceScope, keyPolicy, key)).toEqual([]);
  });

  it('the documented "*"-only list matches whole action names (any case) and prefix entries', () => {
    expect(STAR_ONLY_ACTIONS).toContain('ecr:GetAuthorizationToken');
    expect(takesOnlyStar('ECR:getauthorizationtoken')).toBe(true);
    expect(takesOnlyStar('ec2:DescribeInstances')).toBe(true);
    expect(takesOnlyStar('ec2:TerminateInstances')).toBe(false);
    expect(takesOnlyStar('ecr:GetAuthorizationTokens')).toBe(false);
    expect(takesOnlyStar('ecr:*')).toBe(false);
  });
});

describe('PLT-SG-EGRESS-SCOPE: egress to the internet names one protocol and port', () => {
  const rule = (config: Record<string, unknown>): FixtureResource => [
    'aws_vpc_security_group_egress_rule.e',
    { security_group_id: 'sg', ...config },
  ];

  it('passes HTTPS to the world and every protocol inside the VPC', () => {
    expect(
      violations(
        egressScope,
        rule({ ip_protocol: 'tcp', from_port: 443, to_port: 443, cidr_ipv4: '0.0.0.0/0' }),
        ['aws_vpc_security_group_egress_rule.vpc', { ip_protocol: '-1', cidr_ipv4: '10.0.0.0/16' }],
        [
          'aws_vpc_security_group_egress_rule.db',
          { ip_protocol: 'tcp', from_port: 5432, to_port: 5432, referenced_security_group_id: 'x' },
        ],
      ),
    ).toEqual([]);
  });

  it('flags all-protocol egress to the world (task egress opened to every protocol and port)', () => {
    expect(violations(egressScope, rule({ ip_protocol: '-1', cidr_ipv4: '0.0.0.0/0' }))).toEqual([
      'aws_vpc_security_group_egress_rule.e: egress allows every protocol and port to 0.0.0.0/0',
    ]);
    expect(violations(egressScope, rule({ ip_protocol: 'all', cidr_ipv6: '::/0' }))).toEqual([
      'aws_vpc_security_group_egress_rule.e: egress allows every protocol and port to ::/0',
    ]);
  });

  it('flags a port range to the world, and a port it cannot read (fail closed)', () => {
    expect(
      violations(
        egressScope,
        rule({ ip_protocol: 'tcp', from_port: 0, to_port: 65535, cidr_ipv4: '0.0.0.0/0' }),
      ),
    ).toEqual([
      'aws_vpc_security_group_egress_rule.e: egress allows tcp ports 0-65535 to 0.0.0.0/0; name one port',
    ]);
    expect(
      violations(
        egressScope,
        rule({
          ip_protocol: 'tcp',
          from_port: '${var.port}',
          to_port: 443,
          cidr_ipv4: '0.0.0.0/0',
        }),
      ),
    ).toHaveLength(1);
  });

  it('reads inline egress blocks and aws_security_group_rule, and leaves ingress rules alone', () => {
    expect(
      violations(egressScope, [
        'aws_security_group.g',
        {
          egress: [
            { protocol: 'tcp', from_port: 443, to_port: 443, cidr_blocks: ['0.0.0.0/0'] },
            { protocol: '-1', from_port: 0, to_port: 0, cidr_blocks: ['0.0.0.0/0'] },
          ],
        },
      ]),
    ).toEqual(['aws_security_group.g: egress[1] allows every protocol and port to 0.0.0.0/0']);
    expect(
      violations(egressScope, [
        'aws_security_group_rule.r',
        { type: 'egress', protocol: '-1', from_port: 0, to_port: 0, cidr_blocks: ['0.0.0.0/0'] },
      ]),
    ).toEqual(['aws_security_group_rule.r: egress allows every protocol and port to 0.0.0.0/0']);
    expect(
      violations(egressScope, [
        'aws_security_group_rule.r',
        { type: 'ingress', protocol: '-1', cidr_blocks: ['0.0.0.0/0'] },
      ]),
    ).toEqual([]);
  });
});

describe('PLT-SG-EGRESS-SCOPE: every way of writing egress is read', () => {
  it('names both world ranges of one rule, and reads a missing protocol as every protocol', () => {
    expect(
      violations(egressScope, [
        'aws_security_group.g',
        {
          egress: [{ protocol: '-1', cidr_blocks: ['0.0.0.0/0'], ipv6_cidr_blocks: ['::/0'] }],
        },
      ]),
    ).toEqual([
      'aws_security_group.g: egress[0] allows every protocol and port to 0.0.0.0/0, ::/0',
    ]);
    expect(
      violations(egressScope, [
        'aws_vpc_security_group_egress_rule.e',
        { from_port: 443, to_port: 443, cidr_ipv4: '0.0.0.0/0' },
      ]),
    ).toEqual([
      'aws_vpc_security_group_egress_rule.e: egress allows every protocol and port to 0.0.0.0/0',
    ]);
  });

  it('reads protocol, ports and IPv6 ranges of aws_security_group_rule', () => {
    expect(
      violations(egressScope, [
        'aws_security_group_rule.r',
        {
          type: 'egress',
          protocol: 'tcp',
          from_port: 1024,
          to_port: 65535,
          ipv6_cidr_blocks: ['::/0'],
        },
      ]),
    ).toEqual([
      'aws_security_group_rule.r: egress allows tcp ports 1024-65535 to ::/0; name one port',
    ]);
    expect(
      violations(egressScope, [
        'aws_security_group_rule.r',
        {
          type: 'egress',
          protocol: 'tcp',
          from_port: 443,
          to_port: 443,
          cidr_blocks: ['0.0.0.0/0'],
        },
      ]),
    ).toEqual([]);
  });

  it('an expression for both ports is not one port (fail closed)', () => {
    expect(
      violations(egressScope, [
        'aws_vpc_security_group_egress_rule.e',
        { ip_protocol: 'tcp', from_port: '${var.p}', to_port: '${var.p}', cidr_ipv4: '0.0.0.0/0' },
      ]),
    ).toHaveLength(1);
  });
});

describe('PLT-SERVICE-PRINCIPAL-CONDITION: a service principal in a key or resource policy carries a source or encryption-context condition', () => {
  const key = (statement: Record<string, unknown>[]): FixtureResource[] => [
    doc('kp', statement),
    ['aws_kms_key.k', { policy: docRef('kp') }],
  ];

  it('passes key statements bound by encryption context or source, and non-service principals', () => {
    expect(
      violations(
        servicePrincipalCondition,
        ...key([
          {
            sid: 'AccountAdministration',
            actions: ['kms:*'],
            resources: ['*'],
            principals: [{ type: 'AWS', identifiers: ['arn:aws:iam::111111111111:root'] }],
          },
          {
            sid: 'CloudWatchLogs',
            actions: ['kms:GenerateDataKey*'],
            resources: ['*'],
            principals: service('logs.eu-west-1.amazonaws.com'),
            condition: [
              {
                test: 'ArnLike',
                variable: 'kms:EncryptionContext:aws:logs:arn',
                values: ['arn:aws:logs:eu-west-1:111111111111:log-group:*'],
              },
            ],
          },
          {
            sid: 'Alarms',
            actions: ['kms:Decrypt'],
            resources: ['*'],
            principals: service('cloudwatch.amazonaws.com'),
            condition: condition('aws:SourceAccount'),
          },
        ]),
      ),
    ).toEqual([]);
  });

  it('flags a key statement for a service principal that lost its condition', () => {
    expect(
      violations(
        servicePrincipalCondition,
        ...key([
          {
            sid: 'CloudWatchLogs',
            actions: ['kms:GenerateDataKey*'],
            resources: ['*'],
            principals: service('logs.eu-west-1.amazonaws.com'),
          },
        ]),
      ),
    ).toEqual([
      'aws_kms_key.k: statement CloudWatchLogs allows logs.eu-west-1.amazonaws.com without aws:SourceAccount, aws:SourceArn or kms:EncryptionContext',
    ]);
  });

  it('a condition that does not scope the caller (s3:x-amz-acl only) is not enough', () => {
    expect(
      violations(servicePrincipalCondition, [
        'aws_s3_bucket_policy.bp',
        {
          bucket: 'b',
          policy: JSON.stringify({
            Statement: [
              {
                Sid: 'CloudTrailWrite',
                Effect: 'Allow',
                Principal: { Service: 'cloudtrail.amazonaws.com' },
                Action: 's3:PutObject',
                Resource: 'arn:aws:s3:::b/*',
                Condition: { StringEquals: { 's3:x-amz-acl': 'bucket-owner-full-control' } },
              },
            ],
          }),
        },
      ]),
    ).toEqual([
      'aws_s3_bucket_policy.bp: statement CloudTrailWrite allows cloudtrail.amazonaws.com without aws:SourceAccount, aws:SourceArn or kms:EncryptionContext',
    ]);
  });

  it('reads topic policies too, and fails closed on a policy it cannot read', () => {
    expect(
      violations(
        servicePrincipalCondition,
        doc('tp', [
          {
            sid: 'Publish',
            actions: ['sns:Publish'],
            resources: ['arn:aws:sns:eu-west-1:1:t'],
            principals: service('events.amazonaws.com'),
            condition: [{ test: 'ArnEquals', variable: 'aws:SourceArn', values: ['arn:rule'] }],
          },
        ]),
        ['aws_sns_topic_policy.t', { arn: 't', policy: docRef('tp') }],
      ),
    ).toEqual([]);
    expect(
      violations(servicePrincipalCondition, ['aws_sns_topic_policy.t', { policy: 'not json' }]),
    ).toEqual(['aws_sns_topic_policy.t: the policy cannot be read']);
    expect(violations(servicePrincipalCondition, ['aws_kms_key.k', {}])).toEqual([]);
  });

  it('a scoping key beside other keys under one operator counts (CloudTrail: SourceArn with x-amz-acl)', () => {
    expect(
      violations(
        servicePrincipalCondition,
        doc('bp', [
          {
            sid: 'CloudTrailWrite',
            actions: ['s3:PutObject'],
            resources: ['arn:aws:s3:::b/*'],
            principals: service('cloudtrail.amazonaws.com'),
            condition: [
              {
                test: 'StringEquals',
                variable: 's3:x-amz-acl',
                values: ['bucket-owner-full-control'],
              },
              { test: 'StringEquals', variable: 'aws:SourceAccount', values: ['111111111111'] },
            ],
          },
        ]),
        ['aws_s3_bucket_policy.bp', { bucket: 'b', policy: docRef('bp') }],
      ),
    ).toEqual([]);
  });

  it('names every service of a statement without a sid; Deny statements need no condition', () => {
    expect(
      violations(
        servicePrincipalCondition,
        doc('tp', [
          {
            actions: ['sns:Publish'],
            resources: ['arn:aws:sns:eu-west-1:1:t'],
            principals: service('events.amazonaws.com', 'cloudwatch.amazonaws.com'),
          },
          {
            effect: 'Deny',
            actions: ['sns:Publish'],
            resources: ['arn:aws:sns:eu-west-1:1:t'],
            principals: service('budgets.amazonaws.com'),
          },
        ]),
        ['aws_sns_topic_policy.t', { arn: 't', policy: docRef('tp') }],
      ),
    ).toEqual([
      'aws_sns_topic_policy.t: statement (no sid) allows events.amazonaws.com, cloudwatch.amazonaws.com without aws:SourceAccount, aws:SourceArn or kms:EncryptionContext',
    ]);
  });

  it('a resource policy without a policy fails closed; only a key without one is left to PLT-KMS-NO-WILDCARD-PRINCIPAL', () => {
    expect(
      violations(servicePrincipalCondition, ['aws_s3_bucket_policy.bp', { bucket: 'b' }]),
    ).toEqual(['aws_s3_bucket_policy.bp: the policy cannot be read']);
    const stack = new StackView(fixtureStack(['aws_kms_key.k', {}]));
    expect(servicePrincipalCondition.evaluate(stack.ofType('aws_kms_key')[0]!, stack)).toEqual({
      status: 'not-applicable',
    });
  });

  it('is part of the platform pack, with the other two scope rules', () => {
    expect(PLATFORM_RULES).toEqual(
      expect.arrayContaining([servicePrincipalCondition, iamResourceScope, egressScope]),
    );
  });
});
