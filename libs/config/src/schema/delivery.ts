import { z } from 'zod';
import { logRetentionDays } from './retention';

/** Settings of the release pipelines (delivery family). */
export const deliverySchema = z.strictObject({
  /**
   * ARN of the CodeStar connection (GitHub, GitLab, Bitbucket) the pipelines pull sources
   * through; created and authorised once in the console, in the pipeline environment's account.
   * Only the pipeline environment (lowest deployOrder) uses it. @default none: only CodeCommit sources work
   */
  connectionArn: z
    .string()
    .regex(
      /^arn:aws:(codestar-connections|codeconnections):[a-z0-9-]+:\d{12}:connection\/[0-9a-f-]{36}$/,
      'must be a connection ARN: arn:aws:codestar-connections:<region>:<account>:connection/<uuid>',
    )
    .optional(),
  /** Days pipeline artifacts (source zips, rendered task definitions) are kept before they expire; read from the pipeline environment. */
  artifactRetentionDays: z
    .number()
    .int()
    .min(1, 'must be 1 to 3650 days')
    .max(3650, 'must be 1 to 3650 days')
    .default(30),
  /** Days the build logs are kept; one of the values CloudWatch Logs accepts. */
  logRetentionDays: logRetentionDays.default(90),
  /** Who is asked to approve a release before production (an email with a link to the approval); read from the pipeline environment. */
  approvers: z.array(z.email('must be an email address')).default([]),
  /** Minutes a feature-flag deployment takes to reach every target, growing linearly. */
  flagDeploymentMinutes: z.number().int().min(0).max(1440).default(10),
  /** Minutes AppConfig watches the service's alarms after a flag change before it is final (bake time). */
  flagBakeMinutes: z.number().int().min(0).max(1440).default(10),
});

export type DeliveryConfig = z.infer<typeof deliverySchema>;
