import { fromDetails } from '../../results';
import type { Rule } from '../../types';

export const kmsRotation: Rule = {
  id: 'PLT-KMS-ROTATION',
  checkov: 'CKV_AWS_7',
  trivy: 'AVD-AWS-0065',
  message: 'KMS key does not rotate.',
  fix: 'set enable_key_rotation = true',
  explanation:
    'Yearly rotation limits how much data one key version protects, as most compliance frameworks require.',
  level: 'error',
  appliesTo: ['aws_kms_key'],
  evaluate: (key) =>
    fromDetails(
      key.config['enable_key_rotation'] === true ? [] : ['enable_key_rotation is not true'],
    ),
};
