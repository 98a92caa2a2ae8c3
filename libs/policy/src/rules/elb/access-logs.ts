import { fromDetails } from '../../results';
import type { Rule } from '../../types';
import { blocks } from '../helpers';
import { LOAD_BALANCERS } from './load-balancers';

export const elbAccessLogs: Rule = {
  id: 'PLT-ELB-ACCESS-LOGS',
  checkov: 'CKV_AWS_91',
  trivy: 'AVD-AWS-0053',
  message: 'Load balancer does not write access logs.',
  fix: 'set access_logs { bucket = <log bucket>, enabled = true }',
  explanation:
    'Access logs are the record of who called what: incident response and abuse reports start there.',
  level: 'error',
  appliesTo: [...LOAD_BALANCERS],
  evaluate: (lb) => {
    const on = blocks(lb.config['access_logs']).some(
      (l) => l['enabled'] === true && typeof l['bucket'] === 'string' && l['bucket'] !== '',
    );
    return fromDetails(on ? [] : ['access_logs is not enabled with a bucket']);
  },
};
