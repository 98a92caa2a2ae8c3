import { fromDetails } from '../../results';
import type { Rule } from '../../types';
import { allowsAnyPrincipal, policyOf } from '../helpers';

const SCOPING_KEYS = ['aws:sourcearn', 'aws:sourceaccount'];

export const logsResourcePolicyScoped: Rule = {
  id: 'PLT-LOGS-RESOURCE-POLICY-SCOPED',
  message:
    'CloudWatch Logs resource policy lets a service write without naming the source, or allows any principal.',
  fix: 'add an aws:SourceArn (the rules or resources that write) or aws:SourceAccount condition to every statement that allows a service principal',
  explanation:
    'A log resource policy for a service principal without a source condition lets that service write on behalf of any account (the confused deputy), so forged events can enter the log and the metrics computed from it.',
  level: 'error',
  appliesTo: ['aws_cloudwatch_log_resource_policy'],
  evaluate: (resource, stack) => {
    const policy = policyOf(resource, stack, 'policy_document');
    if (!policy) return fromDetails(['the policy document cannot be read']);
    return fromDetails(
      policy.statements
        .filter((s) => s.effect === 'Allow')
        .flatMap((s) => {
          const name = s.sid ?? '(no sid)';
          if (allowsAnyPrincipal(s)) return [`statement ${name} allows principal "*"`];
          const keys = Object.values(s.conditions).flatMap((c) =>
            Object.keys(c).map((k) => k.toLowerCase()),
          );
          return (s.principals['Service'] ?? []).length > 0 &&
            !keys.some((k) => SCOPING_KEYS.includes(k))
            ? [
                `statement ${name} allows a service principal without aws:SourceArn or aws:SourceAccount`,
              ]
            : [];
        }),
    );
  },
};
