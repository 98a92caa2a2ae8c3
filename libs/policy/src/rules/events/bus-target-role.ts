import { fromDetails, notApplicable } from '../../results';
import type { Rule } from '../../types';
import { isExpression } from '../helpers';

const isBusArn = (arn: unknown) =>
  typeof arn === 'string' &&
  (/^arn:aws[a-z-]*:events:[^:]*:\d{12}:event-bus\//.test(arn) ||
    (isExpression(arn) && arn.includes('aws_cloudwatch_event_bus.')));

export const eventsBusTargetRole: Rule = {
  id: 'PLT-EVENTS-BUS-TARGET-ROLE',
  message: 'EventBridge rule sends events to an event bus without a role.',
  fix: 'set role_arn to a role that events.amazonaws.com assumes and that may events:PutEvents on exactly that bus',
  explanation:
    'Bus-to-bus delivery (across accounts too) runs with the permissions of a role: without one the target relies on the receiving bus being open to the sender account as a whole, and nothing limits which buses the rule may write to.',
  level: 'error',
  appliesTo: ['aws_cloudwatch_event_target'],
  evaluate: (target) => {
    if (!isBusArn(target.config['arn'])) return notApplicable();
    const role = target.config['role_arn'];
    return fromDetails(typeof role === 'string' && role !== '' ? [] : ['role_arn is not set']);
  },
};
