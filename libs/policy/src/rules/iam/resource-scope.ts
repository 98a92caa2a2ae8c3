import { fromDetails, notApplicable } from '../../results';
import type { Rule } from '../../types';
import { blocks, policyOf } from '../helpers';
import { STAR_ONLY_ACTIONS, takesOnlyStar } from './star-only-actions';

/** Identity policies: the attribute that holds the document. */
const ATTRIBUTE: Record<string, string> = {
  aws_iam_policy: 'policy',
  aws_iam_role_policy: 'policy',
  aws_iam_user_policy: 'policy',
  aws_iam_group_policy: 'policy',
};

/** `"*"`, or an ARN whose resource part is only `*` (`arn:<partition>:s3:::*`, `arn:<partition>:ecs:eu-west-1:1:*`). */
export const isWildcardResource = (resource: string): boolean =>
  resource === '*' || /^arn:[^:]+:[^:]+:[^:]*:[^:]*:\*$/.test(resource);

export const iamResourceScope: Rule = {
  id: 'PLT-IAM-RESOURCE-SCOPE',
  checkov: 'CKV_AWS_355',
  trivy: 'AVD-AWS-0057',
  message:
    'IAM policy grants an action on every resource ("*") although the action can be scoped to named resources.',
  fix: `name the resources (ARNs) the role needs; only actions without resource-level permissions may use "*" (${STAR_ONLY_ACTIONS.length} listed in libs/policy/src/rules/iam/star-only-actions.ts)`,
  explanation:
    'A workload role widened from its own bucket, queue or service to "*" reaches every such resource in the account: one compromised task then reads or changes what belongs to others. Key policies are not checked here: in a KMS key policy "*" is the key itself.',
  level: 'error',
  appliesTo: [...Object.keys(ATTRIBUTE), 'aws_iam_role'],
  evaluate: (resource, stack) => {
    const documents =
      resource.type === 'aws_iam_role'
        ? blocks(resource.config['inline_policy']).map((p) => stack.policyDocument(p['policy']))
        : [policyOf(resource, stack, ATTRIBUTE[resource.type] as string)];
    if (documents.length === 0) return notApplicable();
    return fromDetails(
      documents.flatMap((policy) => {
        if (!policy) return ['the policy cannot be read'];
        return policy.statements
          .filter((s) => s.effect === 'Allow' && s.resources.some(isWildcardResource))
          .flatMap((s) => {
            const scopable = s.actions.filter((a) => !takesOnlyStar(a));
            return scopable.length === 0
              ? []
              : [`statement ${s.sid ?? '(no sid)'} allows ${scopable.join(', ')} on "*"`];
          });
      }),
    );
  },
};
