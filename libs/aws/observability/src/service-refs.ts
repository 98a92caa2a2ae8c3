import { ECS_SERVICE_ALARM_KEYS, type EcsServiceAlarm, type ServiceConfig } from '@platform/config';
import type { EcsRef } from '@platform/core';
import { Fn, Token } from 'cdktf';

/** What observability reads of one ECS service, from the ECS contract's `services` map. */
export interface ServiceMetricsRef {
  /** The service, as configured. */
  readonly config: ServiceConfig;
  /** The ECS service name (the ServiceName dimension). */
  readonly serviceName: string;
  /** Target group ARN suffixes: [main] for rolling, [blue, green] for blue-green. */
  readonly targetGroupArnSuffixes: readonly string[];
  /** Labels of the target groups, in the same order. */
  readonly targetGroupLabels: readonly string[];
  /** Names of the per-service alarms of the ECS family. */
  readonly alarmNames: Readonly<Record<EcsServiceAlarm, string>>;
}

/**
 * Reads one service of the ECS contract. The contract's `services` output is JSON, decoded by
 * terraform at plan time; how many target groups a service has is known from config (two for
 * blue-green), so the dashboards and alarms have a fixed shape at synth.
 */
export function serviceMetricsRef(ecs: EcsRef, service: ServiceConfig): ServiceMetricsRef {
  const services = Fn.jsondecode(ecs.services);
  const field = (...path: (string | number)[]) =>
    Token.asString(Fn.lookupNested(services, [service.name, ...path]));
  const labels = service.deployment.strategy === 'blue-green' ? ['blue', 'green'] : ['main'];
  return {
    config: service,
    serviceName: field('serviceName'),
    targetGroupArnSuffixes: labels.map((_, i) => field('targetGroupArnSuffixes', i)),
    targetGroupLabels: labels,
    alarmNames: Object.fromEntries(
      ECS_SERVICE_ALARM_KEYS.map((alarm) => [alarm, field('alarms', alarm)]),
    ) as Record<EcsServiceAlarm, string>,
  };
}
