import { fromDetails } from '../../results';
import type { Rule } from '../../types';

export const logGroupKms: Rule = {
  id: 'PLT-LOGS-KMS',
  checkov: 'CKV_AWS_158',
  trivy: 'AVD-AWS-0017',
  message: 'Log group is not encrypted with a customer-managed KMS key.',
  fix: 'set kms_key_id to a key whose policy lets the logs service of this region use it',
  explanation:
    'Logs carry request data and identifiers; our key keeps reading them under our key policy.',
  level: 'error',
  appliesTo: ['aws_cloudwatch_log_group'],
  evaluate: (group) => {
    const key = group.config['kms_key_id'];
    return fromDetails(typeof key === 'string' && key !== '' ? [] : ['kms_key_id is not set']);
  },
};
