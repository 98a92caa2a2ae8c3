import { ClouddeployDeliveryPipeline } from '@cdktf/provider-google/lib/clouddeploy-delivery-pipeline';
import { Construct } from 'constructs';
import { assertValid, type Check, cloudDeployIdProblem } from './validation';

/** Says what is wrong with canary percentages: whole numbers 1–99, strictly increasing. */
export function canaryPercentagesProblems(percentages: readonly number[]): Check[] {
  const outOfRange = percentages.filter((p) => !Number.isInteger(p) || p < 1 || p > 99);
  const increasing = percentages.every((p, i) => i === 0 || p > (percentages[i - 1] as number));
  const list = `[${percentages.join(', ')}]`;
  return [
    [percentages.length === 0, `canaryPercentages must list at least one phase, e.g. [10, 50]`],
    [
      outOfRange.length > 0,
      `canaryPercentages must be whole numbers from 1 to 99 (got ${list}; 100% is the stable phase Cloud Deploy adds itself)`,
    ],
    [!increasing, `canaryPercentages must be strictly increasing (got ${list})`],
  ];
}

/** Props of {@link ServiceDeliveryPipeline}. */
export interface ServiceDeliveryPipelineProps {
  /** Pipeline id, e.g. web (1–63 lowercase letters, digits, hyphens). */
  readonly pipelineId: string;
  /** Project of the pipelines. */
  readonly projectId: string;
  /** Region of the pipelines. */
  readonly region: string;
  /** Target ids in promotion order, e.g. [dev, staging, prod]: the last is production. */
  readonly targetIds: readonly string[];
  /** Traffic percentages of the canary phases on the last target, e.g. [10, 50]. */
  readonly canaryPercentages: readonly number[];
  /**
   * Run the skaffold verify container after each canary phase; a failed verification fails the
   * rollout.
   * @default false
   */
  readonly verifyCanary?: boolean;
  /**
   * Kubernetes Deployment the canary splits (service networking).
   * @default the pipeline id
   */
  readonly kubernetesDeployment?: string;
  /**
   * Kubernetes Service in front of that Deployment.
   * @default the pipeline id
   */
  readonly kubernetesService?: string;
  /**
   * Description shown in the console.
   * @default "Releases of <pipelineId>"
   */
  readonly description?: string;
}

/**
 * A Cloud Deploy delivery pipeline for one service: serial stages through the targets in
 * promotion order; the last (production) stage rolls out as a canary through the given traffic
 * percentages, using Kubernetes service networking (Cloud Deploy scales a canary Deployment
 * beside the stable one behind the same Service).
 */
export class ServiceDeliveryPipeline extends Construct {
  /** The pipeline. */
  readonly pipeline: ClouddeployDeliveryPipeline;

  constructor(scope: Construct, id: string, props: ServiceDeliveryPipelineProps) {
    super(scope, id);
    const targets = props.targetIds;
    const repeated = targets.filter((t, i) => targets.indexOf(t) !== i);
    assertValid(this, [
      cloudDeployIdProblem('pipelineId', props.pipelineId),
      [targets.length === 0, `targetIds must list at least one target`],
      [
        repeated.length > 0,
        `targetIds must not repeat a target (got ${[...new Set(repeated)].join(', ')} twice)`,
      ],
      ...canaryPercentagesProblems(props.canaryPercentages),
    ]);
    const last = targets.length - 1;
    this.pipeline = new ClouddeployDeliveryPipeline(this, 'pipeline', {
      name: props.pipelineId,
      project: props.projectId,
      location: props.region,
      description: props.description ?? `Releases of ${props.pipelineId}`,
      serialPipeline: {
        stages: targets.map((targetId, i) =>
          i === last
            ? {
                targetId,
                strategy: {
                  canary: {
                    runtimeConfig: {
                      kubernetes: {
                        serviceNetworking: {
                          deployment: props.kubernetesDeployment ?? props.pipelineId,
                          service: props.kubernetesService ?? props.pipelineId,
                        },
                      },
                    },
                    canaryDeployment: {
                      percentages: [...props.canaryPercentages],
                      verify: props.verifyCanary ?? false,
                    },
                  },
                },
              }
            : { targetId },
        ),
      },
    });
  }
}
