import { fromDetails, notApplicable } from '../../results';
import type { Rule } from '../../types';
import { holdsVms } from './subnet-purpose';

export const subnetPrivateGoogleAccess: Rule = {
  id: 'PLT-VPC-PRIVATE-GOOGLE-ACCESS',
  checkov: 'CKV_GCP_74',
  trivy: 'AVD-GCP-0075',
  message: 'Subnet has Private Google Access off.',
  fix: 'set private_ip_google_access = true',
  explanation:
    'Private nodes reach Google APIs (Artifact Registry, Cloud Logging, KMS) without public IPs only through Private Google Access; without it they need NAT for every API call or fail.',
  level: 'error',
  appliesTo: ['google_compute_subnetwork'],
  evaluate: (subnet) =>
    holdsVms(subnet)
      ? fromDetails(
          subnet.config['private_ip_google_access'] === true
            ? []
            : ['private_ip_google_access is not true'],
        )
      : notApplicable(),
};
