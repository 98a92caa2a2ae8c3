import { fromDetails, notApplicable } from '../../results';
import type { Rule } from '../../types';
import { policyOf } from '../helpers';

/** Key and resource policies: the attribute that holds the document. */
const ATTRIBUTE: Record<string, string> = {
  aws_kms_key: 'policy',
  aws_s3_bucket_policy: 'policy',
  aws_sns_topic_policy: 'policy',
  aws_sqs_queue_policy: 'policy',
  aws_cloudwatch_event_bus_policy: 'policy',
  aws_cloudwatch_log_resource_policy: 'policy_document',
  aws_ecr_repository_policy: 'policy',
};

/** Condition keys that tie a service's request to our account, resource or data. */
const SCOPING_KEYS = [
  'aws:sourceaccount',
  'aws:sourcearn',
  'aws:sourceorgid',
  'aws:sourceorgpaths',
];
const ENCRYPTION_CONTEXT = 'kms:encryptioncontext:';

const scoped = (key: string): boolean => {
  const k = key.toLowerCase();
  return SCOPING_KEYS.includes(k) || k.startsWith(ENCRYPTION_CONTEXT);
};

export const servicePrincipalCondition: Rule = {
  id: 'PLT-SERVICE-PRINCIPAL-CONDITION',
  message:
    'Key or resource policy lets an AWS service in without a source or encryption-context condition.',
  fix: 'add aws:SourceAccount or aws:SourceArn (the resource that calls), or a kms:EncryptionContext:* condition, to every Allow statement for a service principal',
  explanation:
    "A service principal acts for every AWS customer: without a condition naming our account, resource or the data's encryption context, another account can make the service use our key or write to our bucket or topic (the confused deputy).",
  level: 'error',
  appliesTo: Object.keys(ATTRIBUTE),
  evaluate: (resource, stack) => {
    if (resource.type === 'aws_kms_key' && resource.config['policy'] === undefined) {
      return notApplicable(); // PLT-KMS-NO-WILDCARD-PRINCIPAL requires a policy
    }
    const policy = policyOf(resource, stack, ATTRIBUTE[resource.type] as string);
    if (!policy) return fromDetails(['the policy cannot be read']);
    return fromDetails(
      policy.statements
        .filter((s) => s.effect === 'Allow' && (s.principals['Service'] ?? []).length > 0)
        .filter((s) => !Object.values(s.conditions).some((c) => Object.keys(c).some(scoped)))
        .map(
          (s) =>
            `statement ${s.sid ?? '(no sid)'} allows ${(s.principals['Service'] ?? []).join(', ')} without aws:SourceAccount, aws:SourceArn or kms:EncryptionContext`,
        ),
    );
  },
};
