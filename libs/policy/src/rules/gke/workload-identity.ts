import { fromDetails } from '../../results';
import type { Rule } from '../../types';
import { blocks } from '../helpers';
import { GKE_NODE_TYPES, nodeConfigs } from './node-config';

export const gkeWorkloadIdentity: Rule = {
  id: 'PLT-GKE-WORKLOAD-IDENTITY',
  checkov: 'CKV_GCP_69',
  trivy: 'AVD-GCP-0057',
  message: 'GKE workloads do not use Workload Identity (they can read the node’s credentials).',
  fix: 'set workload_identity_config { workload_pool = "<project>.svc.id.goog" } on the cluster and node_config.workload_metadata_config { mode = "GKE_METADATA" } on every node pool',
  explanation:
    'Without Workload Identity and the GKE metadata server, every pod can fetch the node service account’s token from the metadata server and act with all of its permissions.',
  level: 'error',
  appliesTo: [...GKE_NODE_TYPES],
  evaluate: (resource) => {
    const details: string[] = [];
    if (resource.type === 'google_container_cluster') {
      const pool = blocks(resource.config['workload_identity_config'])[0]?.['workload_pool'];
      if (typeof pool !== 'string' || pool.trim() === '')
        details.push('workload_identity_config.workload_pool is not set');
    }
    const { configs, defaults } = nodeConfigs(resource);
    if (defaults) details.push('node_config is missing (the defaults expose the node metadata)');
    for (const { where, config } of configs) {
      const mode = blocks(config['workload_metadata_config'])[0]?.['mode'];
      if (mode !== 'GKE_METADATA')
        details.push(
          `${where}.workload_metadata_config.mode is ${mode === undefined ? 'not set' : JSON.stringify(mode)}, not "GKE_METADATA"`,
        );
    }
    return fromDetails(details);
  },
};
