import { CloudwatchCompositeAlarm } from '@cdktf/provider-aws/lib/cloudwatch-composite-alarm';
import { Construct } from 'constructs';
import type { EcsServiceAlarm } from '@platform/config';

/** Props of {@link ServiceCompositeAlarm}. */
export interface ServiceCompositeAlarmProps {
  /** Alarm name, e.g. dev-web-degraded. */
  readonly name: string;
  /** The service name, for the description. */
  readonly serviceName: string;
  /** The service's alarms of the ECS family, by kind. */
  readonly alarmNames: Readonly<Record<EcsServiceAlarm, string>>;
  /** The environment's alerting topic. */
  readonly topicArn: string;
}

/**
 * The alarm rule: a user-facing symptom (5xx rate or p99 latency) confirmed by a second symptom
 * (the other user-facing one, failing health checks, or CPU or memory saturation).
 */
export function degradedRule(names: Readonly<Record<EcsServiceAlarm, string>>): string {
  const a = (k: EcsServiceAlarm) => `ALARM("${names[k]}")`;
  return [
    `(${a('errorRate')} AND ${a('latency')})`,
    `((${a('errorRate')} OR ${a('latency')}) AND (${a('unhealthyHosts')} OR ${a('cpu')} OR ${a('memory')}))`,
  ].join(' OR ');
}

/**
 * Pages only when several symptoms of one service agree (see {@link degradedRule}); each single
 * alarm still notifies the topic on its own, this one says "users are affected".
 */
export class ServiceCompositeAlarm extends Construct {
  /** The composite alarm. */
  readonly alarm: CloudwatchCompositeAlarm;

  constructor(scope: Construct, id: string, props: ServiceCompositeAlarmProps) {
    super(scope, id);
    this.alarm = new CloudwatchCompositeAlarm(this, 'alarm', {
      alarmName: props.name,
      alarmDescription: `${props.serviceName} is degraded for users: errors or slow responses confirmed by a second symptom. Check first: the service dashboard (${props.name.replace(/-degraded$/, '')}) for which symptoms fire, then whether a deployment is in progress (CodeDeploy / ECS deployments: roll back if the new version is the cause), then the task logs.`,
      alarmRule: degradedRule(props.alarmNames),
      actionsEnabled: true,
      alarmActions: [props.topicArn],
      okActions: [props.topicArn],
    });
  }
}
