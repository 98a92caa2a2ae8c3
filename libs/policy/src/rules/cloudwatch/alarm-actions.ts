import { fromDetails } from '../../results';
import type { Rule } from '../../types';

export const cloudwatchAlarmActions: Rule = {
  id: 'PLT-CW-ALARM-ACTIONS',
  message: 'Alarm notifies nobody: it has no alarm action, or its actions are disabled.',
  fix: 'set alarm_actions (and ok_actions) to the environment alerting topic and leave actions_enabled on',
  explanation:
    'An alarm without an action only changes colour on a dashboard nobody watches at 3 a.m.; every alarm the platform raises must reach on-call.',
  level: 'error',
  appliesTo: ['aws_cloudwatch_metric_alarm', 'aws_cloudwatch_composite_alarm'],
  evaluate: (alarm) => {
    const actions = alarm.config['alarm_actions'];
    return fromDetails([
      ...(Array.isArray(actions) && actions.length > 0 ? [] : ['alarm_actions is empty']),
      ...(alarm.config['actions_enabled'] === false ? ['actions_enabled is false'] : []),
    ]);
  },
};
