import { fromDetails } from '../../results';
import type { Rule } from '../../types';

export const cloudtrailLogValidation: Rule = {
  id: 'PLT-CLOUDTRAIL-LOG-VALIDATION',
  checkov: 'CKV_AWS_36',
  trivy: 'AVD-AWS-0016',
  message: 'CloudTrail trail does not validate its log files.',
  fix: 'set enable_log_file_validation = true',
  explanation:
    'Digest files let you prove that no log file was changed or deleted after delivery: without them an intruder can edit the record of what they did.',
  level: 'error',
  appliesTo: ['aws_cloudtrail'],
  evaluate: (trail) =>
    fromDetails(
      trail.config['enable_log_file_validation'] === true
        ? []
        : ['enable_log_file_validation is not true'],
    ),
};
