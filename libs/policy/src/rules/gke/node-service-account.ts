import { fromDetails } from '../../results';
import type { Rule } from '../../types';
import { GKE_NODE_TYPES, nodeConfigs } from './node-config';

/** The Compute Engine default service account: `<project number>-compute@developer.gserviceaccount.com`. */
const DEFAULT_ACCOUNT = /-compute@developer\.gserviceaccount\.com$/;

export const gkeNodeServiceAccount: Rule = {
  id: 'PLT-GKE-NODE-SERVICE-ACCOUNT',
  checkov: 'CKV2_GCP_1',
  trivy: 'AVD-GCP-0050',
  message: 'GKE nodes run as the Compute Engine default service account.',
  fix: 'give every node_config a service_account of our own (a google_service_account with only logging, monitoring and registry read roles)',
  explanation:
    'The default compute service account holds Editor on the project: any pod that reaches the node’s credentials could change almost anything.',
  level: 'error',
  appliesTo: [...GKE_NODE_TYPES],
  evaluate: (resource) => {
    const { configs, defaults } = nodeConfigs(resource);
    const details: string[] = [];
    if (defaults) details.push('node_config is missing (nodes run as the default service account)');
    for (const { where, config } of configs) {
      const account = config['service_account'];
      if (typeof account !== 'string' || account.trim() === '' || account === 'default')
        details.push(`${where}.service_account is not set (the default service account)`);
      else if (DEFAULT_ACCOUNT.test(account))
        details.push(
          `${where}.service_account ${account} is the Compute Engine default service account`,
        );
    }
    return fromDetails(details);
  },
};
