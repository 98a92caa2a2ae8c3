export {
  policyDocument,
  denyInsecurePublish,
  denyInsecureTransport,
  type Statement,
} from './policy-document';
export {
  autoScalingKeyStatements,
  autoScalingServiceRoleArn,
  EncryptionKey,
  logsKeyStatement,
  type EncryptionKeyProps,
} from './encryption-key';
export { EncryptedLogGroup, type EncryptedLogGroupProps } from './log-group';
export {
  ELB_LOG_DELIVERY_PRINCIPAL_SINCE,
  elbLogDeliveryPrincipal,
  SecureBucket,
  type BucketTransition,
  type LoadBalancerAccessLogs,
  type SecureBucketProps,
} from './secure-bucket';
export { serviceRole, type ServiceRoleProps } from './service-role';
export {
  ACTIONS,
  grant,
  grantDecrypt,
  grantEncryptDecrypt,
  grantPull,
  grantPush,
  grantPutEvents,
  grantReadObjects,
  grantReadSecrets,
  grantTraces,
  grantWriteLogs,
  grantWriteObjects,
  type ActionGroup,
  type GrantOptions,
} from './grants';
