import { fromDetails } from '../../results';
import type { Rule } from '../../types';
import { perContainer } from './containers';

export const ecsReadOnlyRoot: Rule = {
  id: 'PLT-ECS-READ-ONLY-ROOT',
  checkov: 'CKV_AWS_336',
  message: 'A container can write to its root filesystem.',
  fix: 'set readonlyRootFilesystem = true and mount named volumes for the paths that need writes (/tmp, the ECS Exec agent paths)',
  explanation:
    'A read-only root stops an intruder from dropping tools or changing binaries in a running container.',
  level: 'error',
  appliesTo: ['aws_ecs_task_definition'],
  evaluate: (task) =>
    fromDetails(
      perContainer(task, (c) =>
        c['readonlyRootFilesystem'] === true ? undefined : 'readonlyRootFilesystem is not true',
      ),
    ),
};
