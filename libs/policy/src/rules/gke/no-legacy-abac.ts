import { fromDetails } from '../../results';
import type { Rule } from '../../types';

export const gkeNoLegacyAbac: Rule = {
  id: 'PLT-GKE-NO-LEGACY-ABAC',
  checkov: 'CKV_GCP_7',
  trivy: 'AVD-GCP-0062',
  message: 'GKE cluster authorizes with legacy ABAC.',
  fix: 'leave enable_legacy_abac unset or false: Kubernetes RBAC and IAM authorize',
  explanation:
    'Legacy ABAC grants broad, static permissions outside RBAC; it cannot be audited or scoped per namespace.',
  level: 'error',
  appliesTo: ['google_container_cluster'],
  evaluate: (cluster) => {
    const value = cluster.config['enable_legacy_abac'];
    return fromDetails(
      value === undefined || value === null || value === false
        ? []
        : [`enable_legacy_abac is ${JSON.stringify(value)}, not false`],
    );
  },
};
