import { CloudwatchEventRule } from '@cdktf/provider-aws/lib/cloudwatch-event-rule';
import { CloudwatchEventTarget } from '@cdktf/provider-aws/lib/cloudwatch-event-target';
import { CodestarnotificationsNotificationRule } from '@cdktf/provider-aws/lib/codestarnotifications-notification-rule';
import { type AwsEnvironment, ecsServiceArns, ecsServiceNames } from '@platform/config';
import { Construct } from 'constructs';

/** CodeDeploy events notified to the alarm topic: a failed deployment is also how an alarm rollback shows. */
export const DEPLOYMENT_NOTIFICATION_EVENTS = ['codedeploy-application-deployment-failed'] as const;

/** Props of {@link RollbackAlerts}. */
export interface RollbackAlertsProps {
  /** The environment (its ECS services). */
  readonly environment: Pick<AwsEnvironment, 'name' | 'aws' | 'services'>;
  /** The environment's alarm topic. */
  readonly topicArn: string;
}

/**
 * Tells the alarm topic when a deployment fails or rolls back: a CodeStar notification rule per
 * blue/green service (failed CodeDeploy deployments, including alarm rollbacks) and one
 * EventBridge rule for the rolling services (ECS reports SERVICE_DEPLOYMENT_FAILED when the
 * circuit breaker or an alarm rolls a deployment back).
 */
export class RollbackAlerts extends Construct {
  constructor(scope: Construct, id: string, props: RollbackAlertsProps) {
    super(scope, id);
    const env = props.environment;
    const ecs = env.services.filter((s) => s.runtime === 'ecs');
    for (const service of ecs.filter((s) => s.deployment.strategy === 'blue-green')) {
      const names = ecsServiceNames(env, service);
      const arns = ecsServiceArns(env, service);
      new CodestarnotificationsNotificationRule(this, `deployment-alerts-${service.name}`, {
        name: `${names.codeDeployApplication}-deployments`,
        resource: arns.codeDeployApplicationArn,
        detailType: 'FULL',
        eventTypeIds: [...DEPLOYMENT_NOTIFICATION_EVENTS],
        target: [{ address: props.topicArn, type: 'SNS' }],
      });
    }
    const rolling = ecs.filter((s) => s.deployment.strategy === 'rolling');
    if (rolling.length === 0) return;
    const rule = new CloudwatchEventRule(this, 'rolling-rollbacks', {
      name: `${env.name}-ecs-deployment-rollbacks`,
      description: `Rolling deployments of ${env.name} that failed or were rolled back`,
      eventPattern: JSON.stringify({
        source: ['aws.ecs'],
        'detail-type': ['ECS Deployment State Change'],
        resources: rolling.map((s) => ecsServiceArns(env, s).serviceArn),
        detail: { eventName: ['SERVICE_DEPLOYMENT_FAILED'] },
      }),
    });
    new CloudwatchEventTarget(this, 'rolling-rollbacks-target', {
      rule: rule.name,
      arn: props.topicArn,
    });
  }
}
