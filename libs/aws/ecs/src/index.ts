export {
  AppRunnerService,
  APP_RUNNER_MAX_CONCURRENCY,
  type AppRunnerServiceProps,
} from './app-runner';
export { FargateCluster, type CapacityShare, type FargateClusterProps } from './cluster';
export { EcsStack, fargateServiceProps } from './ecs-stack';
export {
  MANAGED_RULE_GROUPS,
  PublicLoadBalancer,
  TLS_POLICY,
  type PublicLoadBalancerProps,
} from './load-balancer';
export { serviceRole } from './roles';
export {
  ALARM_THRESHOLDS,
  ServiceAlarms,
  serviceAlarmProblems,
  type ServiceAlarmsProps,
} from './service-alarms';
export {
  BLUE_GREEN_DEFAULTS,
  BlueGreenDeployment,
  blueGreenProblems,
  type BlueGreenDeploymentProps,
  type TrafficShift,
} from './blue-green';
export {
  SCALING_DEFAULTS,
  ServiceScaling,
  scalingProblems,
  type ServiceScalingProps,
} from './scaling';
export {
  TARGET_GROUP_DEFAULTS,
  ServiceTargetGroups,
  targetGroupProblems,
  type ServiceTargetGroupsProps,
} from './target-groups';
export {
  FARGATE_SERVICE_DEFAULTS,
  FargateService,
  fargateServiceProblems,
  INITIAL_IMAGE_TAG,
  type FargateServiceProps,
} from './service';
export {
  CONTAINER_USER,
  SIDECAR_IMAGES,
  ServiceTaskDefinition,
  WRITABLE_PATHS,
  type ServiceTaskDefinitionProps,
} from './task-definition';
