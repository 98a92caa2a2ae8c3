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
