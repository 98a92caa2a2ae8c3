export {
  AccessLogBucket,
  ELB_LOG_DELIVERY_PRINCIPAL_SINCE,
  elbLogDeliveryPrincipal,
  type AccessLogBucketProps,
} from './access-log-bucket';
export {
  AppRunnerService,
  APP_RUNNER_MAX_CONCURRENCY,
  type AppRunnerServiceProps,
} from './app-runner';
export { FargateCluster, type CapacityShare, type FargateClusterProps } from './cluster';
export { EcsStack, rulePriority } from './ecs-stack';
export {
  MANAGED_RULE_GROUPS,
  PublicLoadBalancer,
  TLS_POLICY,
  type PublicLoadBalancerProps,
} from './load-balancer';
export { serviceRole } from './roles';
export { ALARM_THRESHOLDS, ServiceAlarms, type ServiceAlarmsProps } from './service-alarms';
export { FargateService, INITIAL_IMAGE_TAG, type FargateServiceProps } from './service';
export {
  CONTAINER_USER,
  SIDECAR_IMAGES,
  ServiceTaskDefinition,
  WRITABLE_PATHS,
  type ServiceTaskDefinitionProps,
} from './task-definition';
