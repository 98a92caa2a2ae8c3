import type { Rule } from '../../types';
import { openPortFindings } from './open-ingress';

export const firewallNoOpenSsh: Rule = {
  id: 'PLT-FW-NO-OPEN-SSH',
  checkov: 'CKV_GCP_2',
  trivy: 'AVD-GCP-0071',
  message: 'Firewall rule lets the whole internet reach SSH (tcp/22).',
  fix: 'allow tcp/22 only from Identity-Aware Proxy (35.235.240.0/20) or named internal ranges; never 0.0.0.0/0, and always name a source',
  explanation:
    'SSH open to the internet is scanned and brute-forced within minutes; IAP TCP forwarding gives IAM-authenticated, logged access with no public port.',
  level: 'error',
  appliesTo: ['google_compute_firewall'],
  evaluate: (firewall) => openPortFindings(firewall, 22),
};
