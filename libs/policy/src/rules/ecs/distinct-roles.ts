import { fromDetails } from '../../results';
import type { Rule } from '../../types';

export const ecsDistinctRoles: Rule = {
  id: 'PLT-ECS-DISTINCT-ROLES',
  checkov: 'CKV_AWS_249',
  message:
    'Task definition uses one role for the ECS agent and the application, or has no task role.',
  fix: 'give the task an execution role (pull, logs, secrets) and a separate task role (what the application calls)',
  explanation:
    "The application must not inherit the agent's rights to read every secret of the task and pull images.",
  level: 'error',
  appliesTo: ['aws_ecs_task_definition'],
  evaluate: (task) => {
    const taskRole = task.config['task_role_arn'];
    const executionRole = task.config['execution_role_arn'];
    if (typeof taskRole !== 'string' || taskRole === '')
      return fromDetails(['task_role_arn is not set']);
    return fromDetails(
      taskRole === executionRole ? ['task_role_arn equals execution_role_arn'] : [],
    );
  },
};
