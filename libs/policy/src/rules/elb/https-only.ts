import { fromDetails, notApplicable } from '../../results';
import type { Rule } from '../../types';
import { blocks } from '../helpers';
import { LISTENERS } from './load-balancers';

export const elbHttpsOnly: Rule = {
  id: 'PLT-ELB-HTTPS-ONLY',
  checkov: 'CKV_AWS_2',
  trivy: 'AVD-AWS-0054',
  message: 'Load balancer listener serves plain HTTP.',
  fix: "use protocol HTTPS, or make the HTTP listener's default action a redirect to HTTPS",
  explanation: 'Requests in clear text expose cookies and tokens to anyone on the path.',
  level: 'error',
  appliesTo: [...LISTENERS],
  evaluate: (listener) => {
    const protocol = listener.config['protocol'];
    if (protocol === 'HTTPS') return fromDetails([]);
    if (protocol !== 'HTTP')
      return typeof protocol === 'string' ? notApplicable() : fromDetails(['protocol is not set']);
    const redirects = blocks(listener.config['default_action']).every(
      (a) =>
        a['type'] === 'redirect' && blocks(a['redirect']).some((r) => r['protocol'] === 'HTTPS'),
    );
    return fromDetails(
      redirects && blocks(listener.config['default_action']).length > 0
        ? []
        : ['an HTTP listener that does not only redirect to HTTPS'],
    );
  },
};
