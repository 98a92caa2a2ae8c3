import { fromDetails } from '../../results';
import type { Rule } from '../../types';

/**
 * A rule that pins EKS clusters and node groups to the given Kubernetes versions. The list is
 * data owned by the environment schema (libs/config), so stacks pass it in.
 */
export function eksSupportedVersion(versions: readonly string[]): Rule {
  return {
    id: 'PLT-EKS-SUPPORTED-VERSION',
    trivy: 'AVD-AWS-0041',
    message: 'EKS cluster has no pinned, supported Kubernetes version.',
    fix: `set version to one of ${versions.join(', ')} in the environment's eks section`,
    explanation:
      'Without a pinned version EKS picks its default, and an unsupported version moves to paid extended support and then to a forced upgrade nobody planned.',
    level: 'error',
    appliesTo: ['aws_eks_cluster'],
    evaluate: (cluster) => {
      const version = cluster.config['version'];
      if (typeof version !== 'string') return fromDetails(['version is not set']);
      return fromDetails(
        versions.includes(version)
          ? []
          : [`version ${version} is not one of ${versions.join(', ')}`],
      );
    },
  };
}
