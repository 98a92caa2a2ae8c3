import type { Rule } from '../../types';
import { openPortFindings } from './open-ingress';

export const firewallNoOpenRdp: Rule = {
  id: 'PLT-FW-NO-OPEN-RDP',
  checkov: 'CKV_GCP_3',
  trivy: 'AVD-GCP-0070',
  message: 'Firewall rule lets the whole internet reach RDP (tcp/3389).',
  fix: 'allow tcp/3389 only from Identity-Aware Proxy (35.235.240.0/20) or named internal ranges; never 0.0.0.0/0, and always name a source',
  explanation:
    'RDP open to the internet is one of the most attacked services; reach Windows hosts through IAP TCP forwarding instead.',
  level: 'error',
  appliesTo: ['google_compute_firewall'],
  evaluate: (firewall) => openPortFindings(firewall, 3389),
};
