import { fromDetails } from '../../results';
import type { Rule } from '../../types';

/** The control-plane log types EKS can send to CloudWatch Logs. */
export const EKS_LOG_TYPES = [
  'api',
  'audit',
  'authenticator',
  'controllerManager',
  'scheduler',
] as const;

export const eksControlPlaneLogs: Rule = {
  id: 'PLT-EKS-CONTROL-PLANE-LOGS',
  checkov: 'CKV_AWS_37',
  trivy: 'AVD-AWS-0038',
  message: 'EKS cluster does not send every control-plane log type to CloudWatch Logs.',
  fix: `set enabled_cluster_log_types to ${EKS_LOG_TYPES.join(', ')} and create the /aws/eks/<name>/cluster log group with retention and KMS`,
  explanation:
    'The audit and authenticator logs are the only record of who did what through the Kubernetes API; without them an incident cannot be investigated.',
  level: 'error',
  appliesTo: ['aws_eks_cluster'],
  evaluate: (cluster) => {
    const types = cluster.config['enabled_cluster_log_types'];
    if (!Array.isArray(types))
      return fromDetails(['enabled_cluster_log_types is not a literal list']);
    return fromDetails(
      EKS_LOG_TYPES.filter((t) => !types.includes(t)).map((t) => `log type ${t} is not enabled`),
    );
  },
};
