import { fromDetails } from '../../results';
import type { Rule } from '../../types';
import { blocks } from '../helpers';

/** Request headers that carry credentials: WAF logs must not keep them. */
const CREDENTIAL_HEADERS = ['authorization', 'cookie'] as const;

export const wafLogRedaction: Rule = {
  id: 'PLT-WAF-LOG-REDACTION',
  message: 'WAF logs keep the headers that carry credentials.',
  fix: 'add redacted_fields { single_header { name = "authorization" } } and the same for "cookie"',
  explanation:
    'WAF logs every request it inspects; without redaction, bearer tokens and session cookies land in a log group that more people can read than the service.',
  level: 'error',
  appliesTo: ['aws_wafv2_web_acl_logging_configuration'],
  evaluate: (logging) => {
    const redacted = new Set(
      blocks(logging.config['redacted_fields'])
        .flatMap((field) => blocks(field['single_header']))
        .map((header) => String(header['name']).toLowerCase()),
    );
    return fromDetails(
      CREDENTIAL_HEADERS.filter((header) => !redacted.has(header)).map(
        (header) => `header "${header}" is not in redacted_fields`,
      ),
    );
  },
};
