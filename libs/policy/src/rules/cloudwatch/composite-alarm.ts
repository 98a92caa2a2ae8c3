import { fromDetails } from '../../results';
import type { Rule } from '../../types';

const listed = (value: unknown) => [value ?? []].flat().filter((v) => v !== '');

export const compositeAlarmConfirmed: Rule = {
  id: 'PLT-COMPOSITE-ALARM-CONFIRMED',
  message: 'Composite alarm does not page, does not clear, or is not confirmed by a second alarm.',
  fix: 'actions_enabled = true, alarm_actions and ok_actions = [the alerting topic], and an alarm_rule that ANDs at least two ALARM(...) terms',
  explanation:
    'The composite alarm is the page that says users are affected: it must reach the on-call topic, tell them when it clears, and need two symptoms to agree so one noisy metric cannot page alone.',
  level: 'error',
  appliesTo: ['aws_cloudwatch_composite_alarm'],
  evaluate: (alarm) => {
    const { config } = alarm;
    const rule = String(config['alarm_rule'] ?? '');
    // a quoted name may hold terraform interpolations with quotes of their own: ${x["svc-1"].y}
    const terms = new Set(
      [...rule.matchAll(/ALARM\(\s*("(?:\$\{[^}]*\}|[^"])*"|[^)\s]+)\s*\)/g)].map((m) => m[1]),
    );
    const anded = /\bAND\b/.test(rule);
    return fromDetails([
      ...(config['actions_enabled'] === false ? ['actions_enabled is false'] : []),
      ...(listed(config['alarm_actions']).length > 0 ? [] : ['alarm_actions is empty']),
      ...(listed(config['ok_actions']).length > 0 ? [] : ['ok_actions is empty']),
      ...(terms.size >= 2 && anded
        ? []
        : [
            `alarm_rule does not require two alarms to agree (${terms.size} alarm(s)${anded ? '' : ', no AND'})`,
          ]),
    ]);
  },
};
