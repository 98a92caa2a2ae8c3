import { fromDetails, notApplicable } from '../../results';
import type { Rule } from '../../types';
import { blocks } from '../helpers';

export const acmDnsValidated: Rule = {
  id: 'PLT-ACM-DNS-VALIDATION',
  message: 'ACM certificate is not DNS-validated and replaced before it is destroyed.',
  fix: 'set validation_method = "DNS" with validation records in the zone, and lifecycle { create_before_destroy = true }',
  explanation:
    "DNS validation renews by itself; without create_before_destroy a change removes the listener's certificate before its replacement exists.",
  level: 'error',
  appliesTo: ['aws_acm_certificate'],
  evaluate: (cert) => {
    if (
      cert.config['certificate_body'] !== undefined ||
      cert.config['certificate_authority_arn'] !== undefined
    )
      return notApplicable();
    const details: string[] = [];
    if (cert.config['validation_method'] !== 'DNS')
      details.push(
        `validation_method is ${JSON.stringify(cert.config['validation_method'] ?? '(none)')}`,
      );
    if (!blocks(cert.config['lifecycle']).some((l) => l['create_before_destroy'] === true))
      details.push('lifecycle.create_before_destroy is not true');
    return fromDetails(details);
  },
};
