import { fromDetails, notApplicable } from '../../results';
import type { Rule } from '../../types';
import { blocks } from '../helpers';
import { holdsVms } from './subnet-purpose';

export const subnetFlowLogs: Rule = {
  id: 'PLT-VPC-SUBNET-FLOW-LOGS',
  checkov: 'CKV_GCP_26',
  trivy: 'AVD-GCP-0076',
  message: 'Subnet does not record VPC flow logs.',
  fix: 'add log_config { aggregation_interval = "INTERVAL_5_SEC", flow_sampling = 0.5, metadata = "INCLUDE_ALL_METADATA" } (a flow_sampling above 0)',
  explanation:
    'Flow logs are the record of who talked to whom: incident response, exfiltration detection and firewall debugging depend on them.',
  level: 'error',
  appliesTo: ['google_compute_subnetwork'],
  evaluate: (subnet) => {
    if (!holdsVms(subnet)) return notApplicable();
    const config = blocks(subnet.config['log_config'])[0];
    if (!config) return fromDetails(['log_config is missing']);
    return fromDetails(
      config['flow_sampling'] === 0 || config['flow_sampling'] === '0'
        ? ['log_config.flow_sampling is 0 (nothing is recorded)']
        : [],
    );
  },
};
