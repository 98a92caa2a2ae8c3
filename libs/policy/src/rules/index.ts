import type { Rule } from '../types';
import { securityGroupDescriptions } from './ec2/security-group-descriptions';
import { noOpenIngress } from './ec2/no-open-ingress';
import { iamNoWildcardAction } from './iam/no-wildcard-action';
import { iamRestrictedOidcTrust } from './iam/oidc-trust';
import { iamTrustPolicyNoResource } from './iam/trust-no-resource';
import { iamPrivilegeEscalation } from './iam/privilege-escalation';
import { iamPassRoleScoped } from './iam/pass-role';
import { iamCrossAccountTrust } from './iam/cross-account-trust';
import { iamCrossAccountWildcardWrite } from './iam/cross-account-write';
import { kmsNoWildcardPrincipal } from './kms/no-wildcard-principal';
import { kmsDeletionWindow } from './kms/deletion-window';
import { kmsRotation } from './kms/rotation';
import { logGroupKms } from './logs/kms';
import { logGroupRetention } from './logs/retention';
import { providerAccountPin } from './provider/account-pin';
import { providerDefaultTags } from './provider/default-tags';
import { s3KmsEncryption } from './s3/kms-encryption';
import { s3OwnerEnforced } from './s3/owner-enforced';
import { s3PublicAccessBlock } from './s3/public-access-block';
import { s3TlsOnly } from './s3/tls-only';
import { s3Versioning } from './s3/versioning';
import { snsKms } from './sns/kms';
import { subnetNoPublicIp } from './vpc/no-public-ip';
import { vpcDefaultSecurityGroupClosed } from './vpc/default-security-group';
import { vpcFlowLogs } from './vpc/flow-logs';
import { eksControlPlaneLogs } from './eks/control-plane-logs';
import { eksSecretsEncryption } from './eks/secrets-encryption';
import { eksEndpointAccess } from './eks/endpoint-access';
import { ec2Imdsv2 } from './ec2/imdsv2';
import { ec2NoSsh } from './ec2/no-ssh';
import { launchTemplateEbsEncryption } from './ec2/launch-template-ebs-encryption';
import { cloudtrailLogValidation } from './cloudtrail/log-validation';
import { cloudtrailKms } from './cloudtrail/kms';
import { cloudtrailMultiRegion } from './cloudtrail/multi-region';
import { cloudtrailCloudwatch } from './cloudtrail/cloudwatch';
import { configRecorderOn } from './config/recorder-on';
import { configDeliveryKms } from './config/delivery-kms';
import { guarddutyEnabled } from './guardduty/enabled';
import { ebsDefaultEncryption } from './ebs/default-encryption';
import { iamPasswordPolicy } from './iam/password-policy';
import { s3AccountPublicAccessBlock } from './s3/account-public-access-block';
import { acmDnsValidated } from './acm/certificate';
import { appRunnerKms, appRunnerTracing, appRunnerVpcEgress } from './apprunner/service';
import { ecrNoForceDelete } from './ecr/no-force-delete';
import { ecrImmutableTags } from './ecr/immutable-tags';
import { ecrKms } from './ecr/kms';
import { ecrLifecyclePolicy } from './ecr/lifecycle-policy';
import { ecrScanOnPush } from './ecr/scan-on-push';
import { ecsContainerInsights } from './ecs/container-insights';
import { ecsDistinctRoles } from './ecs/distinct-roles';
import { ecsExecLogging } from './ecs/exec-logging';
import { ecsNoHostPid } from './ecs/no-host-pid';
import { ecsNoPublicIp } from './ecs/no-public-ip';
import { ecsNonRoot } from './ecs/non-root';
import { ecsNotPrivileged } from './ecs/not-privileged';
import { ecsDropCapabilities } from './ecs/drop-capabilities';
import { ecsReadOnlyRoot } from './ecs/read-only-root';
import { elbAccessLogs } from './elb/access-logs';
import { elbDesyncStrictest } from './elb/desync-mitigation';
import { elbDropInvalidHeaders } from './elb/drop-invalid-headers';
import { elbHttpsOnly } from './elb/https-only';
import { elbTlsPolicy } from './elb/tls-policy';
import { elbWaf } from './elb/waf';
import { wafBaselineRules } from './waf/baseline-rules';
import { wafLogRedaction } from './waf/log-redaction';
import { wafLogging } from './waf/logging';
import { ecsContainerLogs } from './ecs/container-logs';
import { ecsDeploymentRollback } from './ecs/deployment-rollback';
import { ecsNoPlainSecrets } from './ecs/no-plain-secrets';
import { cloudwatchAlarmActions } from './cloudwatch/alarm-actions';
import { cloudwatchAlarmDescription } from './cloudwatch/alarm-description';
import { eventsBusPolicyPrincipals } from './events/bus-policy';
import { eventsBusTargetRole } from './events/bus-target-role';
import { logsResourcePolicyScoped } from './logs/resource-policy';
import { codepipelineArtifactKms } from './codepipeline/artifact-kms';
import { codebuildKms } from './codebuild/kms';
import { codebuildLogs } from './codebuild/logs';
import { codebuildNotPrivileged } from './codebuild/not-privileged';
import { appconfigGradual } from './appconfig/gradual';
import { appconfigMonitored } from './appconfig/monitored';
import { snsTlsOnly } from './sns/tls-only';
import { iamResourceScope } from './iam/resource-scope';
import { egressScope } from './ec2/egress-scope';
import { servicePrincipalCondition } from './iam/service-principal-condition';
import { stateBackend } from './terraform/state-backend';
import { stateProtected } from './terraform/state-protected';
import { codedeployAlarmRollback } from './codedeploy/alarm-rollback';
import { compositeAlarmConfirmed } from './cloudwatch/composite-alarm';
import { ecsDeploymentAlarms } from './ecs/deployment-alarms';

/** The AWS rule pack: every rule, applied to every AWS stack. */
export const PLATFORM_RULES: readonly Rule[] = [
  providerAccountPin,
  providerDefaultTags,
  s3Versioning,
  s3KmsEncryption,
  s3PublicAccessBlock,
  s3TlsOnly,
  s3OwnerEnforced,
  kmsRotation,
  kmsDeletionWindow,
  kmsNoWildcardPrincipal,
  vpcFlowLogs,
  vpcDefaultSecurityGroupClosed,
  subnetNoPublicIp,
  securityGroupDescriptions,
  noOpenIngress,
  logGroupRetention,
  logGroupKms,
  iamNoWildcardAction,
  iamRestrictedOidcTrust,
  iamTrustPolicyNoResource,
  iamPrivilegeEscalation,
  iamPassRoleScoped,
  iamCrossAccountTrust,
  iamCrossAccountWildcardWrite,
  snsKms,
  eksControlPlaneLogs,
  eksSecretsEncryption,
  eksEndpointAccess,
  ec2Imdsv2,
  ec2NoSsh,
  launchTemplateEbsEncryption,
  cloudtrailLogValidation,
  cloudtrailKms,
  cloudtrailMultiRegion,
  cloudtrailCloudwatch,
  configRecorderOn,
  configDeliveryKms,
  guarddutyEnabled,
  ebsDefaultEncryption,
  iamPasswordPolicy,
  s3AccountPublicAccessBlock,
  ecrImmutableTags,
  ecrNoForceDelete,
  ecrScanOnPush,
  ecrKms,
  ecrLifecyclePolicy,
  ecsContainerInsights,
  ecsExecLogging,
  ecsReadOnlyRoot,
  ecsDropCapabilities,
  ecsNotPrivileged,
  ecsNonRoot,
  ecsNoHostPid,
  ecsDistinctRoles,
  ecsNoPublicIp,
  elbHttpsOnly,
  elbTlsPolicy,
  elbDropInvalidHeaders,
  elbDesyncStrictest,
  elbAccessLogs,
  elbWaf,
  wafLogging,
  wafLogRedaction,
  wafBaselineRules,
  acmDnsValidated,
  appRunnerKms,
  appRunnerVpcEgress,
  appRunnerTracing,
  ecsContainerLogs,
  ecsNoPlainSecrets,
  ecsDeploymentRollback,
  cloudwatchAlarmActions,
  cloudwatchAlarmDescription,
  eventsBusTargetRole,
  eventsBusPolicyPrincipals,
  logsResourcePolicyScoped,
  codepipelineArtifactKms,
  codebuildKms,
  codebuildLogs,
  codebuildNotPrivileged,
  appconfigMonitored,
  appconfigGradual,
  snsTlsOnly,
  iamResourceScope,
  egressScope,
  servicePrincipalCondition,
  stateBackend,
  stateProtected,
  codedeployAlarmRollback,
  compositeAlarmConfirmed,
  ecsDeploymentAlarms,
];
