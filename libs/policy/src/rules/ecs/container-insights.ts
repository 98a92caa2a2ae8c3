import { fromDetails } from '../../results';
import type { Rule } from '../../types';
import { blocks } from '../helpers';

export const ecsContainerInsights: Rule = {
  id: 'PLT-ECS-CONTAINER-INSIGHTS',
  checkov: 'CKV_AWS_65',
  trivy: 'AVD-AWS-0034',
  message: 'ECS cluster has Container Insights off.',
  fix: 'add setting { name = "containerInsights", value = "enhanced" } (or "enabled")',
  explanation:
    'Per-task CPU, memory and network metrics are what an on-call engineer needs first; they cannot be turned on after the incident.',
  level: 'error',
  appliesTo: ['aws_ecs_cluster'],
  evaluate: (cluster) => {
    const on = blocks(cluster.config['setting']).some(
      (s) =>
        s['name'] === 'containerInsights' &&
        (s['value'] === 'enabled' || s['value'] === 'enhanced'),
    );
    return fromDetails(on ? [] : ['no containerInsights setting of "enabled" or "enhanced"']);
  },
};
