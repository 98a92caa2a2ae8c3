import { fromDetails } from '../../results';
import type { Rule } from '../../types';
import { perContainer } from './containers';

const ROOT = /^(root|0)(:.*)?$/;

export const ecsNonRoot: Rule = {
  id: 'PLT-ECS-NON-ROOT',
  message: 'A container runs as root (no user, or user root/0).',
  fix: 'set user to a non-root uid:gid, e.g. "1000:1000"',
  explanation:
    'Root inside a container turns any container escape or writable mount into root on what it reaches.',
  level: 'error',
  appliesTo: ['aws_ecs_task_definition'],
  evaluate: (task) =>
    fromDetails(
      perContainer(task, (c) => {
        const user = c['user'];
        if (typeof user !== 'string' || user === '')
          return 'user is not set (the image default is often root)';
        return ROOT.test(user) ? `user is ${JSON.stringify(user)}` : undefined;
      }),
    ),
};
