import { fromDetails } from '../../results';
import type { Rule } from '../../types';

export const wafLogging: Rule = {
  id: 'PLT-WAF-LOGGING',
  checkov: 'CKV2_AWS_31',
  message: 'WAF web ACL does not log its decisions.',
  fix: 'add an aws_wafv2_web_acl_logging_configuration for the web ACL (a log group named aws-waf-logs-*)',
  explanation: 'Without logs a blocked customer or a missed attack cannot be explained.',
  level: 'error',
  appliesTo: ['aws_wafv2_web_acl'],
  evaluate: (acl, stack) =>
    fromDetails(
      stack.referencing('aws_wafv2_web_acl_logging_configuration', acl, 'resource_arn').length > 0
        ? []
        : ['no aws_wafv2_web_acl_logging_configuration references it'],
    ),
};
