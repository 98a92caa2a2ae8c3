import { fromDetails } from '../../results';
import type { Rule } from '../../types';
import { perContainer } from './containers';

/** Variable names that hold credentials. */
const SECRET_NAME = /(PASSWORD|PASSWD|SECRET|TOKEN|API_?KEY|PRIVATE_?KEY|CREDENTIALS?)($|_)/i;

export const ecsNoPlainSecrets: Rule = {
  id: 'PLT-ECS-NO-PLAIN-SECRETS',
  message: 'A container gets a credential as a plain environment value.',
  fix: 'move the value to SSM Parameter Store or Secrets Manager and reference its ARN under secrets (valueFrom)',
  explanation:
    'Plain environment values are stored in the task definition and shown to anyone who can describe it.',
  level: 'error',
  appliesTo: ['aws_ecs_task_definition'],
  evaluate: (task) =>
    fromDetails(
      perContainer(task, (c) => {
        const environment = Array.isArray(c['environment'])
          ? (c['environment'] as Record<string, unknown>[])
          : [];
        const plain = environment
          .map((e) => String(e['name'] ?? ''))
          .filter((name) => SECRET_NAME.test(name));
        return plain.length > 0 ? `plain value for ${plain.join(', ')}` : undefined;
      }),
    ),
};
