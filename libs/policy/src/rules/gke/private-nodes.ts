import { fromDetails } from '../../results';
import type { Rule } from '../../types';
import { blocks } from '../helpers';

export const gkePrivateNodes: Rule = {
  id: 'PLT-GKE-PRIVATE-NODES',
  checkov: 'CKV_GCP_64',
  trivy: 'AVD-GCP-0059',
  message: 'GKE nodes get public IP addresses.',
  fix: 'set private_cluster_config { enable_private_nodes = true } on the cluster (egress through Cloud NAT) and never network_config.enable_private_nodes = false on a node pool',
  explanation:
    'Nodes with public addresses are reachable from the internet; private nodes are reached only through the VPC and leave through Cloud NAT.',
  level: 'error',
  appliesTo: ['google_container_cluster', 'google_container_node_pool'],
  evaluate: (resource) => {
    if (resource.type === 'google_container_node_pool') {
      const optedOut = blocks(resource.config['network_config']).some(
        (n) => n['enable_private_nodes'] === false,
      );
      return fromDetails(optedOut ? ['network_config.enable_private_nodes is false'] : []);
    }
    const config = blocks(resource.config['private_cluster_config'])[0];
    return fromDetails(
      config?.['enable_private_nodes'] === true
        ? []
        : ['private_cluster_config.enable_private_nodes is not true'],
    );
  },
};
