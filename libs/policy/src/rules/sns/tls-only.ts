import { fromDetails } from '../../results';
import type { Rule } from '../../types';
import { policyOf } from '../helpers';

export const snsTlsOnly: Rule = {
  id: 'PLT-SNS-TLS-ONLY',
  message: 'SNS topic accepts publishing without TLS, or grants publishing to anyone.',
  fix: 'attach a topic policy that denies sns:Publish when aws:SecureTransport is "false" and allows only named principals',
  explanation:
    'Alarm and approval messages name resources and carry links; a topic open to everyone, or reached in clear text, can be spoofed or read.',
  level: 'error',
  appliesTo: ['aws_sns_topic'],
  evaluate: (topic, stack) => {
    const statements = stack
      .referencing('aws_sns_topic_policy', topic, 'arn')
      .flatMap((p) => policyOf(p, stack, 'policy')?.statements ?? []);
    const denies = statements.some(
      (s) =>
        s.effect === 'Deny' &&
        (s.actions.includes('sns:Publish') || s.actions.includes('*')) &&
        (s.principals['*']?.includes('*') || s.principals['AWS']?.includes('*')) &&
        s.conditions['Bool']?.['aws:SecureTransport']?.includes('false'),
    );
    const open = statements.filter(
      (s) =>
        s.effect === 'Allow' &&
        (s.principals['*']?.includes('*') || s.principals['AWS']?.includes('*')) &&
        Object.keys(s.conditions).length === 0,
    );
    return fromDetails([
      ...(denies
        ? []
        : [
            'no topic policy denies sns:Publish where aws:SecureTransport is false (or it cannot be read)',
          ]),
      ...open.map(
        (s) => `statement ${s.sid ?? '(no sid)'} allows every principal without a condition`,
      ),
    ]);
  },
};
