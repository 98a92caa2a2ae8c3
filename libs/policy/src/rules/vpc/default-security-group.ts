import { fromDetails } from '../../results';
import type { Rule } from '../../types';
import { blocks } from '../helpers';

export const vpcDefaultSecurityGroupClosed: Rule = {
  id: 'PLT-VPC-DEFAULT-SG-CLOSED',
  checkov: 'CKV2_AWS_12',
  trivy: 'AVD-AWS-0173',
  message: 'VPC default security group is not locked down.',
  fix: 'manage it with an aws_default_security_group that has no ingress and no egress rules',
  explanation:
    'Anything launched without a security group lands in the default one; with no rules it can talk to nothing.',
  level: 'error',
  appliesTo: ['aws_vpc'],
  evaluate: (vpc, stack) => {
    const groups = stack.referencing('aws_default_security_group', vpc, 'vpc_id');
    if (groups.length === 0)
      return fromDetails(['no aws_default_security_group manages its default group']);
    return fromDetails(
      groups.flatMap((g) =>
        ['ingress', 'egress']
          .filter(
            (direction) =>
              g.config[direction] === undefined || blocks(g.config[direction]).length > 0,
          )
          .map((direction) => `${g.address} does not set ${direction} to an empty list`),
      ),
    );
  },
};
