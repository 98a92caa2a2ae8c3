import { EcsTaskDefinition } from '@cdktf/provider-aws/lib/ecs-task-definition';
import type { IamRole } from '@cdktf/provider-aws/lib/iam-role';
import type { AppConfigNames } from '@platform/config';
import { Construct } from 'constructs';

/** The sidecar images: pinned versions, pulled from the AWS public gallery. */
export const SIDECAR_IMAGES = {
  otelCollector: 'public.ecr.aws/aws-observability/aws-otel-collector:v0.47.0',
  appConfigAgent: 'public.ecr.aws/aws-appconfig/aws-appconfig-agent:2.x',
} as const;

/** The user every container runs as: never root. */
export const CONTAINER_USER = '1000:1000';

/**
 * The writable paths of the application container; everything else is read-only. The ECS
 * Exec (SSM) agent writes under /var/lib/amazon and /var/log/amazon.
 */
export const WRITABLE_PATHS = {
  tmp: '/tmp',
  'exec-agent-state': '/var/lib/amazon',
  'exec-agent-logs': '/var/log/amazon',
} as const;

/** Props of {@link ServiceTaskDefinition}. */
export interface ServiceTaskDefinitionProps {
  /** Task family, e.g. dev-web. */
  readonly family: string;
  /** Name of the application container, e.g. web (the deploy pipeline and the AppSpec name it). */
  readonly containerName: string;
  /** The service's name: what its traces are reported as (OTEL_SERVICE_NAME). */
  readonly serviceName: string;
  /** Port the application listens on. */
  readonly port: number;
  /** CPU units of the task (a size Fargate accepts, e.g. 512). */
  readonly cpu: number;
  /** Memory of the task in MiB (paired with cpu as Fargate allows, e.g. 1024). */
  readonly memoryMiB: number;
  /**
   * Environment variables read from secrets at task start: name → SSM parameter or Secrets
   * Manager ARN (the execution role must be granted them).
   * @default none
   */
  readonly secrets?: Readonly<Record<string, string>>;
  /** Full image reference of the application container. */
  readonly image: string;
  /** The region (log driver, agents). */
  readonly region: string;
  /** Log group of every container of the task. */
  readonly logGroupName: string;
  /** Role the ECS agent uses: pull, logs, secrets. */
  readonly executionRole: IamRole;
  /** Role the application uses. */
  readonly taskRole: IamRole;
  /**
   * AppConfig names the agent sidecar prefetches.
   * @default no AppConfig agent
   */
  readonly appConfig?: AppConfigNames;
}

interface Container {
  readonly [key: string]: unknown;
}

/**
 * A Fargate task: the application container hardened (read-only root filesystem with named
 * writable volumes, non-root, not privileged, all capabilities dropped, init process for ECS
 * Exec), an OpenTelemetry collector sidecar sending traces to X-Ray, and the AppConfig agent
 * sidecar when asked. Every container logs to the service's encrypted log group.
 */
export class ServiceTaskDefinition extends Construct {
  /** The task definition. */
  readonly taskDefinition: EcsTaskDefinition;
  /** Name of the application container (the load balancer's target). */
  readonly containerName: string;

  constructor(scope: Construct, id: string, props: ServiceTaskDefinitionProps) {
    super(scope, id);
    this.containerName = props.containerName;
    const logs = (prefix: string) => ({
      logDriver: 'awslogs',
      options: {
        'awslogs-group': props.logGroupName,
        'awslogs-region': props.region,
        'awslogs-stream-prefix': prefix,
      },
    });
    const hardened = {
      user: CONTAINER_USER,
      readonlyRootFilesystem: true,
      privileged: false,
      linuxParameters: { initProcessEnabled: true, capabilities: { drop: ['ALL'] } },
    };
    const app: Container = {
      name: props.containerName,
      image: props.image,
      essential: true,
      ...hardened,
      portMappings: [{ containerPort: props.port, protocol: 'tcp', name: 'http' }],
      mountPoints: Object.entries(WRITABLE_PATHS).map(([volume, path]) => ({
        sourceVolume: volume,
        containerPath: path,
        readOnly: false,
      })),
      environment: [
        { name: 'OTEL_EXPORTER_OTLP_ENDPOINT', value: 'http://localhost:4317' },
        { name: 'OTEL_SERVICE_NAME', value: props.serviceName },
        { name: 'OTEL_PROPAGATORS', value: 'xray,tracecontext' },
        ...(props.appConfig
          ? [
              {
                name: 'APPCONFIG_AGENT_URL',
                value: `http://localhost:2772/applications/${props.appConfig.application}/environments/${props.appConfig.environment}/configurations/${props.appConfig.profile}`,
              },
            ]
          : []),
      ],
      secrets: Object.entries(props.secrets ?? {})
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([name, valueFrom]) => ({ name, valueFrom })),
      logConfiguration: logs('app'),
      dependsOn: [{ containerName: 'otel-collector', condition: 'START' }],
    };
    const collector: Container = {
      name: 'otel-collector',
      image: SIDECAR_IMAGES.otelCollector,
      essential: false,
      ...hardened,
      command: ['--config=/etc/ecs/ecs-default-config.yaml'],
      environment: [{ name: 'AWS_REGION', value: props.region }],
      logConfiguration: logs('otel'),
    };
    const agent: Container | undefined = props.appConfig && {
      name: 'appconfig-agent',
      image: SIDECAR_IMAGES.appConfigAgent,
      essential: false,
      ...hardened,
      portMappings: [{ containerPort: 2772, protocol: 'tcp' }],
      mountPoints: [{ sourceVolume: 'appconfig-cache', containerPath: '/tmp', readOnly: false }],
      environment: [
        { name: 'SERVICE_REGION', value: props.region },
        {
          name: 'PREFETCH_LIST',
          value: `/applications/${props.appConfig.application}/environments/${props.appConfig.environment}/configurations/${props.appConfig.profile}`,
        },
      ],
      logConfiguration: logs('appconfig'),
    };

    this.taskDefinition = new EcsTaskDefinition(this, 'task-definition', {
      family: props.family,
      requiresCompatibilities: ['FARGATE'],
      networkMode: 'awsvpc',
      cpu: String(props.cpu),
      memory: String(props.memoryMiB),
      runtimePlatform: { operatingSystemFamily: 'LINUX', cpuArchitecture: 'X86_64' },
      executionRoleArn: props.executionRole.arn,
      taskRoleArn: props.taskRole.arn,
      containerDefinitions: JSON.stringify([app, collector, ...(agent ? [agent] : [])]),
      volume: [...Object.keys(WRITABLE_PATHS), ...(agent ? ['appconfig-cache'] : [])].map(
        (name) => ({ name }),
      ),
    });
  }
}
