import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PLATFORM_RULES } from './index';
import { GCP_RULES } from './gcp-pack';
import type { Rule } from '../types';
import { type FixtureResource, violations } from './harness';
import { securityGroupDescriptions } from './ec2/security-group-descriptions';
import { noOpenIngress } from './ec2/no-open-ingress';
import { iamNoWildcardAction } from './iam/no-wildcard-action';
import { iamRestrictedOidcTrust } from './iam/oidc-trust';
import { iamTrustPolicyNoResource } from './iam/trust-no-resource';
import { kmsNoWildcardPrincipal } from './kms/no-wildcard-principal';
import { kmsRotation } from './kms/rotation';
import { logGroupKms } from './logs/kms';
import { logGroupRetention } from './logs/retention';
import { providerAccountPin } from './provider/account-pin';
import { providerDefaultTags } from './provider/default-tags';
import { s3KmsEncryption } from './s3/kms-encryption';
import { s3OwnerEnforced } from './s3/owner-enforced';
import { s3PublicAccessBlock } from './s3/public-access-block';
import { s3TlsOnly } from './s3/tls-only';
import { s3Versioning } from './s3/versioning';
import { snsKms } from './sns/kms';
import { subnetNoPublicIp } from './vpc/no-public-ip';
import { vpcDefaultSecurityGroupClosed } from './vpc/default-security-group';
import { vpcFlowLogs } from './vpc/flow-logs';

const bucket: FixtureResource = ['aws_s3_bucket.b', { bucket: 'b' }];
const ref = (address: string, attr = 'id') => `\${${address}.${attr}}`;
const doc = (name: string, statement: Record<string, unknown>[]): FixtureResource => [
  `data.aws_iam_policy_document.${name}`,
  { statement },
];
const docRef = (name: string) => `\${data.aws_iam_policy_document.${name}.json}`;
const tags = {
  Environment: 'dev',
  Stack: 'network-dev',
  Owner: 'platform',
  CostCenter: 'CC-1',
  ManagedBy: 'cdktf',
  Repository: 'acme/platform',
};

/** Each rule with a compliant and a non-compliant stack, and what it must report for the latter. */
const cases: {
  rule: (typeof PLATFORM_RULES)[number];
  good: FixtureResource[];
  bad: FixtureResource[];
  expected: string[];
}[] = [
  {
    rule: s3Versioning,
    good: [
      bucket,
      [
        'aws_s3_bucket_versioning.v',
        { bucket: ref('aws_s3_bucket.b'), versioning_configuration: [{ status: 'Enabled' }] },
      ],
    ],
    bad: [
      bucket,
      [
        'aws_s3_bucket_versioning.v',
        { bucket: ref('aws_s3_bucket.b'), versioning_configuration: [{ status: 'Suspended' }] },
      ],
    ],
    expected: ['aws_s3_bucket.b: no aws_s3_bucket_versioning with status "Enabled" references it'],
  },
  {
    rule: s3KmsEncryption,
    good: [
      bucket,
      [
        'aws_s3_bucket_server_side_encryption_configuration.e',
        {
          bucket: ref('aws_s3_bucket.b'),
          rule: [
            {
              apply_server_side_encryption_by_default: [
                { sse_algorithm: 'aws:kms', kms_master_key_id: ref('aws_kms_key.k', 'arn') },
              ],
            },
          ],
        },
      ],
    ],
    bad: [
      bucket,
      [
        'aws_s3_bucket_server_side_encryption_configuration.e',
        {
          bucket: ref('aws_s3_bucket.b'),
          rule: [{ apply_server_side_encryption_by_default: [{ sse_algorithm: 'AES256' }] }],
        },
      ],
    ],
    expected: [
      'aws_s3_bucket.b: no SSE-KMS configuration with a customer-managed key references it',
    ],
  },
  {
    rule: s3PublicAccessBlock,
    good: [
      bucket,
      [
        'aws_s3_bucket_public_access_block.p',
        {
          bucket: ref('aws_s3_bucket.b'),
          block_public_acls: true,
          block_public_policy: true,
          ignore_public_acls: true,
          restrict_public_buckets: true,
        },
      ],
    ],
    bad: [
      bucket,
      [
        'aws_s3_bucket_public_access_block.p',
        {
          bucket: ref('aws_s3_bucket.b'),
          block_public_acls: true,
          block_public_policy: false,
          ignore_public_acls: true,
          restrict_public_buckets: true,
        },
      ],
    ],
    expected: ['aws_s3_bucket.b: block_public_policy is not true'],
  },
  {
    rule: s3OwnerEnforced,
    good: [
      bucket,
      [
        'aws_s3_bucket_ownership_controls.o',
        { bucket: ref('aws_s3_bucket.b'), rule: { object_ownership: 'BucketOwnerEnforced' } },
      ],
    ],
    bad: [
      bucket,
      [
        'aws_s3_bucket_ownership_controls.o',
        { bucket: ref('aws_s3_bucket.b'), rule: { object_ownership: 'ObjectWriter' } },
      ],
    ],
    expected: ['aws_s3_bucket.b: no ownership controls with BucketOwnerEnforced reference it'],
  },
  {
    rule: s3TlsOnly,
    good: [
      bucket,
      doc('tls', [
        {
          effect: 'Deny',
          actions: ['s3:*'],
          resources: ['*'],
          principals: [{ type: '*', identifiers: ['*'] }],
          condition: [{ test: 'Bool', variable: 'aws:SecureTransport', values: ['false'] }],
        },
      ]),
      ['aws_s3_bucket_policy.p', { bucket: ref('aws_s3_bucket.b'), policy: docRef('tls') }],
    ],
    bad: [
      bucket,
      [
        'aws_s3_bucket_policy.p',
        { bucket: ref('aws_s3_bucket.b'), policy: '${jsonencode(local.policy)}' },
      ],
    ],
    expected: [
      'aws_s3_bucket.b: no bucket policy denies requests where aws:SecureTransport is false (or it cannot be read)',
    ],
  },
  {
    rule: kmsRotation,
    good: [['aws_kms_key.k', { enable_key_rotation: true }]],
    bad: [['aws_kms_key.k', {}]],
    expected: ['aws_kms_key.k: enable_key_rotation is not true'],
  },
  {
    rule: kmsNoWildcardPrincipal,
    good: [
      doc('key', [
        {
          sid: 'Admin',
          actions: ['kms:*'],
          resources: ['*'],
          principals: [{ type: 'AWS', identifiers: ['arn:aws:iam::111111111111:root'] }],
        },
      ]),
      ['aws_kms_key.k', { policy: docRef('key') }],
    ],
    bad: [
      doc('key', [
        {
          sid: 'Everyone',
          actions: ['kms:Decrypt'],
          resources: ['*'],
          principals: [{ type: 'AWS', identifiers: ['*'] }],
        },
      ]),
      ['aws_kms_key.k', { policy: docRef('key') }],
    ],
    expected: ['aws_kms_key.k: statement Everyone allows principal "*"'],
  },
  {
    rule: vpcFlowLogs,
    good: [
      ['aws_vpc.v', {}],
      ['aws_flow_log.f', { vpc_id: ref('aws_vpc.v'), traffic_type: 'ALL' }],
    ],
    bad: [
      ['aws_vpc.v', {}],
      ['aws_flow_log.f', { vpc_id: ref('aws_vpc.v'), traffic_type: 'REJECT' }],
    ],
    expected: ['aws_vpc.v: no aws_flow_log with traffic_type ALL references it'],
  },
  {
    rule: vpcDefaultSecurityGroupClosed,
    good: [
      ['aws_vpc.v', {}],
      ['aws_default_security_group.d', { vpc_id: ref('aws_vpc.v'), ingress: [], egress: [] }],
    ],
    bad: [
      ['aws_vpc.v', {}],
      [
        'aws_default_security_group.d',
        { vpc_id: ref('aws_vpc.v'), ingress: [{ from_port: 0 }], egress: [] },
      ],
    ],
    expected: ['aws_vpc.v: aws_default_security_group.d does not set ingress to an empty list'],
  },
  {
    rule: subnetNoPublicIp,
    good: [['aws_subnet.s', { map_public_ip_on_launch: false }]],
    bad: [['aws_subnet.s', { map_public_ip_on_launch: true }]],
    expected: ['aws_subnet.s: map_public_ip_on_launch is true'],
  },
  {
    rule: securityGroupDescriptions,
    good: [
      [
        'aws_security_group.g',
        { description: 'Load balancer', ingress: [{ description: 'HTTPS from the VPC' }] },
      ],
    ],
    bad: [
      [
        'aws_security_group.g',
        { description: 'Managed by Terraform', ingress: [{ from_port: 443 }] },
      ],
    ],
    expected: [
      'aws_security_group.g: description is missing',
      'aws_security_group.g: ingress[0] has no description',
    ],
  },
  {
    rule: noOpenIngress,
    good: [
      ['aws_vpc_security_group_ingress_rule.r', { cidr_ipv4: '10.0.0.0/16' }],
      ['aws_security_group_rule.e', { type: 'egress', cidr_blocks: ['0.0.0.0/0'] }],
    ],
    bad: [
      ['aws_vpc_security_group_ingress_rule.r', { cidr_ipv6: '::/0' }],
      ['aws_security_group.g', { ingress: [{ cidr_blocks: ['0.0.0.0/0'] }] }],
    ],
    expected: [
      'aws_security_group.g: ingress[0] from 0.0.0.0/0',
      'aws_vpc_security_group_ingress_rule.r: ingress from ::/0',
    ],
  },
  {
    rule: logGroupRetention,
    good: [['aws_cloudwatch_log_group.l', { retention_in_days: 30 }]],
    bad: [['aws_cloudwatch_log_group.l', { retention_in_days: 0 }]],
    expected: ['aws_cloudwatch_log_group.l: retention_in_days is not set'],
  },
  {
    rule: logGroupKms,
    good: [['aws_cloudwatch_log_group.l', { kms_key_id: ref('aws_kms_key.k', 'arn') }]],
    bad: [['aws_cloudwatch_log_group.l', {}]],
    expected: ['aws_cloudwatch_log_group.l: kms_key_id is not set'],
  },
  {
    rule: iamNoWildcardAction,
    good: [
      [
        'aws_iam_role_policy.p',
        {
          policy: JSON.stringify({
            Statement: [
              { Effect: 'Allow', Action: ['s3:GetObject'], Resource: '*' },
              { Effect: 'Deny', Action: '*', Resource: '*' },
            ],
          }),
        },
      ],
    ],
    bad: [
      doc('p', [{ sid: 'All', actions: ['s3:*'], resources: ['*'] }]),
      ['aws_iam_policy.p', { policy: docRef('p') }],
      ['aws_iam_role_policy.q', { policy: '${file("x.json")}' }],
    ],
    expected: [
      'aws_iam_policy.p: statement All allows s3:*',
      'aws_iam_role_policy.q: the policy cannot be read',
    ],
  },
  {
    rule: iamRestrictedOidcTrust,
    good: [
      doc('trust', [
        {
          actions: ['sts:AssumeRoleWithWebIdentity'],
          resources: ['*'],
          principals: [
            { type: 'Federated', identifiers: [ref('aws_iam_openid_connect_provider.gh', 'arn')] },
          ],
          condition: [
            {
              test: 'StringEquals',
              variable: 'token.actions.githubusercontent.com:aud',
              values: ['sts.amazonaws.com'],
            },
            {
              test: 'StringEquals',
              variable: 'token.actions.githubusercontent.com:sub',
              values: ['repo:acme/platform:environment:prod'],
            },
          ],
        },
      ]),
      ['aws_iam_role.r', { assume_role_policy: docRef('trust') }],
    ],
    bad: [
      doc('trust', [
        {
          actions: ['sts:AssumeRoleWithWebIdentity'],
          resources: ['*'],
          principals: [
            {
              type: 'Federated',
              identifiers: ['arn:aws:iam::1:oidc-provider/token.actions.githubusercontent.com'],
            },
          ],
          condition: [
            {
              test: 'StringLike',
              variable: 'token.actions.githubusercontent.com:sub',
              values: ['repo:acme/*'],
            },
          ],
        },
      ]),
      ['aws_iam_role.r', { assume_role_policy: docRef('trust') }],
    ],
    expected: [
      'aws_iam_role.r: no aud condition',
      'aws_iam_role.r: token.actions.githubusercontent.com:sub "repo:acme/*" does not pin one repository and a ref, pull request or environment',
    ],
  },
  {
    rule: iamTrustPolicyNoResource,
    good: [
      doc('trust', [
        {
          actions: ['sts:AssumeRole'],
          principals: [{ type: 'Service', identifiers: ['ec2.amazonaws.com'] }],
        },
      ]),
      ['aws_iam_role.r', { assume_role_policy: docRef('trust') }],
    ],
    bad: [
      doc('trust', [
        {
          sid: 'Ec2',
          actions: ['sts:AssumeRole'],
          resources: ['*'],
          principals: [{ type: 'Service', identifiers: ['ec2.amazonaws.com'] }],
        },
      ]),
      ['aws_iam_role.r', { assume_role_policy: docRef('trust') }],
    ],
    expected: ['aws_iam_role.r: statement Ec2 names resources *'],
  },
  {
    rule: providerDefaultTags,
    good: [['provider.aws', { default_tags: [{ tags }] }]],
    bad: [['provider.aws', { default_tags: [{ tags: { ...tags, Owner: '' } }] }]],
    expected: ['provider.aws.#0: default tag Owner is missing'],
  },
  {
    rule: providerAccountPin,
    good: [['provider.aws', { allowed_account_ids: ['111111111111'] }]],
    bad: [['provider.aws', { assume_role: [{ role_arn: 'arn:aws:iam::1:role/x' }] }]],
    expected: [
      'provider.aws.#0: allowed_account_ids is not a list of account ids',
      'provider.aws.#0: assume_role bakes a role ARN into the configuration: the caller brings credentials',
    ],
  },
  {
    rule: snsKms,
    good: [['aws_sns_topic.t', { kms_master_key_id: ref('aws_kms_key.k', 'arn') }]],
    bad: [['aws_sns_topic.t', { kms_master_key_id: 'alias/aws/sns' }]],
    expected: ['aws_sns_topic.t: kms_master_key_id is not a customer-managed key'],
  },
];

/** Every pack's rules: each rule belongs to exactly one pack. */
const ALL_RULES = [...PLATFORM_RULES, ...GCP_RULES];

describe('platform rule pack', () => {
  it('every rule of every pack is exercised by a test: in the table below or in a test file of its own', () => {
    const sources = readdirSync(__dirname, { recursive: true, encoding: 'utf8' }).filter((f) =>
      f.endsWith('.ts'),
    );
    const tests = sources
      .filter((f) => f.endsWith('.test.ts'))
      .map((f) => readFileSync(join(__dirname, f), 'utf8'))
      .join('\n');
    // every exported rule of every module (loaded, not read as text: mutation testing rewrites the text)
    const declared = sources
      .filter((f) => !f.endsWith('.test.ts') && f !== 'index.ts')
      .flatMap((f) =>
        Object.entries(jest.requireActual<Record<string, unknown>>(join(__dirname, f)))
          .filter(
            ([, value]) =>
              typeof value === 'object' &&
              value !== null &&
              typeof (value as Rule).id === 'string' &&
              typeof (value as Rule).evaluate === 'function',
          )
          .map(([name, value]) => ({ name, id: (value as Rule).id })),
      );
    expect(declared.map((d) => d.id).sort()).toEqual(ALL_RULES.map((r) => r.id).sort());
    expect(
      declared.filter((d) => !new RegExp(`\\b${d.name}\\b`).test(tests)).map((d) => d.id),
    ).toEqual([]);
  });

  it('rule ids are unique and every rule explains itself', () => {
    expect(new Set(ALL_RULES.map((r) => r.id)).size).toBe(ALL_RULES.length);
    for (const rule of ALL_RULES) {
      expect([rule.message, rule.fix, rule.explanation].every((t) => t.length > 10)).toBe(true);
    }
  });

  describe.each(cases.map((c) => [c.rule.id, c] as const))(
    '%s',
    (_id, { rule, good, bad, expected }) => {
      it('passes a compliant stack', () => expect(violations(rule, ...good)).toEqual([]));
      it('reports a non-compliant stack', () => expect(violations(rule, ...bad)).toEqual(expected));
    },
  );

  it('fails closed: a bucket with no companions at all breaks every S3 rule', () => {
    for (const rule of [
      s3Versioning,
      s3KmsEncryption,
      s3PublicAccessBlock,
      s3OwnerEnforced,
      s3TlsOnly,
    ]) {
      expect(violations(rule, bucket)).toHaveLength(1);
    }
  });
});
