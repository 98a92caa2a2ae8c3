import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ACTIONS, grant, grantPull, grantPush, grantReadSecrets, grantWriteLogs } from './grants';

describe('grants', () => {
  it('every action list names actions of one service each, never a wildcard service', () => {
    for (const [intent, actions] of Object.entries(ACTIONS)) {
      expect(actions.length).toBeGreaterThan(0);
      for (const action of actions) {
        expect(`${intent}: ${action}`).toMatch(/^\w+: [a-z0-9-]+:[A-Za-z]+\*?$/);
      }
    }
  });

  it('the generic grant joins the actions of its intents, in order, on the given resources', () => {
    expect(grant(['writeLogs', 'describeLogStreams'], ['arn:x:*'], { sid: 'S' })).toEqual({
      sid: 'S',
      actions: ['logs:CreateLogStream', 'logs:PutLogEvents', 'logs:DescribeLogStreams'],
      resources: ['arn:x:*'],
    });
  });

  it('grantWriteLogs: log events into streams, with the principals and conditions of a resource policy', () => {
    expect(grantWriteLogs(['g:*'])).toEqual({
      sid: 'WriteLogs',
      actions: ['logs:CreateLogStream', 'logs:PutLogEvents'],
      resources: ['g:*'],
    });
    const principals = [{ type: 'Service', identifiers: ['delivery.logs.amazonaws.com'] }];
    expect(grantWriteLogs(['g:*'], { sid: 'Delivery', principals, describeStreams: true })).toEqual(
      {
        sid: 'Delivery',
        actions: ['logs:CreateLogStream', 'logs:PutLogEvents', 'logs:DescribeLogStreams'],
        resources: ['g:*'],
        principals,
      },
    );
  });

  it('grantPull and grantPush: the ECR token on "*", the images on the repositories only', () => {
    const repo = 'arn:aws:ecr:eu-west-1:111111111111:repository/web';
    expect(grantPull([repo])).toEqual([
      { sid: 'EcrAuthToken', actions: ['ecr:GetAuthorizationToken'], resources: ['*'] },
      { sid: 'PullImage', actions: [...ACTIONS.ecrPull], resources: [repo] },
    ]);
    expect(grantPull([repo], { describeImages: true })[1]!.actions).toEqual([
      ...ACTIONS.ecrPull,
      'ecr:DescribeImages',
    ]);
    expect(grantPush([repo], { sid: 'Push' })[1]).toEqual({
      sid: 'Push',
      actions: [...ACTIONS.ecrPush],
      resources: [repo],
    });
  });

  it('grantReadSecrets tells Secrets Manager from SSM in any partition', () => {
    const secret = 'arn:aws-cn:secretsmanager:cn-north-1:111111111111:secret:dev/web/key';
    const parameter = 'arn:aws-us-gov:ssm:us-gov-west-1:111111111111:parameter/dev/db';
    expect(grantReadSecrets([secret, parameter])).toEqual([
      {
        sid: 'ReadSecrets',
        actions: ['secretsmanager:GetSecretValue'],
        resources: [`${secret}-??????`, secret],
      },
      { sid: 'ReadParameters', actions: ['ssm:GetParameters'], resources: [parameter] },
    ]);
    expect(grantReadSecrets([])).toEqual([]);
  });

  it('no construct library spells a log-writing action outside the action table', () => {
    const aws = join(__dirname, '..', '..');
    const offenders = readdirSync(aws).flatMap((lib) => {
      const src = join(aws, lib, 'src');
      let files: string[] = [];
      try {
        files = readdirSync(src).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'));
      } catch {
        return [];
      }
      return files
        .filter((f) => !(lib === 'common' && f === 'grants.ts'))
        .filter((f) =>
          /'logs:(PutLogEvents|CreateLogStream)'/.test(readFileSync(join(src, f), 'utf8')),
        )
        .map((f) => `${lib}/src/${f}`);
    });
    expect(offenders).toEqual([]);
  });
});
