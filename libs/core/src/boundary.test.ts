import { IamRole } from '@cdktf/provider-aws/lib/iam-role';
import { environment, synthJson } from '@platform/testing';
import { App } from 'cdktf';
import { PlatformStack } from './stack';

describe('permissions boundary of every platform role', () => {
  const stack = new PlatformStack(new App(), { family: 'ecs', environment: environment('prod') });
  const trust = JSON.stringify({
    Version: '2012-10-17',
    Statement: [
      {
        Effect: 'Allow',
        Action: 'sts:AssumeRole',
        Principal: { Service: 'ecs-tasks.amazonaws.com' },
      },
    ],
  });
  new IamRole(stack, 'plain', { name: 'prod-plain', assumeRolePolicy: trust });
  new IamRole(stack, 'own', {
    name: 'prod-own',
    assumeRolePolicy: trust,
    permissionsBoundary: 'arn:aws:iam::333333333333:policy/other',
  });
  const roles = synthJson(stack).resource?.['aws_iam_role'] as Record<
    string,
    Record<string, unknown>
  >;
  const byName = (name: string) => Object.values(roles).find((r) => r['name'] === name)!;

  it("a role that names no boundary gets the account's platform boundary", () => {
    expect(byName('prod-plain')['permissions_boundary']).toBe(
      'arn:aws:iam::333333333333:policy/platform-permissions-boundary',
    );
  });

  it('a role that names its own boundary keeps it', () => {
    expect(byName('prod-own')['permissions_boundary']).toBe(
      'arn:aws:iam::333333333333:policy/other',
    );
  });
});
