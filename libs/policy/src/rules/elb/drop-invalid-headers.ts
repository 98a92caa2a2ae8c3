import { fromDetails, notApplicable } from '../../results';
import type { Rule } from '../../types';
import { isApplication, LOAD_BALANCERS } from './load-balancers';

export const elbDropInvalidHeaders: Rule = {
  id: 'PLT-ELB-DROP-INVALID-HEADERS',
  checkov: 'CKV_AWS_131',
  trivy: 'AVD-AWS-0052',
  message: 'Application load balancer forwards invalid HTTP headers.',
  fix: 'set drop_invalid_header_fields = true',
  explanation:
    'Malformed headers are a request-smuggling vector between the load balancer and the targets.',
  level: 'error',
  appliesTo: [...LOAD_BALANCERS],
  evaluate: (lb) => {
    if (!isApplication(lb)) return notApplicable();
    return fromDetails(
      lb.config['drop_invalid_header_fields'] === true
        ? []
        : ['drop_invalid_header_fields is not true'],
    );
  },
};
