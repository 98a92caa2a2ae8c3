import { fromDetails } from '../../results';
import type { Rule } from '../../types';
import { blocks } from '../helpers';

const EVENTS = ['DEPLOYMENT_FAILURE', 'DEPLOYMENT_STOP_ON_ALARM'];

export const codedeployAlarmRollback: Rule = {
  id: 'PLT-CODEDEPLOY-ALARM-ROLLBACK',
  message: 'A CodeDeploy deployment is not stopped and rolled back when the service alarms fire.',
  fix: 'alarm_configuration { enabled = true, alarms = [the service alarms] } and auto_rollback_configuration { enabled = true, events = ["DEPLOYMENT_FAILURE", "DEPLOYMENT_STOP_ON_ALARM"] }',
  explanation:
    'A canary or blue/green shift is only safe if the alarms that watch the new version can stop it and send traffic back to the old one without a person in the loop.',
  level: 'error',
  appliesTo: ['aws_codedeploy_deployment_group'],
  evaluate: (group) => {
    const rollback = blocks(group.config['auto_rollback_configuration'])[0];
    const alarms = blocks(group.config['alarm_configuration'])[0];
    const events = [rollback?.['events'] ?? []].flat().map(String);
    const alarmNames = [alarms?.['alarms'] ?? []].flat();
    return fromDetails([
      ...(rollback?.['enabled'] === true ? [] : ['auto_rollback_configuration is not enabled']),
      ...EVENTS.filter((e) => !events.includes(e)).map((e) => `rollback does not react to ${e}`),
      ...(alarms?.['enabled'] === true ? [] : ['alarm_configuration is not enabled']),
      ...(alarmNames.length > 0 ? [] : ['alarm_configuration names no alarm']),
      ...(alarms?.['ignore_poll_alarm_failure'] === true
        ? ['ignore_poll_alarm_failure lets a deployment continue when alarms cannot be read']
        : []),
    ]);
  },
};
