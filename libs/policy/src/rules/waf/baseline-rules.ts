import { fromDetails } from '../../results';
import type { Rule } from '../../types';
import { blocks } from '../helpers';

/** AWS managed rule groups every web ACL must run. */
export const REQUIRED_MANAGED_GROUPS = [
  'AWSManagedRulesCommonRuleSet',
  'AWSManagedRulesKnownBadInputsRuleSet',
  'AWSManagedRulesAmazonIpReputationList',
];

export const wafBaselineRules: Rule = {
  id: 'PLT-WAF-BASELINE-RULES',
  checkov: 'CKV_AWS_192',
  message:
    'WAF web ACL lacks the baseline: the common, known-bad-inputs and IP-reputation managed groups and a rate limit.',
  fix: 'add managed_rule_group_statement rules for each AWS group (override_action none) and a rate_based_statement rule that blocks',
  explanation:
    'The managed groups cover OWASP top-10 patterns, Log4Shell-style inputs and known bad sources; the rate limit blunts floods and credential stuffing.',
  level: 'error',
  appliesTo: ['aws_wafv2_web_acl'],
  evaluate: (acl) => {
    const rules = blocks(acl.config['rule']);
    const statements = rules.flatMap((r) => blocks(r['statement']));
    const groups = statements
      .flatMap((s) => blocks(s['managed_rule_group_statement']))
      .filter((g) => g['vendor_name'] === 'AWS')
      .map((g) => g['name']);
    const details = REQUIRED_MANAGED_GROUPS.filter((g) => !groups.includes(g)).map(
      (g) => `no ${g} rule`,
    );
    const rateLimited = rules.some(
      (r) =>
        blocks(r['statement']).some((s) => blocks(s['rate_based_statement']).length > 0) &&
        blocks(r['action']).some((a) => a['block'] !== undefined),
    );
    if (!rateLimited) details.push('no rate_based_statement rule that blocks');
    return fromDetails(details);
  },
};
