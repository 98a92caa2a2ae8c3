import { fromDetails } from '../../results';
import type { Rule } from '../../types';
import { blocks } from '../helpers';
import { GKE_NODE_TYPES, nodeConfigs } from './node-config';

export const gkeShieldedNodes: Rule = {
  id: 'PLT-GKE-SHIELDED-NODES',
  checkov: 'CKV_GCP_71',
  trivy: 'AVD-GCP-0055',
  message: 'GKE nodes are not Shielded VMs with secure boot and integrity monitoring.',
  fix: 'set enable_shielded_nodes = true on the cluster and node_config.shielded_instance_config { enable_secure_boot = true, enable_integrity_monitoring = true } on every node pool',
  explanation:
    'Shielded nodes prove their identity to the control plane and boot only signed software, so a compromised node cannot impersonate another or persist a rootkit.',
  level: 'error',
  appliesTo: [...GKE_NODE_TYPES],
  evaluate: (resource) => {
    const details: string[] = [];
    if (
      resource.type === 'google_container_cluster' &&
      resource.config['enable_shielded_nodes'] !== true
    )
      details.push('enable_shielded_nodes is not true');
    const { configs, defaults } = nodeConfigs(resource);
    if (defaults) details.push('node_config is missing (secure boot is off by default)');
    for (const { where, config } of configs) {
      const shielded = blocks(config['shielded_instance_config'])[0];
      if (shielded?.['enable_secure_boot'] !== true)
        details.push(`${where}.shielded_instance_config.enable_secure_boot is not true`);
      if (shielded?.['enable_integrity_monitoring'] === false)
        details.push(`${where}.shielded_instance_config.enable_integrity_monitoring is false`);
    }
    return fromDetails(details);
  },
};
