import { fromDetails, notApplicable } from '../../results';
import type { Rule } from '../../types';
import { blocks } from '../helpers';

export const ecsDeploymentAlarms: Rule = {
  id: 'PLT-ECS-DEPLOYMENT-ALARMS',
  message: 'A rolling ECS deployment is not rolled back when the service alarms fire.',
  fix: 'alarms { enable = true, rollback = true, alarm_names = [the service error-rate and latency alarms] } on the service',
  explanation:
    'The circuit breaker only sees tasks that fail to start; a release that starts but serves errors or slow responses is only caught by the alarms, which must be able to roll it back.',
  level: 'error',
  appliesTo: ['aws_ecs_service'],
  evaluate: (service) => {
    const controller = blocks(service.config['deployment_controller'])[0]?.['type'] ?? 'ECS';
    if (controller !== 'ECS') return notApplicable(); // CodeDeploy: PLT-CODEDEPLOY-ALARM-ROLLBACK
    const alarms = blocks(service.config['alarms'])[0];
    const names = [alarms?.['alarm_names'] ?? []].flat();
    return fromDetails([
      ...(alarms?.['enable'] === true ? [] : ['alarms.enable is not true']),
      ...(alarms?.['rollback'] === true ? [] : ['alarms.rollback is not true']),
      ...(names.length > 0 ? [] : ['alarms.alarm_names is empty']),
    ]);
  },
};
