import { type FixtureResource, violations } from '../harness';
import { iamCrossAccountTrust } from './cross-account-trust';
import { iamCrossAccountWildcardWrite } from './cross-account-write';
import { iamPassRoleScoped } from './pass-role';
import { iamPrivilegeEscalation } from './privilege-escalation';

const doc = (statement: Record<string, unknown>[]): FixtureResource => [
  'data.aws_iam_policy_document.d',
  { statement },
];
const ref = '${data.aws_iam_policy_document.d.json}';
const rolePolicy: FixtureResource = ['aws_iam_role_policy.p', { policy: ref }];
const boundary = 'arn:aws:iam::333333333333:policy/platform-permissions-boundary';

describe('IAM escalation rules', () => {
  describe('PLT-IAM-PRIVILEGE-ESCALATION', () => {
    it('flags role creation and policy writes on "*" without a boundary condition (the old deploy role)', () => {
      expect(
        violations(
          iamPrivilegeEscalation,
          doc([
            {
              sid: 'ManagePlatformIam',
              effect: 'Allow',
              actions: ['iam:CreateRole', 'iam:PutRolePolicy', 'iam:GetRole'],
              resources: ['*'],
            },
          ]),
          rolePolicy,
        ),
      ).toEqual([
        'aws_iam_role_policy.p: statement ManagePlatformIam allows iam:CreateRole, iam:PutRolePolicy on * without an iam:PermissionsBoundary condition',
      ]);
    });

    it('flags a wildcard action that covers escalation, and every role of an account', () => {
      expect(
        violations(
          iamPrivilegeEscalation,
          doc([
            {
              sid: 'AllRoles',
              effect: 'Allow',
              actions: ['iam:Update*'],
              resources: ['arn:aws:iam::333333333333:role/*'],
            },
          ]),
          rolePolicy,
        ),
      ).toEqual([
        'aws_iam_role_policy.p: statement AllRoles allows iam:UpdateAssumeRolePolicy, iam:UpdateLoginProfile, iam:UpdateOpenIDConnectProviderThumbprint on arn:aws:iam::333333333333:role/* without an iam:PermissionsBoundary condition',
      ]);
    });

    it('passes role changes scoped to a name prefix, or tied to the boundary', () => {
      expect(
        violations(
          iamPrivilegeEscalation,
          doc([
            {
              effect: 'Allow',
              actions: ['iam:UpdateAssumeRolePolicy'],
              resources: ['arn:aws:iam::333333333333:role/prod-*'],
            },
            {
              effect: 'Allow',
              actions: ['iam:CreateRole', 'iam:PutRolePolicy'],
              resources: ['*'],
              condition: [
                { test: 'StringEquals', variable: 'iam:PermissionsBoundary', values: [boundary] },
              ],
            },
            { effect: 'Deny', actions: ['iam:*'], resources: ['*'] },
          ]),
          rolePolicy,
        ),
      ).toEqual([]);
    });

    it('fails closed on a policy it cannot read', () => {
      expect(
        violations(iamPrivilegeEscalation, ['aws_iam_role_policy.p', { policy: '${file("x")}' }]),
      ).toEqual(['aws_iam_role_policy.p: the policy cannot be read']);
    });
  });

  describe('PLT-IAM-PASSROLE-SCOPED', () => {
    it('flags PassRole on "*" and PassRole without iam:PassedToService', () => {
      expect(
        violations(
          iamPassRoleScoped,
          doc([{ sid: 'Pass', effect: 'Allow', actions: ['iam:PassRole'], resources: ['*'] }]),
          rolePolicy,
        ),
      ).toEqual([
        'aws_iam_role_policy.p: statement Pass passes every role ("*")',
        'aws_iam_role_policy.p: statement Pass has no iam:PassedToService condition',
      ]);
    });

    it('passes named roles handed to a named service', () => {
      expect(
        violations(
          iamPassRoleScoped,
          doc([
            {
              effect: 'Allow',
              actions: ['iam:PassRole'],
              resources: ['arn:aws:iam::333333333333:role/prod-web-task'],
              condition: [
                {
                  test: 'StringEquals',
                  variable: 'iam:PassedToService',
                  values: ['ecs-tasks.amazonaws.com'],
                },
              ],
            },
          ]),
          rolePolicy,
        ),
      ).toEqual([]);
    });
  });

  describe('PLT-IAM-CROSS-ACCOUNT-TRUST', () => {
    const role: FixtureResource = ['aws_iam_role.r', { assume_role_policy: ref }];
    const trust = (condition?: Record<string, unknown>[]) =>
      doc([
        {
          sid: 'Pipeline',
          effect: 'Allow',
          actions: ['sts:AssumeRole'],
          principals: [{ type: 'AWS', identifiers: ['arn:aws:iam::111111111111:root'] }],
          ...(condition ? { condition } : {}),
        },
      ]);

    it('flags a trust of another account root with no principal or source condition', () => {
      expect(violations(iamCrossAccountTrust, trust(), role)).toEqual([
        'aws_iam_role.r: statement Pipeline trusts arn:aws:iam::111111111111:root without an aws:PrincipalArn, aws:SourceArn, aws:SourceAccount, aws:PrincipalOrgID or sts:ExternalId condition',
      ]);
    });

    it('passes an account root narrowed by aws:PrincipalArn, and a role named by ARN', () => {
      expect(
        violations(
          iamCrossAccountTrust,
          trust([
            {
              test: 'ArnEquals',
              variable: 'aws:PrincipalArn',
              values: ['arn:aws:iam::111111111111:role/web-release-pipeline'],
            },
          ]),
          role,
        ),
      ).toEqual([]);
      expect(
        violations(
          iamCrossAccountTrust,
          doc([
            {
              effect: 'Allow',
              actions: ['sts:AssumeRole'],
              principals: [
                {
                  type: 'AWS',
                  identifiers: ['arn:aws:iam::111111111111:role/web-release-pipeline'],
                },
              ],
            },
          ]),
          role,
        ),
      ).toEqual([]);
    });

    it('flags "*", a bare account id and a root in any partition; a principal that only looks like one passes', () => {
      const trusting = (identifiers: string[], type = 'AWS') =>
        violations(
          iamCrossAccountTrust,
          doc([
            {
              sid: 'T',
              effect: 'Allow',
              actions: ['sts:AssumeRole'],
              principals: [{ type, identifiers }],
            },
          ]),
          role,
        ).map((v) => v.replace(/ without an .*/, ''));
      expect(trusting(['*'])).toEqual(['aws_iam_role.r: statement T trusts *']);
      expect(trusting(['*'], '*')).toEqual(['aws_iam_role.r: statement T trusts *']);
      expect(trusting(['111111111111'])).toEqual([
        'aws_iam_role.r: statement T trusts 111111111111',
      ]);
      expect(
        trusting(['arn:aws-us-gov:iam::111111111111:root', 'arn:aws-cn:iam::222222222222:root']),
      ).toEqual([
        'aws_iam_role.r: statement T trusts arn:aws-us-gov:iam::111111111111:root',
        'aws_iam_role.r: statement T trusts arn:aws-cn:iam::222222222222:root',
      ]);
      expect(
        trusting([
          '1111111111111',
          'x111111111111',
          '11111111111x',
          'arn:aws:iam::111111111111:root-admin',
          'xarn:aws:iam::111111111111:root',
          'arn:aws:iam::111111111111:role/root',
        ]),
      ).toEqual([]);
      expect(trusting(['ecs-tasks.amazonaws.com'], 'Service')).toEqual([]);
    });

    it('passes a Deny of an account root, and a narrowing key beside others in one condition test', () => {
      expect(
        violations(
          iamCrossAccountTrust,
          doc([
            {
              effect: 'Deny',
              actions: ['sts:AssumeRole'],
              principals: [{ type: 'AWS', identifiers: ['arn:aws:iam::111111111111:root'] }],
            },
          ]),
          role,
        ),
      ).toEqual([]);
      expect(
        violations(
          iamCrossAccountTrust,
          trust([
            { test: 'StringEquals', variable: 'aws:RequestedRegion', values: ['eu-west-1'] },
            { test: 'StringEquals', variable: 'sts:ExternalId', values: ['acme-ci'] },
          ]),
          role,
        ),
      ).toEqual([]);
      // a condition that names nobody does not narrow the account
      expect(
        violations(
          iamCrossAccountTrust,
          trust([{ test: 'Bool', variable: 'aws:MultiFactorAuthPresent', values: ['true'] }]),
          role,
        ),
      ).toHaveLength(1);
    });

    it('fails closed when the trust policy cannot be read', () => {
      expect(
        violations(iamCrossAccountTrust, [
          'aws_iam_role.r',
          { assume_role_policy: '${aws_iam_policy.elsewhere.policy}' },
        ]),
      ).toEqual(['aws_iam_role.r: the trust policy cannot be read']);
    });
  });

  describe('PLT-IAM-CROSS-ACCOUNT-WILDCARD-WRITE', () => {
    const registryPolicy: FixtureResource = ['aws_ecr_registry_policy.p', { policy: ref }];
    const replication = (actions: string[], resources: string[]) =>
      doc([
        {
          sid: 'ReplicationFromSource',
          effect: 'Allow',
          actions,
          resources,
          principals: [{ type: 'AWS', identifiers: ['arn:aws:iam::111111111111:root'] }],
        },
      ]);

    it('flags another account creating and replicating into every repository (the old prod registry)', () => {
      expect(
        violations(
          iamCrossAccountWildcardWrite,
          replication(
            ['ecr:CreateRepository', 'ecr:ReplicateImage'],
            ['arn:aws:ecr:eu-west-1:333333333333:repository/*'],
          ),
          registryPolicy,
        ),
      ).toEqual([
        'aws_ecr_registry_policy.p: statement ReplicationFromSource lets arn:aws:iam::111111111111:root ecr:CreateRepository, ecr:ReplicateImage on arn:aws:ecr:eu-west-1:333333333333:repository/*',
      ]);
    });

    it('passes replication into named repositories, and writes by the account itself', () => {
      expect(
        violations(
          iamCrossAccountWildcardWrite,
          replication(
            ['ecr:ReplicateImage'],
            [
              'arn:aws:ecr:eu-west-1:333333333333:repository/web',
              'arn:aws:ecr:eu-west-1:333333333333:repository/api',
            ],
          ),
          registryPolicy,
        ),
      ).toEqual([]);
      expect(
        violations(
          iamCrossAccountWildcardWrite,
          doc([
            {
              effect: 'Allow',
              actions: ['ecr:ReplicateImage'],
              resources: ['arn:aws:ecr:eu-west-1:333333333333:repository/*'],
              principals: [{ type: 'AWS', identifiers: ['arn:aws:iam::333333333333:root'] }],
            },
          ]),
          registryPolicy,
        ),
      ).toEqual([]);
    });

    it('flags every writing action on "*", a whole bucket or a kind, by another account, "*" or an account id', () => {
      const grant = (statement: Record<string, unknown>, type = 'aws_s3_bucket_policy') =>
        violations(
          iamCrossAccountWildcardWrite,
          doc([{ sid: 'Grant', effect: 'Allow', ...statement }]),
          [`${type}.p`, { policy: ref }],
        );
      const other = (id: string) => [{ type: 'AWS', identifiers: [id] }];
      expect(
        grant({
          actions: ['s3:PutObject', 's3:GetObject'],
          resources: ['arn:aws:s3:::acme-artifacts/*'],
          principals: other('111111111111'),
        }),
      ).toEqual([
        'aws_s3_bucket_policy.p: statement Grant lets 111111111111 s3:PutObject on arn:aws:s3:::acme-artifacts/*',
      ]);
      expect(
        grant(
          {
            actions: ['sns:Publish'],
            resources: ['*'],
            principals: [{ type: '*', identifiers: ['*'] }],
          },
          'aws_sns_topic_policy',
        ),
      ).toEqual(['aws_sns_topic_policy.p: statement Grant lets * sns:Publish on *']);
      expect(
        grant(
          {
            actions: ['*'],
            resources: ['arn:aws-us-gov:sqs:us-gov-west-1:333333333333:queue/*'],
            principals: other('arn:aws:iam::333333333333:role/x'),
          },
          'aws_sqs_queue_policy',
        ),
      ).toEqual([]);
      // another account by role ARN, writes on a kind; reads, named objects and Deny are fine
      expect(
        grant(
          {
            actions: ['ecr:PutImage'],
            resources: ['arn:aws:ecr:eu-west-1:333333333333:repository/*'],
            principals: other('arn:aws:iam::111111111111:role/ci'),
          },
          'aws_ecr_repository_policy',
        ),
      ).toEqual([
        'aws_ecr_repository_policy.p: statement Grant lets arn:aws:iam::111111111111:role/ci ecr:PutImage on arn:aws:ecr:eu-west-1:333333333333:repository/*',
      ]);
      expect(
        grant({
          actions: ['s3:GetObject'],
          resources: ['arn:aws:s3:::b/*'],
          principals: other('111111111111'),
        }),
      ).toEqual([]);
      expect(
        grant({
          actions: ['s3:PutObject'],
          resources: ['arn:aws:s3:::b/reports/x.json'],
          principals: other('111111111111'),
        }),
      ).toEqual([]);
      expect(
        grant({
          effect: 'Deny',
          actions: ['s3:PutObject'],
          resources: ['arn:aws:s3:::b/*'],
          principals: other('111111111111'),
        }),
      ).toEqual([]);
      expect(
        grant({
          actions: ['s3:PutObject'],
          resources: ['xarn:aws:s3:::b/*'],
          principals: other('111111111111'),
        }),
      ).toEqual([]);
    });
  });
});
