import { fromDetails, notApplicable } from '../../results';
import type { Rule } from '../../types';
import { isApplication, LOAD_BALANCERS } from './load-balancers';

export const elbWaf: Rule = {
  id: 'PLT-ELB-WAF',
  checkov: 'CKV2_AWS_28',
  message: 'Internet-facing application load balancer has no WAF web ACL.',
  fix: 'associate an aws_wafv2_web_acl with the load balancer (aws_wafv2_web_acl_association)',
  explanation:
    "A public ALB without WAF passes every scanner's and bot's request straight to the services.",
  level: 'error',
  appliesTo: [...LOAD_BALANCERS],
  evaluate: (lb, stack) => {
    if (lb.config['internal'] === true || !isApplication(lb)) return notApplicable();
    const associated =
      stack.referencing('aws_wafv2_web_acl_association', lb, 'resource_arn').length > 0;
    return fromDetails(associated ? [] : ['no aws_wafv2_web_acl_association references it']);
  },
};
