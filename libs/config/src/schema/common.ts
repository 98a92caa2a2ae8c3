import { z } from 'zod';

/** Fields shared by several families: identity, state, ownership. */

export const accountId = z
  .string()
  .regex(/^\d{12}$/, 'must be a 12-digit AWS account id in quotes, e.g. "123456789012"');

export const stateSchema = z.strictObject({
  /** S3 bucket that holds this environment's Terraform state (created by the bootstrap stack). */
  bucket: z
    .string()
    .regex(
      /^(?!xn--)(?!.*\.\.)[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/,
      'must be a valid S3 bucket name: 3-63 lowercase letters, digits, dots and hyphens',
    ),
  /** Alias of the customer-managed KMS key that encrypts the state, e.g. "alias/platform-tfstate". */
  kmsAlias: z
    .string()
    .regex(
      /^alias\/(?!aws\/)[A-Za-z0-9/_-]{1,250}$/,
      'must be a KMS alias such as "alias/platform-tfstate" (not alias/aws/...)',
    ),
  /**
   * Where the bootstrap stack keeps its own state: `local` until the bucket exists, then `s3`
   * once its state has been migrated into the bucket it created.
   */
  bootstrapBackend: z.enum(['local', 's3']).default('local'),
  /**
   * The account's break-glass administrator role: the only principal that administers the state
   * key (policy changes, deletion, disabling) and the role that applies the bootstrap stack.
   */
  administratorRoleArn: z
    .string()
    .regex(
      /^arn:aws:iam::\d{12}:role\/[A-Za-z0-9+=,.@_/-]{1,512}$/,
      'must be an IAM role ARN such as "arn:aws:iam::111111111111:role/platform-admins"',
    )
    .meta({
      description:
        "IAM role ARN of the account's break-glass administrator: the only principal that may change or delete the state key, and the role that applies the bootstrap stack (KMS refuses a key policy that locks out the principal applying it).",
    }),
});

export const githubSchema = z.strictObject({
  /** The repository that deploys this environment, as "owner/name". */
  repository: z
    .string()
    .regex(/^[A-Za-z0-9-]+\/[A-Za-z0-9._-]+$/, 'must be "owner/name", e.g. "acme/platform"'),
  /** The GitHub environment whose jobs may assume the deploy role. @default the environment's name */
  deployEnvironment: z
    .string()
    .regex(/^[A-Za-z0-9._-]+$/)
    .optional(),
  /** The branch whose workflows may assume the plan role besides pull requests. @default "main" */
  mainBranch: z
    .string()
    .regex(/^[A-Za-z0-9._/-]+$/)
    .default('main'),
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
  /** Team that owns the environment's resources. */
  owner: z.string().min(1),
  /** Cost centre billed for the environment. */
  costCenter: z.string().min(1),
});

const emailSubscription = z.strictObject({
  protocol: z.literal('email'),
  /** The address that receives alarms. */
  endpoint: z.email('must be an email address'),
});
const httpsSubscription = z.strictObject({
  protocol: z.literal('https'),
  /** The HTTPS endpoint (e.g. an incident tool's webhook) that receives alarms. */
  endpoint: z.url({ protocol: /^https$/, error: 'must be an https:// URL' }),
});

export const alertingSchema = z.strictObject({
  /** Who is told when an alarm fires. */
  subscriptions: z.array(z.discriminatedUnion('protocol', [emailSubscription, httpsSubscription])),
});

export type StateConfig = z.infer<typeof stateSchema>;
export type GithubConfig = z.infer<typeof githubSchema>;
export type AlertingConfig = z.infer<typeof alertingSchema>;
