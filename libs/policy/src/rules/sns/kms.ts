import { fromDetails } from '../../results';
import type { Rule } from '../../types';

export const snsKms: Rule = {
  id: 'PLT-SNS-KMS',
  checkov: 'CKV_AWS_26',
  trivy: 'AVD-AWS-0136',
  message: 'SNS topic is not encrypted with a customer-managed KMS key.',
  fix: 'set kms_master_key_id to our key (not alias/aws/sns, which CloudWatch cannot use)',
  explanation:
    'Alarm and event payloads name resources and errors; our key also lets CloudWatch and EventBridge publish, which the AWS-managed key does not.',
  level: 'error',
  appliesTo: ['aws_sns_topic'],
  evaluate: (topic) => {
    const key = topic.config['kms_master_key_id'];
    return fromDetails(
      typeof key === 'string' && key !== '' && key !== 'alias/aws/sns'
        ? []
        : ['kms_master_key_id is not a customer-managed key'],
    );
  },
};
