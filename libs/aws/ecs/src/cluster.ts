import { EcsCluster } from '@cdktf/provider-aws/lib/ecs-cluster';
import { EcsClusterCapacityProviders } from '@cdktf/provider-aws/lib/ecs-cluster-capacity-providers';
import { EncryptedLogGroup } from '@platform/aws-common';
import { Construct } from 'constructs';

/** Weight and base of one capacity provider. */
export interface CapacityShare {
  /** Relative share of tasks beyond the base. */
  readonly weight: number;
  /** Tasks placed here first. */
  readonly base: number;
}

/** Props of {@link FargateCluster}. */
export interface FargateClusterProps {
  /** Cluster name, e.g. dev. */
  readonly name: string;
  /** Customer-managed key: ECS Exec sessions and their log group. */
  readonly kmsKeyArn: string;
  /** Days ECS Exec session logs are kept. */
  readonly execLogRetentionDays: number;
  /** On-demand Fargate share. */
  readonly fargate: CapacityShare;
  /** Fargate Spot share. */
  readonly fargateSpot: CapacityShare;
}

/**
 * An ECS cluster for Fargate: Container Insights on, ECS Exec sessions encrypted with our key
 * and logged to an encrypted log group, and FARGATE / FARGATE_SPOT as capacity providers with
 * the default strategy from config.
 */
export class FargateCluster extends Construct {
  /** The cluster. */
  readonly cluster: EcsCluster;
  /** The ECS Exec log group. */
  readonly execLogGroup: EncryptedLogGroup;
  /** FARGATE and FARGATE_SPOT attached to the cluster: services that name them depend on it. */
  readonly capacityProviders: EcsClusterCapacityProviders;
  /** The default capacity-provider strategy, for services to repeat. */
  readonly strategy: readonly { capacityProvider: string; weight: number; base: number }[];

  constructor(scope: Construct, id: string, props: FargateClusterProps) {
    super(scope, id);
    if (props.fargate.base > 0 && props.fargateSpot.base > 0) {
      throw new Error(
        `${this.node.path}: only one capacity provider may have a base (fargate.base ${props.fargate.base}, fargateSpot.base ${props.fargateSpot.base})`,
      );
    }
    this.execLogGroup = new EncryptedLogGroup(this, 'exec-logs', {
      name: `/platform/${props.name}/ecs/exec`,
      retentionDays: props.execLogRetentionDays,
      kmsKeyArn: props.kmsKeyArn,
    });
    this.cluster = new EcsCluster(this, 'cluster', {
      name: props.name,
      setting: [{ name: 'containerInsights', value: 'enhanced' }],
      configuration: {
        executeCommandConfiguration: {
          kmsKeyId: props.kmsKeyArn,
          logging: 'OVERRIDE',
          logConfiguration: {
            cloudWatchLogGroupName: this.execLogGroup.group.name,
            cloudWatchEncryptionEnabled: true,
          },
        },
      },
    });
    this.strategy = [
      { capacityProvider: 'FARGATE', weight: props.fargate.weight, base: props.fargate.base },
      {
        capacityProvider: 'FARGATE_SPOT',
        weight: props.fargateSpot.weight,
        base: props.fargateSpot.base,
      },
    ];
    this.capacityProviders = new EcsClusterCapacityProviders(this, 'capacity-providers', {
      clusterName: this.cluster.name,
      capacityProviders: ['FARGATE', 'FARGATE_SPOT'],
      defaultCapacityProviderStrategy: this.strategy.map((s) => ({ ...s })),
    });
  }
}
