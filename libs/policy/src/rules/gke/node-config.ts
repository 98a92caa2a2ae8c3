import type { ResourceView } from '../../types';
import { blocks } from '../helpers';

/** Resource types that run GKE nodes: a cluster's default pool and separate node pools. */
export const GKE_NODE_TYPES = ['google_container_cluster', 'google_container_node_pool'] as const;

/**
 * The node configurations a resource starts nodes with, each named for its findings, or a
 * reason it has none: a node pool without node_config runs on the defaults; a cluster runs its
 * default pool (with node_config or the defaults) unless remove_default_node_pool is true.
 */
export function nodeConfigs(resource: ResourceView): {
  readonly configs: readonly { readonly where: string; readonly config: Record<string, unknown> }[];
  readonly defaults: boolean;
} {
  const configs = blocks(resource.config['node_config']).map((config) => ({
    where:
      resource.type === 'google_container_cluster'
        ? 'node_config (default node pool)'
        : 'node_config',
    config,
  }));
  if (resource.type === 'google_container_cluster') {
    const removed = resource.config['remove_default_node_pool'] === true;
    return { configs: removed ? [] : configs, defaults: !removed && configs.length === 0 };
  }
  return { configs, defaults: configs.length === 0 };
}
