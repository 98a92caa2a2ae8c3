import { fromDetails } from '../../results';
import type { Rule } from '../../types';

export const ecsNoHostPid: Rule = {
  id: 'PLT-ECS-NO-HOST-PID',
  checkov: 'CKV_AWS_335',
  message: "Task shares the host's process namespace.",
  fix: 'remove pid_mode = "host"',
  explanation:
    'With the host PID namespace a container sees, and may signal, every process of the host.',
  level: 'error',
  appliesTo: ['aws_ecs_task_definition'],
  evaluate: (task) => fromDetails(task.config['pid_mode'] === 'host' ? ['pid_mode is "host"'] : []),
};
