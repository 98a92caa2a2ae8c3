import { z } from 'zod';

/**
 * The task sizes Fargate accepts: CPU units → memory in MiB. Fargate rejects any other pair
 * at deploy time; we reject it at load, naming the field.
 */
export const FARGATE_TASK_SIZES: Readonly<Record<number, readonly number[]>> = {
  256: [512, 1024, 2048],
  512: [1024, 2048, 3072, 4096],
  1024: range(2048, 8192, 1024),
  2048: range(4096, 16384, 1024),
  4096: range(8192, 30720, 1024),
  8192: range(16384, 61440, 4096),
  16384: range(32768, 122880, 8192),
};

/** The instance sizes App Runner accepts: CPU units → memory in MiB. */
export const APP_RUNNER_INSTANCE_SIZES: Readonly<Record<number, readonly number[]>> = {
  256: [512, 1024],
  512: [1024],
  1024: [2048, 3072, 4096],
  2048: [4096, 6144],
  4096: [8192, 10240, 12288],
};

function range(from: number, to: number, step: number): number[] {
  const values: number[] = [];
  for (let v = from; v <= to; v += step) values.push(v);
  return values;
}

/** Where a service runs: ECS on Fargate behind the ALB, or App Runner for accounts that already use it. */
export const SERVICE_RUNTIMES = ['ecs', 'app-runner'] as const;

/** How blue/green moves traffic to the new tasks: CodeDeploy's predefined ECS configurations. */
export const TRAFFIC_SHIFTS = ['all-at-once', 'canary', 'linear'] as const;

/** The CodeDeploy predefined deployment configuration of each traffic shift. */
export const CODEDEPLOY_CONFIGS: Readonly<Record<(typeof TRAFFIC_SHIFTS)[number], string>> = {
  'all-at-once': 'CodeDeployDefault.ECSAllAtOnce',
  canary: 'CodeDeployDefault.ECSCanary10Percent5Minutes',
  linear: 'CodeDeployDefault.ECSLinear10PercentEvery1Minutes',
};

const percent = z
  .number()
  .int()
  .min(10, 'must be 10 to 90 (percent)')
  .max(90, 'must be 10 to 90 (percent)');

/** A secret ARN: SSM Parameter Store or Secrets Manager, never a plain value. */
const secretArn = z
  .string()
  .regex(
    /^arn:aws:(ssm:[a-z0-9-]+:\d{12}:parameter\/[A-Za-z0-9_./-]+|secretsmanager:[a-z0-9-]+:\d{12}:secret:[A-Za-z0-9/_+=.@-]+)$/,
    'must be the ARN of an SSM parameter (arn:aws:ssm:<region>:<account>:parameter/...) or a Secrets Manager secret (arn:aws:secretsmanager:<region>:<account>:secret:...), never a plain value',
  );

const rolling = z.strictObject({
  /** Replace tasks in place; the circuit breaker and the service's alarms roll a bad deployment back. */
  strategy: z.literal('rolling'),
});

const blueGreen = z.strictObject({
  /** CodeDeploy starts a green task set beside the blue one and shifts traffic between two target groups. */
  strategy: z.literal('blue-green'),
  /** How traffic moves: all at once, 10 % then the rest after 5 minutes (canary), or 10 % a minute (linear). */
  trafficShifting: z.enum(TRAFFIC_SHIFTS),
  /** Minutes the blue tasks keep running after the shift, for an instant rollback. */
  terminateBlueAfterMinutes: z
    .number()
    .int()
    .min(0)
    .max(2880, 'must be 0 to 2880 minutes (two days)')
    .default(5),
});

/** Where a service's code is pulled from: a GitHub/GitLab/Bitbucket repository through a CodeStar connection, or CodeCommit. */
export const SOURCE_PROVIDERS = ['codestar-connection', 'codecommit'] as const;

const sourceSchema = z.strictObject({
  /** How the pipeline reaches the repository. @default "codestar-connection" (the connection ARN is in the delivery section) */
  provider: z.enum(SOURCE_PROVIDERS).default('codestar-connection'),
  /** "owner/name" through a connection, or the CodeCommit repository name. */
  repository: z
    .string()
    .regex(
      /^[A-Za-z0-9_.-]+(?:\/[A-Za-z0-9_.-]+)?$/,
      'must be "owner/name" (connection) or a CodeCommit repository name',
    ),
  /** Branch whose commits are released. @default "main" */
  branch: z
    .string()
    .regex(/^[A-Za-z0-9._/-]{1,100}$/, 'must be a Git branch name')
    .default('main'),
});

export const serviceSchema = z.strictObject({
  /** Service name, 1-13 lowercase letters, digits or hyphens: used in every resource name of the service. */
  name: z
    .string()
    .regex(
      /^[a-z](?:[a-z0-9-]{0,11}[a-z0-9])?$/,
      'must be 1-13 lowercase letters, digits or hyphens, starting with a letter',
    ),
  /** The ECR repository (in this environment's account) the image comes from, e.g. "web". */
  repository: z
    .string()
    .regex(
      /^[a-z0-9]+(?:[._-][a-z0-9]+)*(?:\/[a-z0-9]+(?:[._-][a-z0-9]+)*)*$/,
      'must be an ECR repository name: lowercase letters, digits, . _ - and /',
    ),
  /** Port the container listens on. */
  port: z
    .number()
    .int()
    .min(1024, 'must be 1024 to 65535: the container runs as non-root')
    .max(65535),
  /** Path the load balancer (or App Runner) probes, e.g. /healthz. */
  healthCheckPath: z.string().regex(/^\/[A-Za-z0-9._~/-]*$/, 'must be a path starting with "/"'),
  /** What reaches the service through the ALB: a host, a path pattern, or both. Required for the ecs runtime. */
  route: z
    .strictObject({
      /** Host header, inside the environment's hosted zone, e.g. www.dev.example.com. */
      host: z
        .string()
        .regex(
          /^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+$/,
          'must be a lowercase DNS name',
        )
        .optional(),
      /** Path pattern, e.g. /api/*. */
      path: z
        .string()
        .regex(/^\/[A-Za-z0-9._~/*?-]*$/, 'must be a path pattern starting with "/"')
        .optional(),
    })
    .optional(),
  /** CPU units of the task (256 = 0.25 vCPU). */
  cpu: z.number().int(),
  /** Memory of the task in MiB; must pair with cpu as Fargate (or App Runner) allows. */
  memoryMiB: z.number().int(),
  /** How many tasks run. */
  tasks: z.strictObject({
    /** Tasks started at first deployment. */
    desired: z.number().int().min(0),
    /** Autoscaling floor. */
    min: z.number().int().min(0),
    /** Autoscaling ceiling. */
    max: z.number().int().min(1),
  }),
  /** Target-tracking autoscaling targets. */
  autoscaling: z.strictObject({
    /** Average CPU utilisation to hold, in percent. */
    cpuPercent: percent,
    /** Average memory utilisation to hold, in percent. */
    memoryPercent: percent,
    /** ALB requests per task to hold; rolling services only (blue/green swaps target groups). @default no request-count scaling */
    requestsPerTarget: z.number().int().min(1).optional(),
  }),
  /** Environment variables read from secrets at task start: NAME → SSM parameter or Secrets Manager ARN. */
  secrets: z
    .record(
      z
        .string()
        .regex(/^[A-Z_][A-Z0-9_]*$/, 'must be an environment variable name in UPPER_SNAKE_CASE'),
      secretArn,
    )
    .default({}),
  /**
   * The service's Git repository: the delivery family builds one release pipeline from it
   * (dev → staging → approval → prod). @default no pipeline (images are pushed by other means)
   */
  source: sourceSchema.optional(),
  /** Where the service runs. */
  runtime: z.enum(SERVICE_RUNTIMES).default('ecs'),
  /** How a new version reaches traffic. */
  deployment: z.discriminatedUnion('strategy', [rolling, blueGreen]),
  /**
   * Run the AppConfig agent sidecar (feature flags at http://localhost:2772). Names default to
   * application = the service, environment = the environment, profile = feature-flags.
   * @default no AppConfig agent
   */
  appConfig: z
    .strictObject({
      /** AppConfig application name. @default the service name */
      application: z
        .string()
        .regex(/^[A-Za-z0-9_.-]{1,64}$/)
        .optional(),
      /** AppConfig environment name. @default the environment name */
      environment: z
        .string()
        .regex(/^[A-Za-z0-9_.-]{1,64}$/)
        .optional(),
      /** Configuration profile name. @default "feature-flags" */
      profile: z
        .string()
        .regex(/^[A-Za-z0-9_.-]{1,64}$/)
        .default('feature-flags'),
      /**
       * The initial feature flags (flag name → state), deployed as the first version of the
       * profile; later changes are made in AppConfig. @default no flags
       */
      flags: z
        .record(
          z
            .string()
            .regex(
              /^[A-Za-z][A-Za-z0-9_-]{0,63}$/,
              'must be a flag name: a letter, then up to 63 letters, digits, _ or -',
            ),
          z.strictObject({
            /** Whether the flag is on. */
            enabled: z.boolean({ error: 'must be true or false' }),
            /** What the flag turns on, shown in the AppConfig console. */
            description: z.string().max(1024, 'must be at most 1024 characters').optional(),
          }),
        )
        .default({}),
    })
    .optional(),
});

export const servicesSchema = z.array(serviceSchema);

export type ServiceConfig = z.infer<typeof serviceSchema>;
