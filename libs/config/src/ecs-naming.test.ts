import {
  ECS_ROLLBACK_ALARMS,
  ECS_SERVICE_ALARM_KEYS,
  ecsServiceArns,
  ecsServiceNames,
} from './index';

const staging = { name: 'staging', aws: { region: 'eu-west-1', accountId: '222222222222' } };

describe('ECS names', () => {
  it('every per-service name is <env>-<service>…, the cluster is the environment', () => {
    expect(ecsServiceNames(staging, { name: 'web' })).toEqual({
      cluster: 'staging',
      service: 'web',
      prefix: 'staging-web',
      taskFamily: 'staging-web',
      containerName: 'web',
      logGroup: '/platform/staging/ecs/web',
      executionRole: 'staging-web-execution',
      taskRole: 'staging-web-task',
      securityGroup: 'staging-web-tasks',
      targetGroup: 'staging-web',
      blueGreenTargetGroups: ['staging-web-blue', 'staging-web-green'],
      codeDeployApplication: 'staging-web',
      deploymentGroup: 'staging-web',
      codeDeployRole: 'staging-web-codedeploy',
      appRunnerService: 'staging-web',
      appRunnerAccessRole: 'staging-web-apprunner-access',
      appRunnerInstanceRole: 'staging-web-apprunner-instance',
      appRunnerSecurityGroup: 'staging-web-apprunner',
      alarms: {
        errorRate: 'staging-web-5xx-rate',
        latency: 'staging-web-p99-latency',
        unhealthyHosts: 'staging-web-unhealthy-hosts',
        cpu: 'staging-web-cpu',
        memory: 'staging-web-memory',
      },
    });
  });

  it('the alarms are keyed; deployments roll back on the user-facing two', () => {
    expect(ECS_SERVICE_ALARM_KEYS).toEqual([
      'errorRate',
      'latency',
      'unhealthyHosts',
      'cpu',
      'memory',
    ]);
    expect(ECS_ROLLBACK_ALARMS).toEqual(['errorRate', 'latency']);
  });

  it('ARNs are built from the same names, in the environment account and partition', () => {
    const arns = ecsServiceArns(staging, { name: 'web' });
    expect(arns.serviceArn).toBe('arn:aws:ecs:eu-west-1:222222222222:service/staging/web');
    expect(arns.deploymentGroupArn).toBe(
      'arn:aws:codedeploy:eu-west-1:222222222222:deploymentgroup:staging-web/staging-web',
    );
    expect(arns.taskRoleArn).toBe('arn:aws:iam::222222222222:role/staging-web-task');
    expect(arns.alarmArns).toBe('arn:aws:cloudwatch:eu-west-1:222222222222:alarm:staging-web-*');
    const china = { ...staging, aws: { ...staging.aws, region: 'cn-north-1' } };
    expect(ecsServiceArns(china, { name: 'web' }).executionRoleArn).toBe(
      'arn:aws-cn:iam::222222222222:role/staging-web-execution',
    );
  });
});
