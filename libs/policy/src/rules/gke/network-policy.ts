import { fromDetails } from '../../results';
import type { Rule } from '../../types';
import { blocks } from '../helpers';

export const gkeNetworkPolicy: Rule = {
  id: 'PLT-GKE-NETWORK-POLICY',
  checkov: 'CKV_GCP_12',
  trivy: 'AVD-GCP-0056',
  message: 'GKE cluster does not enforce Kubernetes network policies.',
  fix: 'set datapath_provider = "ADVANCED_DATAPATH" (Dataplane V2 enforces network policies), or network_policy { enabled = true }',
  explanation:
    'Without enforcement a NetworkPolicy is ignored and every pod can reach every other pod: one compromised workload reaches them all.',
  level: 'error',
  appliesTo: ['google_container_cluster'],
  evaluate: (cluster) => {
    if (cluster.config['datapath_provider'] === 'ADVANCED_DATAPATH') return fromDetails([]);
    const enabled = blocks(cluster.config['network_policy'])[0]?.['enabled'] === true;
    return fromDetails(
      enabled
        ? []
        : [
            'neither Dataplane V2 (datapath_provider = "ADVANCED_DATAPATH") nor network_policy.enabled = true',
          ],
    );
  },
};
