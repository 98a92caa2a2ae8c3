import { fromDetails } from '../../results';
import type { Rule } from '../../types';
import { perContainer } from './containers';

export const ecsNotPrivileged: Rule = {
  id: 'PLT-ECS-NOT-PRIVILEGED',
  checkov: 'CKV_AWS_334',
  message: 'A container runs privileged.',
  fix: 'remove privileged (or set it to false); grant specific Linux capabilities only if a workload truly needs one',
  explanation:
    'A privileged container has root on the host: one compromised process owns every task beside it.',
  level: 'error',
  appliesTo: ['aws_ecs_task_definition'],
  evaluate: (task) =>
    fromDetails(
      perContainer(task, (c) => (c['privileged'] === true ? 'privileged is true' : undefined)),
    ),
};
