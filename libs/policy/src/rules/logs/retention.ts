import { fromDetails } from '../../results';
import type { Rule } from '../../types';

export const logGroupRetention: Rule = {
  id: 'PLT-LOGS-RETENTION',
  checkov: 'CKV_AWS_66',
  message: 'Log group keeps logs forever.',
  fix: 'set retention_in_days from the environment config',
  explanation:
    'Unbounded retention grows cost without limit and keeps personal data longer than policy allows.',
  level: 'error',
  appliesTo: ['aws_cloudwatch_log_group'],
  evaluate: (group) => {
    const days = group.config['retention_in_days'];
    return fromDetails(
      typeof days === 'number' && days > 0 ? [] : ['retention_in_days is not set'],
    );
  },
};
