import { z } from 'zod';
import { RULE_PRIORITY_MAX } from '../ecs-naming';
import { dnsName } from './aws-names';

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

/**
 * Ports the sidecars of an ecs task listen on (the task's containers share one network
 * namespace, so the service's own port must differ): port → who.
 */
export const SIDECAR_PORTS: Readonly<Record<number, string>> = {
  2000: 'the OpenTelemetry collector (X-Ray UDP)',
  2772: 'the AppConfig agent',
  4317: 'the OpenTelemetry collector (OTLP gRPC)',
  4318: 'the OpenTelemetry collector (OTLP HTTP)',
  8125: 'the OpenTelemetry collector (StatsD)',
  13133: 'the OpenTelemetry collector (health check)',
};

/** App Runner's instance limits per service. */
export const APP_RUNNER_MAX_INSTANCES = 25;

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
    /^arn:aws(?:-cn|-us-gov)?:(ssm:[a-z0-9-]+:\d{12}:parameter\/[A-Za-z0-9_./-]+|secretsmanager:[a-z0-9-]+:\d{12}:secret:[A-Za-z0-9/_+=.@-]+)$/,
    'must be the ARN of an SSM parameter (arn:aws:ssm:<region>:<account>:parameter/...) or a Secrets Manager secret (arn:aws:secretsmanager:<region>:<account>:secret:...), never a plain value',
  );

const rolling = z.strictObject({
  strategy: z.literal('rolling').meta({
    description:
      "Replace tasks in place; the circuit breaker and the service's alarms roll a bad deployment back.",
  }),
});

const blueGreen = z.strictObject({
  strategy: z.literal('blue-green').meta({
    description:
      'CodeDeploy starts a green task set beside the blue one and shifts traffic between two target groups.',
  }),
  trafficShifting: z.enum(TRAFFIC_SHIFTS).meta({
    description:
      'How traffic moves: all at once, 10 % then the rest after 5 minutes (canary), or 10 % a minute (linear).',
  }),
  terminateBlueAfterMinutes: z
    .number()
    .int()
    .min(0)
    .max(2880, 'must be 0 to 2880 minutes (two days)')
    .default(5)
    .meta({
      description: 'Minutes the blue tasks keep running after the shift, for an instant rollback.',
    }),
});

/** Where a service's code is pulled from: a GitHub/GitLab/Bitbucket repository through a CodeStar connection, or CodeCommit. */
export const SOURCE_PROVIDERS = ['codestar-connection', 'codecommit'] as const;

const sourceSchema = z.strictObject({
  provider: z.enum(SOURCE_PROVIDERS).default('codestar-connection').meta({
    description:
      'How the pipeline reaches the repository. Default: "codestar-connection" (the connection ARN is in the delivery section)',
  }),
  repository: z
    .string()
    .regex(
      /^[A-Za-z0-9_.-]+(?:\/[A-Za-z0-9_.-]+)?$/,
      'must be "owner/name" (connection) or a CodeCommit repository name',
    )
    .meta({
      description: '"owner/name" through a connection, or the CodeCommit repository name.',
      examples: ['acme/web'],
    }),
  branch: z
    .string()
    .regex(/^[A-Za-z0-9._/-]{1,100}$/, 'must be a Git branch name')
    .default('main')
    .meta({ description: 'Branch whose commits are released. Default: "main"' }),
});

export const serviceSchema = z.strictObject({
  name: z
    .string()
    .regex(
      /^[a-z](?:[a-z0-9-]{0,11}[a-z0-9])?$/,
      'must be 1-13 lowercase letters, digits or hyphens, starting with a letter',
    )
    .meta({
      description:
        'Service name, 1-13 lowercase letters, digits or hyphens: used in every resource name of the service.',
      examples: ['web'],
    }),
  repository: z
    .string()
    .regex(
      /^[a-z0-9]+(?:[._-][a-z0-9]+)*(?:\/[a-z0-9]+(?:[._-][a-z0-9]+)*)*$/,
      'must be an ECR repository name: lowercase letters, digits, . _ - and /',
    )
    .min(2, 'ECR repository names are 2-256 characters')
    .max(256, 'ECR repository names are 2-256 characters')
    .meta({
      description:
        'The ECR repository (in this environment\'s account) the image comes from, e.g. "web".',
      examples: ['web', 'team/api'],
    }),
  port: z
    .number()
    .int()
    .min(1024, 'must be 1024 to 65535: the container runs as non-root')
    .max(65535)
    .meta({ description: 'Port the container listens on.', examples: [8080] }),
  healthCheckPath: z
    .string()
    .regex(/^\/[A-Za-z0-9._~/-]*$/, 'must be a path starting with "/"')
    .max(1024, 'ALB health-check paths are at most 1024 characters')
    .meta({
      description: 'Path the load balancer (or App Runner) probes, e.g. /healthz.',
      examples: ['/healthz'],
    }),
  route: z
    .strictObject({
      host: dnsName('www.dev.example.com')
        .max(128, 'ALB host-header conditions are at most 128 characters')
        .optional()
        .meta({
          description:
            "Host header, inside the environment's hosted zone, e.g. www.dev.example.com.",
          examples: ['www.dev.example.com'],
        }),
      path: z
        .string()
        .regex(/^\/[A-Za-z0-9._~/*?-]*$/, 'must be a path pattern starting with "/"')
        .max(128, 'ALB path patterns are at most 128 characters')
        .optional()
        .meta({ description: 'Path pattern, e.g. /api/*.', examples: ['/api/*'] }),
      priority: z
        .number()
        .int('must be a whole number')
        .min(1, 'ALB listener-rule priorities are 1 to 50000')
        .max(RULE_PRIORITY_MAX, 'ALB listener-rule priorities are 1 to 50000')
        .optional()
        .meta({
          description:
            'Listener-rule priority (1 to 50000, lower is evaluated first). @default derived from the service name (1000 to 49999), so adding or removing a service renumbers no other rule; set it when two names derive the same one, or to order overlapping routes.',
          examples: [900],
        }),
    })
    .optional()
    .meta({
      description:
        'What reaches the service through the ALB: a host, a path pattern, or both. Required for the ecs runtime.',
    }),
  cpu: z
    .number()
    .int()
    .meta({ description: 'CPU units of the task (256 = 0.25 vCPU).', examples: [512] }),
  memoryMiB: z
    .number()
    .int()
    .meta({
      description:
        'Memory of the task in MiB; must pair with cpu as Fargate (or App Runner) allows.',
      examples: [1024],
    }),
  tasks: z
    .strictObject({
      desired: z.number().int().min(0).meta({ description: 'Tasks started at first deployment.' }),
      min: z.number().int().min(0).meta({ description: 'Autoscaling floor.' }),
      max: z.number().int().min(1).meta({ description: 'Autoscaling ceiling.' }),
    })
    .meta({ description: 'How many tasks run.' }),
  autoscaling: z
    .strictObject({
      cpuPercent: percent.meta({ description: 'Average CPU utilisation to hold, in percent.' }),
      memoryPercent: percent.meta({
        description: 'Average memory utilisation to hold, in percent.',
      }),
      requestsPerTarget: z.number().int().min(1).optional().meta({
        description:
          'ALB requests per task to hold; rolling services only (blue/green swaps target groups). Default: no request-count scaling',
      }),
      scaleOutCooldownSeconds: z
        .number()
        .int()
        .min(0)
        .max(3600, 'must be 0 to 3600 seconds')
        .optional()
        .meta({
          description: 'Seconds after a scale-out before the next one (ecs runtime). Default: 60',
        }),
      scaleInCooldownSeconds: z
        .number()
        .int()
        .min(0)
        .max(3600, 'must be 0 to 3600 seconds')
        .optional()
        .meta({
          description: 'Seconds after a scale-in before the next one (ecs runtime). Default: 120',
        }),
    })
    .meta({ description: 'Target-tracking autoscaling targets.' }),
  healthCheck: z
    .strictObject({
      intervalSeconds: z
        .number()
        .int()
        .min(5, 'must be 5 to 300 seconds')
        .max(300, 'must be 5 to 300 seconds')
        .optional()
        .meta({ description: 'Seconds between two health checks of a task. Default: 15' }),
      timeoutSeconds: z
        .number()
        .int()
        .min(2, 'must be 2 to 120 seconds')
        .max(120, 'must be 2 to 120 seconds')
        .optional()
        .meta({
          description: 'Seconds a health check may take; shorter than intervalSeconds. Default: 5',
        }),
      healthyThreshold: z
        .number()
        .int()
        .min(2, 'must be 2 to 10 checks')
        .max(10, 'must be 2 to 10 checks')
        .optional()
        .meta({ description: 'Checks passed in a row before a task gets traffic. Default: 2' }),
      unhealthyThreshold: z
        .number()
        .int()
        .min(2, 'must be 2 to 10 checks')
        .max(10, 'must be 2 to 10 checks')
        .optional()
        .meta({ description: 'Checks failed in a row before a task is replaced. Default: 3' }),
      gracePeriodSeconds: z
        .number()
        .int()
        .min(0)
        .max(3600, 'must be 0 to 3600 seconds')
        .optional()
        .meta({
          description: 'Seconds ECS ignores failed health checks of a starting task. Default: 60',
        }),
    })
    .optional()
    .meta({
      description:
        'How the load balancer judges the tasks (ecs runtime). Default: a check every 15 s with a 5 s timeout, traffic after 2 passes, replaced after 3 failures, 60 s grace for a starting task',
    }),
  deregistrationDelaySeconds: z
    .number()
    .int()
    .min(0)
    .max(3600, 'must be 0 to 3600 seconds')
    .optional()
    .meta({
      description:
        'Seconds the load balancer lets a stopping task finish its requests (ecs runtime). Default: 30',
    }),
  alarms: z
    .strictObject({
      errorRatePercent: z
        .number()
        .gt(0, 'must be more than 0 (percent)')
        .max(100, 'must be at most 100 (percent)')
        .optional()
        .meta({
          description: 'Percent of requests answered 5xx by the tasks that alarms. Default: 5',
        }),
      p99LatencySeconds: z
        .number()
        .gt(0, 'must be more than 0 seconds')
        .optional()
        .meta({ description: 'p99 target response time, in seconds, that alarms. Default: 2' }),
      cpuPercent: z
        .number()
        .gt(0, 'must be more than 0 (percent)')
        .max(100, 'must be at most 100 (percent)')
        .optional()
        .meta({ description: 'Average CPU utilisation, in percent, that alarms. Default: 90' }),
      memoryPercent: z
        .number()
        .gt(0, 'must be more than 0 (percent)')
        .max(100, 'must be at most 100 (percent)')
        .optional()
        .meta({
          description: 'Average memory utilisation, in percent, that alarms. Default: 90',
        }),
    })
    .optional()
    .meta({
      description:
        "Thresholds of the service's alarms (ecs runtime); deployments roll back on the 5xx rate and latency alarms. Default: 5 % errors, 2 s p99, 90 % CPU, 90 % memory",
    }),
  secrets: z
    .record(
      z
        .string()
        .regex(/^[A-Z_][A-Z0-9_]*$/, 'must be an environment variable name in UPPER_SNAKE_CASE'),
      secretArn,
    )
    .default({})
    .meta({
      description:
        'Environment variables read from secrets at task start: NAME → SSM parameter or Secrets Manager ARN.',
      examples: [
        { DATABASE_URL: 'arn:aws:ssm:eu-west-1:111111111111:parameter/dev/api/database-url' },
      ],
    }),
  source: sourceSchema.optional().meta({
    description:
      "The service's Git repository: the delivery family builds one release pipeline from it (dev → staging → approval → prod). Default: no pipeline (images are pushed by other means)",
  }),
  runtime: z.enum(SERVICE_RUNTIMES).default('ecs').meta({ description: 'Where the service runs.' }),
  deployment: z
    .discriminatedUnion('strategy', [rolling, blueGreen])
    .meta({ description: 'How a new version reaches traffic.' }),
  appConfig: z
    .strictObject({
      application: z
        .string()
        .regex(/^[A-Za-z0-9_.-]{1,64}$/)
        .optional()
        .meta({ description: 'AppConfig application name. Default: the service name' }),
      environment: z
        .string()
        .regex(/^[A-Za-z0-9_.-]{1,64}$/)
        .optional()
        .meta({ description: 'AppConfig environment name. Default: the environment name' }),
      profile: z
        .string()
        .regex(/^[A-Za-z0-9_.-]{1,64}$/)
        .default('feature-flags')
        .meta({ description: 'Configuration profile name. Default: "feature-flags"' }),
      flags: z
        .record(
          z
            .string()
            .regex(
              /^[A-Za-z][A-Za-z0-9_-]{0,63}$/,
              'must be a flag name: a letter, then up to 63 letters, digits, _ or -',
            ),
          z.strictObject({
            enabled: z
              .boolean({ error: 'must be true or false' })
              .meta({ description: 'Whether the flag is on.' }),
            description: z
              .string()
              .max(1024, 'must be at most 1024 characters')
              .optional()
              .meta({ description: 'What the flag turns on, shown in the AppConfig console.' }),
          }),
        )
        .default({})
        .meta({
          description:
            'The initial feature flags (flag name → state), deployed as the first version of the profile; later changes are made in AppConfig. Default: no flags',
        }),
    })
    .optional()
    .meta({
      description:
        'Run the AppConfig agent sidecar (feature flags at http://localhost:2772). Names default to application = the service, environment = the environment, profile = feature-flags. Default: no AppConfig agent',
    }),
});

export const servicesSchema = z.array(serviceSchema);

export type ServiceConfig = z.infer<typeof serviceSchema>;
