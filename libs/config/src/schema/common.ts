import { z } from 'zod';
import { awsTagValue } from './aws-names';

/** Fields shared by several families: identity, state, ownership. */

export const accountId = z
  .string()
  .regex(/^\d{12}$/, 'must be a 12-digit AWS account id in quotes, e.g. "123456789012"');

export const stateSchema = z.strictObject({
  bucket: z
    .string()
    .regex(
      /^(?!xn--)(?!.*\.\.)[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/,
      'must be a valid S3 bucket name: 3-63 lowercase letters, digits, dots and hyphens',
    )
    .meta({
      description:
        "S3 bucket that holds this environment's Terraform state (created by the bootstrap stack).",
      examples: ['acme-platform-dev-tfstate'],
    }),
  kmsAlias: z
    .string()
    .regex(
      /^alias\/(?!aws\/)[A-Za-z0-9/_-]{1,250}$/,
      'must be a KMS alias such as "alias/platform-tfstate" (not alias/aws/...)',
    )
    .meta({
      description:
        'Alias of the customer-managed KMS key that encrypts the state, e.g. "alias/platform-tfstate".',
      examples: ['alias/platform-tfstate'],
    }),
  bootstrapBackend: z.enum(['local', 's3']).default('local').meta({
    description:
      'Where the bootstrap stack keeps its own state: `local` until the bucket exists, then `s3` once its state has been migrated into the bucket it created.',
  }),
  /**
   * The account's break-glass administrator role: the only principal that administers the state
   * key (policy changes, deletion, disabling) and the role that applies the bootstrap stack.
   */
  administratorRoleArn: z
    .string()
    .regex(
      /^arn:aws(?:-cn|-us-gov)?:iam::\d{12}:role\/[A-Za-z0-9+=,.@_/-]{1,512}$/,
      'must be an IAM role ARN such as "arn:aws:iam::111111111111:role/platform-admins"',
    )
    .meta({
      description:
        "IAM role ARN of the account's break-glass administrator: the only principal that may change or delete the state key, and the role that applies the bootstrap stack (KMS refuses a key policy that locks out the principal applying it).",
    }),
});

export const githubSchema = z.strictObject({
  repository: z
    .string()
    .regex(
      /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,37}[A-Za-z0-9])?\/[A-Za-z0-9._-]{1,100}$/,
      'must be "owner/name" (a GitHub owner of 1-39 letters, digits or hyphens; a name of up to 100 characters), e.g. "acme/platform"',
    )
    .meta({
      description: 'The repository that deploys this environment, as "owner/name".',
      examples: ['acme/platform'],
    }),
  deployEnvironment: z
    .string()
    .regex(/^[A-Za-z0-9._-]+$/, 'must be a GitHub environment name: letters, digits, . _ -')
    .max(255, 'GitHub environment names are at most 255 characters')
    .optional()
    .meta({
      description:
        "The GitHub environment whose jobs may assume the deploy role. Default: the environment's name",
    }),
  mainBranch: z
    .string()
    .regex(/^[A-Za-z0-9._/-]+$/)
    .default('main')
    .meta({
      description:
        'The branch whose workflows may assume the plan role besides pull requests. Default: "main"',
    }),
  /**
   * Which OIDC subjects the CI roles trust. `default-and-workflow` while the repository still
   * issues GitHub's default subject; `workflow` once its subject template includes
   * `job_workflow_ref` (see README, State and credentials). @default "default-and-workflow"
   */
  oidcSubjects: z.enum(['default-and-workflow', 'workflow']).default('default-and-workflow').meta({
    description:
      'OIDC subjects the CI roles trust: "default-and-workflow" accepts GitHub\'s default subject and the workflow-bound one (repo, context, job_workflow_ref) during the switch of the repository\'s subject template; "workflow" accepts only the workflow-bound subject, so only the named workflow files on the main branch can plan from main or deploy.',
  }),
});

export const tagsSchema = z.strictObject({
  owner: awsTagValue.meta({
    description: "Team that owns the environment's resources: the Owner tag on every resource.",
    examples: ['platform-team'],
  }),
  costCenter: awsTagValue.meta({
    description: 'Cost centre billed for the environment: the CostCenter tag on every resource.',
    examples: ['cc-1234'],
  }),
});

const emailSubscription = z.strictObject({
  protocol: z
    .literal('email')
    .meta({ description: 'Alarms arrive as email (the address confirms the subscription once).' }),
  endpoint: z.email('must be an email address').meta({
    description: 'The address that receives alarms.',
    examples: ['platform-oncall@example.com'],
  }),
});
const httpsSubscription = z.strictObject({
  protocol: z.literal('https').meta({
    description: 'Alarms are POSTed to an HTTPS endpoint (which confirms the subscription once).',
  }),
  endpoint: z.url({ protocol: /^https$/, error: 'must be an https:// URL' }).meta({
    description: "The HTTPS endpoint (e.g. an incident tool's webhook) that receives alarms.",
    examples: ['https://events.example.com/integrations/alarms'],
  }),
});

export const alertingSchema = z.strictObject({
  subscriptions: z
    .array(z.discriminatedUnion('protocol', [emailSubscription, httpsSubscription]))
    .meta({ description: 'Who is told when an alarm fires.' }),
});

export type StateConfig = z.infer<typeof stateSchema>;
export type GithubConfig = z.infer<typeof githubSchema>;
export type AlertingConfig = z.infer<typeof alertingSchema>;
