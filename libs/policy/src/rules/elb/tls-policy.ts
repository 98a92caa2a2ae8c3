import { fromDetails, notApplicable } from '../../results';
import type { Rule } from '../../types';
import { LISTENERS } from './load-balancers';

/** TLS policies that allow TLS 1.2 and newer only. */
const MODERN = /^ELBSecurityPolicy-(TLS13-1-[23]-|TLS-1-2-|FS-1-2-)/;

export const elbTlsPolicy: Rule = {
  id: 'PLT-ELB-TLS-POLICY',
  checkov: 'CKV_AWS_103',
  trivy: 'AVD-AWS-0047',
  message: 'HTTPS listener accepts TLS versions older than 1.2.',
  fix: 'set ssl_policy to ELBSecurityPolicy-TLS13-1-2-2021-06 (or another TLS 1.2+ policy)',
  explanation:
    'TLS 1.0 and 1.1 have known weaknesses and are refused by current compliance baselines.',
  level: 'error',
  appliesTo: [...LISTENERS],
  evaluate: (listener) => {
    if (listener.config['protocol'] !== 'HTTPS' && listener.config['protocol'] !== 'TLS')
      return notApplicable();
    const policy = listener.config['ssl_policy'];
    return fromDetails(
      typeof policy === 'string' && MODERN.test(policy)
        ? []
        : [`ssl_policy is ${JSON.stringify(policy ?? '(provider default)')}`],
    );
  },
};
