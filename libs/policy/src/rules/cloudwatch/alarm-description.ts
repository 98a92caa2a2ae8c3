import { fromDetails } from '../../results';
import type { Rule } from '../../types';

/** Shortest description that can say what is wrong and what to check first. */
export const MIN_ALARM_DESCRIPTION_LENGTH = 20;

export const cloudwatchAlarmDescription: Rule = {
  id: 'PLT-CW-ALARM-DESCRIPTION',
  message: 'Alarm has no description telling on-call what it means.',
  fix: `set alarm_description (${MIN_ALARM_DESCRIPTION_LENGTH} characters or more): what is wrong, and what to check first`,
  explanation:
    'The description is the first thing on-call reads in the page; an alarm name alone sends them searching while users wait.',
  level: 'error',
  appliesTo: ['aws_cloudwatch_metric_alarm', 'aws_cloudwatch_composite_alarm'],
  evaluate: (alarm) => {
    const description = alarm.config['alarm_description'];
    return fromDetails(
      typeof description === 'string' && description.trim().length >= MIN_ALARM_DESCRIPTION_LENGTH
        ? []
        : [
            `alarm_description is missing or shorter than ${MIN_ALARM_DESCRIPTION_LENGTH} characters`,
          ],
    );
  },
};
