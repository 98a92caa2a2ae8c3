import { fromDetails, notApplicable } from '../../results';
import type { Rule } from '../../types';
import { isApplication, LOAD_BALANCERS } from './load-balancers';

export const elbDesyncStrictest: Rule = {
  id: 'PLT-ELB-DESYNC-STRICTEST',
  checkov: 'CKV_AWS_328',
  message: 'Application load balancer passes ambiguous requests on to the targets.',
  fix: 'set desync_mitigation_mode = "strictest"',
  explanation:
    'Requests that the load balancer and a target could read differently are how HTTP request smuggling works; strictest blocks every request that is not RFC 7230 compliant (checkov also accepts defensive; we do not).',
  level: 'error',
  appliesTo: [...LOAD_BALANCERS],
  evaluate: (lb) => {
    if (!isApplication(lb)) return notApplicable();
    const mode = lb.config['desync_mitigation_mode'];
    return fromDetails(
      mode === 'strictest'
        ? []
        : [`desync_mitigation_mode is ${JSON.stringify(mode ?? 'defensive (default)')}`],
    );
  },
};
