import { fromDetails } from '../../results';
import type { Rule } from '../../types';
import { blocks } from '../helpers';

export const eksSecretsEncryption: Rule = {
  id: 'PLT-EKS-SECRETS-ENCRYPTION',
  checkov: 'CKV_AWS_58',
  trivy: 'AVD-AWS-0039',
  message:
    'EKS cluster does not envelope-encrypt Kubernetes secrets with a customer-managed KMS key.',
  fix: 'add encryption_config { resources = ["secrets"], provider { key_arn = <customer-managed key> } }',
  explanation:
    'Envelope encryption keeps secrets unreadable in etcd backups and lets the key policy and CloudTrail govern and record every decryption.',
  level: 'error',
  appliesTo: ['aws_eks_cluster'],
  evaluate: (cluster) => {
    const configs = blocks(cluster.config['encryption_config']);
    if (configs.length === 0) return fromDetails(['encryption_config is missing']);
    const details: string[] = [];
    const secrets = configs.filter(
      (c) => Array.isArray(c['resources']) && (c['resources'] as unknown[]).includes('secrets'),
    );
    if (secrets.length === 0) details.push('encryption_config does not cover "secrets"');
    for (const config of secrets) {
      const keyArn = blocks(config['provider'])[0]?.['key_arn'];
      if (typeof keyArn !== 'string' || keyArn.trim() === '')
        details.push('encryption_config has no provider.key_arn');
      else if (/alias\/aws\//.test(keyArn))
        details.push(`key ${keyArn} is AWS-managed, not customer-managed`);
    }
    return fromDetails(details);
  },
};
