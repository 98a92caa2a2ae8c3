import { fromDetails } from '../../results';
import type { Rule } from '../../types';
import { blocks } from '../helpers';

const described = (value: unknown) =>
  typeof value === 'string' && value.trim() !== '' && value !== 'Managed by Terraform';

export const securityGroupDescriptions: Rule = {
  id: 'PLT-SG-DESCRIPTION',
  checkov: 'CKV_AWS_23',
  trivy: 'AVD-AWS-0099',
  message: 'Security group or rule has no description.',
  fix: 'describe every security group and every rule: what it lets in or out, and why',
  explanation:
    'Rules without a reason are never removed: descriptions are how a reviewer knows a rule is still needed.',
  level: 'error',
  appliesTo: [
    'aws_security_group',
    'aws_vpc_security_group_ingress_rule',
    'aws_vpc_security_group_egress_rule',
    'aws_security_group_rule',
  ],
  evaluate: (resource) => {
    const details: string[] = [];
    if (!described(resource.config['description'])) details.push('description is missing');
    if (resource.type === 'aws_security_group') {
      for (const direction of ['ingress', 'egress']) {
        blocks(resource.config[direction]).forEach((rule, index) => {
          if (!described(rule['description']))
            details.push(`${direction}[${index}] has no description`);
        });
      }
    }
    return fromDetails(details);
  },
};
