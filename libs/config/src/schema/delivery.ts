import { z } from 'zod';
import { logRetentionDays } from './retention';

/** Settings of the release pipelines (delivery family). */
export const deliverySchema = z.strictObject({
  connectionArn: z
    .string()
    .regex(
      /^arn:aws(?:-cn|-us-gov)?:(codestar-connections|codeconnections):[a-z0-9-]+:\d{12}:connection\/[0-9a-f-]{36}$/,
      'must be a connection ARN: arn:aws:codestar-connections:<region>:<account>:connection/<uuid>',
    )
    .optional()
    .meta({
      description:
        "ARN of the CodeStar connection (GitHub, GitLab, Bitbucket) the pipelines pull sources through; created and authorised once in the console, in the pipeline environment's account. Only the pipeline environment (lowest deployOrder) uses it. Default: none: only CodeCommit sources work",
      examples: [
        'arn:aws:codestar-connections:eu-west-1:111111111111:connection/0a1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d',
      ],
    }),
  artifactRetentionDays: z
    .number()
    .int()
    .min(1, 'must be 1 to 3650 days')
    .max(3650, 'must be 1 to 3650 days')
    .default(30)
    .meta({
      description:
        'Days pipeline artifacts (source zips, rendered task definitions) are kept before they expire; read from the pipeline environment.',
    }),
  logRetentionDays: logRetentionDays.default(90).meta({
    description: 'Days the build logs are kept; one of the values CloudWatch Logs accepts.',
  }),
  approvers: z
    .array(z.email('must be an email address'))
    .default([])
    .meta({
      description:
        'Who is asked to approve a release before production (an email with a link to the approval); read from the pipeline environment.',
      examples: [['release-managers@example.com']],
    }),
  flagDeploymentMinutes: z
    .number()
    .int()
    .min(1, 'a flag change must roll out gradually: at least 1 minute')
    .max(1440)
    .default(10)
    .meta({
      description:
        'Minutes a feature-flag deployment takes to reach every target, growing linearly.',
    }),
  flagBakeMinutes: z
    .number()
    .int()
    .min(1, "a flag change must be watched against the service's alarms: at least 1 minute")
    .max(1440)
    .default(10)
    .meta({
      description:
        "Minutes AppConfig watches the service's alarms after a flag change before it is final (bake time).",
    }),
});

export type DeliveryConfig = z.infer<typeof deliverySchema>;
