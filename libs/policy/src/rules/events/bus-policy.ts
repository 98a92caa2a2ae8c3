import { fromDetails } from '../../results';
import type { Rule } from '../../types';
import { policyOf, wildcardPrincipalFindings } from '../helpers';

export const eventsBusPolicyPrincipals: Rule = {
  id: 'PLT-EVENTS-BUS-POLICY',
  message: 'Event bus policy is unreadable or lets any principal put events.',
  fix: 'build the policy with policyDocument() and name the sender accounts (arn:<partition>:iam::<account>:root), never "*"',
  explanation:
    'Whoever may put events on a bus can trigger every rule on it and forge the events downstream metrics and automation trust (for example deployment events behind the DORA numbers).',
  level: 'error',
  appliesTo: ['aws_cloudwatch_event_bus_policy'],
  evaluate: (bus, stack) => {
    const policy = policyOf(bus, stack, 'policy');
    if (!policy) return fromDetails(['the bus has a policy this rule cannot read']);
    return fromDetails(wildcardPrincipalFindings(policy));
  },
};
