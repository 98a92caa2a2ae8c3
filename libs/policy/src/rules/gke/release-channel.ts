import { fromDetails } from '../../results';
import type { Rule } from '../../types';
import { blocks } from '../helpers';

/** Channels that upgrade the cluster automatically; UNSPECIFIED opts out. */
const CHANNELS = ['RAPID', 'REGULAR', 'STABLE', 'EXTENDED'];

export const gkeReleaseChannel: Rule = {
  id: 'PLT-GKE-RELEASE-CHANNEL',
  checkov: 'CKV_GCP_70',
  message: 'GKE cluster is not enrolled in a release channel.',
  fix: 'set release_channel { channel = "REGULAR" } (or "STABLE" in production)',
  explanation:
    'A release channel keeps the control plane and nodes on supported, patched versions without hand-run upgrades.',
  level: 'error',
  appliesTo: ['google_container_cluster'],
  evaluate: (cluster) => {
    const channel = blocks(cluster.config['release_channel'])[0]?.['channel'];
    return fromDetails(
      typeof channel === 'string' && CHANNELS.includes(channel)
        ? []
        : [
            `release_channel.channel is ${channel === undefined ? 'not set' : JSON.stringify(channel)}, not one of ${CHANNELS.join(', ')}`,
          ],
    );
  },
};
