import { fromDetails } from '../../results';
import type { Rule } from '../../types';
import { blocks } from '../helpers';

export const ecsDeploymentRollback: Rule = {
  id: 'PLT-ECS-DEPLOYMENT-ROLLBACK',
  message: 'A failed deployment of the ECS service is not rolled back automatically.',
  fix: 'ECS controller: deployment_circuit_breaker { enable = true, rollback = true }; CODE_DEPLOY controller: a deployment group for the service with auto_rollback_configuration enabled',
  explanation:
    'A bad release must return to the last good one without waiting for someone to notice.',
  level: 'error',
  appliesTo: ['aws_ecs_service'],
  evaluate: (service, stack) => {
    const controller = blocks(service.config['deployment_controller'])[0]?.['type'] ?? 'ECS';
    if (controller === 'CODE_DEPLOY') {
      const groups = stack
        .referencing('aws_codedeploy_deployment_group', service, 'ecs_service')
        .filter((g) =>
          blocks(g.config['auto_rollback_configuration']).some((r) => r['enabled'] === true),
        );
      return fromDetails(
        groups.length > 0
          ? []
          : ['no CodeDeploy deployment group with automatic rollback references it'],
      );
    }
    if (controller !== 'ECS')
      return fromDetails([
        `deployment controller ${JSON.stringify(controller)} has no rollback the platform can check`,
      ]);
    const breaker = blocks(service.config['deployment_circuit_breaker']).some(
      (b) => b['enable'] === true && b['rollback'] === true,
    );
    return fromDetails(breaker ? [] : ['deployment_circuit_breaker does not enable rollback']);
  },
};
