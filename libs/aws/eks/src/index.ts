export { EksStack, CONTAINER_INSIGHTS_LOG_GROUPS } from './eks-stack';
export {
  PlatformEksCluster,
  CONTROL_PLANE_LOG_TYPES,
  ACCESS_POLICIES,
  EKS_OIDC_ROOT_CA_THUMBPRINT,
  type PlatformEksClusterProps,
} from './cluster';
export { ManagedNodeGroup, type ManagedNodeGroupProps } from './node-group';
export { ClusterAddon, ADDON_NAMES, type ClusterAddonProps } from './addon';
export {
  SsmAccessInstance,
  ACCESS_INSTANCE_IMAGE,
  type SsmAccessInstanceProps,
} from './access-instance';
export { ClusterAlarms, type ClusterAlarmsProps } from './alarms';
export { PlatformRole, irsaTrust, serviceTrust, type PlatformRoleProps } from './roles';
