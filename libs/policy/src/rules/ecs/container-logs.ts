import { fromDetails } from '../../results';
import type { Rule } from '../../types';
import { perContainer } from './containers';

export const ecsContainerLogs: Rule = {
  id: 'PLT-ECS-CONTAINER-LOGS',
  message: 'A container sends its output nowhere.',
  fix: "set logConfiguration (awslogs to the service's encrypted log group) on every container, sidecars included",
  explanation: 'Without logs a crash-looping task leaves no trace of why it died.',
  level: 'error',
  appliesTo: ['aws_ecs_task_definition'],
  evaluate: (task) =>
    fromDetails(
      perContainer(task, (c) => {
        const config = c['logConfiguration'] as Record<string, unknown> | undefined;
        return config && typeof config['logDriver'] === 'string'
          ? undefined
          : 'logConfiguration is not set';
      }),
    ),
};
