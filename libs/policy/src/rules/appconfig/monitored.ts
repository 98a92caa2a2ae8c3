import { fromDetails } from '../../results';
import type { Rule } from '../../types';
import { blocks } from '../helpers';

export const appconfigMonitored: Rule = {
  id: 'PLT-APPCONFIG-MONITORS',
  message: 'AppConfig environment has no alarm monitors: a bad configuration is never rolled back.',
  fix: "add monitor blocks with the service's alarms (and a role AppConfig reads them with)",
  explanation:
    'A flag or configuration change is a deployment; without monitors AppConfig completes it even while the service fails.',
  level: 'error',
  appliesTo: ['aws_appconfig_environment'],
  evaluate: (environment) => {
    const dynamic = environment.config['dynamic'] as Record<string, unknown> | undefined;
    const monitors = [...blocks(environment.config['monitor']), ...blocks(dynamic?.['monitor'])];
    return fromDetails(
      monitors.length > 0 && monitors.every((m) => JSON.stringify(m).includes('alarm_arn'))
        ? []
        : ['no monitor with an alarm_arn'],
    );
  },
};
