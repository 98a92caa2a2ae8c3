import type { Rule } from '../../types';
import { policyRule } from '../helpers';

/** Resource policies by type and their policy attribute (KMS key policies name "*" for the key itself). */
const ATTRIBUTE: Record<string, string> = {
  aws_ecr_registry_policy: 'policy',
  aws_ecr_repository_policy: 'policy',
  aws_s3_bucket_policy: 'policy',
  aws_sns_topic_policy: 'policy',
  aws_sqs_queue_policy: 'policy',
  aws_cloudwatch_event_bus_policy: 'policy',
};

/** Actions that write or create (or everything). */
const WRITES =
  /^(\*|[a-z0-9-]+:(\*|(Create|Put|Replicate|Delete|Update|Upload|Write|Set|Attach|Tag|Untag|Initiate|Complete|BatchDelete|Publish|Send)\w*))$/i;

/** `*`, or a whole kind of resource: `arn:…:<type>/*`, `arn:<partition>:s3:::<bucket>/*`. */
const wildcard = (resource: string) =>
  resource === '*' ||
  /^arn:[^:]+:[^:]+:[^:]*:[^:]*:?[^/:]+\/\*$/.test(resource) ||
  /^arn:aws[a-z-]*:s3:::[^/]+\/\*$/.test(resource);

const accountOf = (arn: string) => /^arn:[^:]+:[^:]+:[^:]*:(\d{12}):/.exec(arn)?.[1];
const principalAccount = (p: string) =>
  /^\d{12}$/.test(p) ? p : /^arn:[^:]+:iam::(\d{12}):/.exec(p)?.[1];

export const iamCrossAccountWildcardWrite: Rule = {
  id: 'PLT-IAM-CROSS-ACCOUNT-WILDCARD-WRITE',
  message: 'Resource policy lets another account write or create on every resource of a kind.',
  fix: 'name the resources the other account may write (e.g. the replicated repositories by ARN) and drop create rights',
  explanation:
    'A registry or bucket policy granting another account Create/Put/Replicate on "repository/*" lets whoever controls that account plant repositories or images in this one: a lower environment then writes into production.',
  level: 'error',
  appliesTo: Object.keys(ATTRIBUTE),
  evaluate: policyRule(ATTRIBUTE, (policy) =>
    policy.statements
      .filter((s) => s.effect === 'Allow')
      .flatMap((s) => {
        const writes = s.actions.filter((a) => WRITES.test(a));
        const targets = s.resources.filter(wildcard);
        if (writes.length === 0 || targets.length === 0) return [];
        const own = s.resources.map(accountOf).find(Boolean);
        const others = [...(s.principals['AWS'] ?? []), ...(s.principals['*'] ?? [])].filter(
          (p) => p === '*' || principalAccount(p) !== own,
        );
        return others.map(
          (p) =>
            `statement ${s.sid ?? '(no sid)'} lets ${p} ${writes.join(', ')} on ${targets.join(', ')}`,
        );
      }),
  ),
};
