import { fromDetails } from '../../results';
import type { Rule } from '../../types';
import { blocks } from '../helpers';

export const ecsNoPublicIp: Rule = {
  id: 'PLT-ECS-NO-PUBLIC-IP',
  checkov: 'CKV_AWS_333',
  message: 'ECS service gives its tasks public IP addresses.',
  fix: 'set network_configuration.assign_public_ip = false and run tasks in private subnets behind the load balancer',
  explanation:
    'A task with a public IP is reachable from the internet around the load balancer and its WAF.',
  level: 'error',
  appliesTo: ['aws_ecs_service'],
  evaluate: (service) =>
    fromDetails(
      blocks(service.config['network_configuration']).some((n) => n['assign_public_ip'] === true)
        ? ['network_configuration.assign_public_ip is true']
        : [],
    ),
};
