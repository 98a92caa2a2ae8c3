import { fromDetails } from '../../results';
import type { Rule } from '../../types';

/** The longest waiting period KMS offers, and its default. */
const LONGEST_DELETION_WINDOW_DAYS = 30;

export const kmsDeletionWindow: Rule = {
  id: 'PLT-KMS-DELETION-WINDOW',
  message: 'KMS key would be deleted after less than the full 30-day waiting period.',
  fix: 'leave deletion_window_in_days unset or set it to 30',
  explanation:
    'Everything a deleted key encrypted is lost for good; the waiting period is the only time to notice a scheduled deletion and cancel it.',
  level: 'error',
  appliesTo: ['aws_kms_key'],
  evaluate: (key) => {
    const days = key.config['deletion_window_in_days'];
    return fromDetails(
      days === undefined || days === LONGEST_DELETION_WINDOW_DAYS
        ? []
        : [
            `deletion_window_in_days is ${JSON.stringify(days)}, not ${LONGEST_DELETION_WINDOW_DAYS}`,
          ],
    );
  },
};
