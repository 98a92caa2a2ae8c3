import { fromDetails } from '../../results';
import type { Rule } from '../../types';

export const cloudtrailKms: Rule = {
  id: 'PLT-CLOUDTRAIL-KMS',
  checkov: 'CKV_AWS_35',
  trivy: 'AVD-AWS-0015',
  message: 'CloudTrail trail is not encrypted with a customer-managed KMS key.',
  fix: 'set kms_key_id to our key, whose policy lets cloudtrail.amazonaws.com encrypt for this trail only',
  explanation:
    'With our key, reading the audit trail needs kms:Decrypt as well as S3 access: a leaked bucket permission alone does not expose it.',
  level: 'error',
  appliesTo: ['aws_cloudtrail'],
  evaluate: (trail) => {
    const key = trail.config['kms_key_id'];
    return fromDetails(typeof key === 'string' && key !== '' ? [] : ['kms_key_id is not set']);
  },
};
