import { fromDetails } from '../../results';
import type { Rule } from '../../types';

export const subnetNoPublicIp: Rule = {
  id: 'PLT-VPC-SUBNET-NO-PUBLIC-IP',
  checkov: 'CKV_AWS_130',
  trivy: 'AVD-AWS-0164',
  message: 'Subnet gives instances public IP addresses.',
  fix: 'leave map_public_ip_on_launch false: load balancers and NAT gateways get their addresses explicitly',
  explanation:
    'An automatic public IP puts any instance launched in the subnet on the internet, whatever its security group intends.',
  level: 'error',
  appliesTo: ['aws_subnet'],
  evaluate: (subnet) =>
    fromDetails(
      subnet.config['map_public_ip_on_launch'] === true ? ['map_public_ip_on_launch is true'] : [],
    ),
};
