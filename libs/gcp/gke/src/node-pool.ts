import { ContainerNodePool } from '@cdktf/provider-google/lib/container-node-pool';
import type { ITerraformDependable } from 'cdktf';
import { Construct } from 'constructs';
import { assertValid, GKE_NAME } from './validation';

/**
 * Machine families the platform runs nodes on: x86 general-purpose and compute-optimized
 * families that COS_CONTAINERD supports and our (amd64) images run on. Arm families (t2a, c4a)
 * are left out until images are built multi-arch; GPU and memory-optimized families need a
 * decision of their own.
 */
export const MACHINE_FAMILIES = ['e2', 'n2', 'n2d', 'n4', 'c3', 'c3d', 't2d'] as const;

/** `<family>-<standard|highmem|highcpu>-<vCPUs>`, e2's shared-core sizes, or a custom shape. */
const MACHINE_TYPE = new RegExp(
  `^(${MACHINE_FAMILIES.join('|')})-(?:(?:standard|highmem|highcpu)-\\d{1,3}|custom-\\d{1,3}-\\d{3,7})$|^e2-(?:micro|small|medium)$`,
);

/** Kubernetes taint effects as GKE spells them. */
export const TAINT_EFFECTS = ['NO_SCHEDULE', 'PREFER_NO_SCHEDULE', 'NO_EXECUTE'] as const;

/** A Kubernetes taint on every node of a pool. */
export interface NodeTaint {
  /** Taint key, e.g. workload. */
  readonly key: string;
  /** Taint value, e.g. batch. */
  readonly value: string;
  /** What the taint does to pods that do not tolerate it. */
  readonly effect: (typeof TAINT_EFFECTS)[number];
}

/** The scope nodes get: IAM on the node service account decides what they can do. */
export const CLOUD_PLATFORM_SCOPE = 'https://www.googleapis.com/auth/cloud-platform';

/** Props of {@link GkeNodePool}. */
export interface GkeNodePoolProps {
  /** Node pool name, 1–40 lowercase letters, digits or hyphens, e.g. system. */
  readonly name: string;
  /** Id of the cluster (`projects/<p>/locations/<l>/clusters/<name>`, a reference). */
  readonly clusterId: string;
  /** Project of the cluster. */
  readonly projectId: string;
  /** Region of the cluster. */
  readonly location: string;
  /** Machine type, one of the {@link MACHINE_FAMILIES}, e.g. e2-standard-4. */
  readonly machineType: string;
  /** Fewest nodes per zone the autoscaler keeps (0 lets a pool scale to nothing). */
  readonly minNodesPerZone: number;
  /** Most nodes per zone the autoscaler may add. */
  readonly maxNodesPerZone: number;
  /** Email of the node service account (a dedicated account, never the Compute default). */
  readonly serviceAccountEmail: string;
  /**
   * Boot disk size in GB.
   * @default 100
   */
  readonly diskSizeGb?: number;
  /**
   * Run on Spot VMs: much cheaper, preempted at any time; the autoscaler may then place nodes
   * in any zone with capacity (location policy ANY).
   * @default false: standard VMs, nodes balanced across zones
   */
  readonly spot?: boolean;
  /**
   * Kubernetes labels on every node.
   * @default none
   */
  readonly labels?: Readonly<Record<string, string>>;
  /**
   * Kubernetes taints on every node.
   * @default none: any pod may schedule here
   */
  readonly taints?: readonly NodeTaint[];
  /**
   * What must exist before nodes boot (the node account's grants).
   * @default none
   */
  readonly dependsOn?: ITerraformDependable[];
}

/**
 * A GKE node pool with our defaults: autoscaling between per-zone bounds, auto-upgrade and
 * auto-repair, Container-Optimized OS with containerd, Shielded VM secure boot and integrity
 * monitoring, the GKE metadata server (Workload Identity: pods never see the node's credentials),
 * legacy metadata endpoints off, a dedicated node service account with the cloud-platform scope
 * (IAM, not scopes, limits it), and surge upgrades that never take a node away before its
 * replacement is ready. Terraform ignores the initial node count after creation, so changing the
 * minimum never replaces the pool.
 */
export class GkeNodePool extends Construct {
  /** The node pool. */
  readonly nodePool: ContainerNodePool;

  constructor(scope: Construct, id: string, props: GkeNodePoolProps) {
    super(scope, id);
    const diskSizeGb = props.diskSizeGb ?? 100;
    const { minNodesPerZone: min, maxNodesPerZone: max } = props;
    const badEffects = (props.taints ?? []).filter(
      (t) => !(TAINT_EFFECTS as readonly string[]).includes(t.effect),
    );
    assertValid(this, [
      [
        !GKE_NAME.test(props.name),
        `name must be 1-40 lowercase letters, digits or hyphens, starting with a letter and not ending with a hyphen (got "${props.name}")`,
      ],
      [
        !MACHINE_TYPE.test(props.machineType),
        `machineType "${props.machineType}" is not allowed; use a ${MACHINE_FAMILIES.join(', ')} type such as e2-standard-4, n2-highmem-8 or n2-custom-4-16384`,
      ],
      [
        !Number.isInteger(min) || !Number.isInteger(max) || min < 0 || max < 1 || min > max,
        `minNodesPerZone and maxNodesPerZone must be whole numbers with 0 <= min <= max and max >= 1 (got ${min}, ${max})`,
      ],
      [
        !Number.isInteger(diskSizeGb) || diskSizeGb < 10 || diskSizeGb > 65_536,
        `diskSizeGb must be a whole number from 10 to 65536 (got ${diskSizeGb})`,
      ],
      [
        badEffects.length > 0,
        `taint effect must be one of ${TAINT_EFFECTS.join(', ')} (got ${badEffects.map((t) => `"${t.effect}" on ${t.key}`).join(', ')})`,
      ],
      [
        props.serviceAccountEmail.endsWith('-compute@developer.gserviceaccount.com'),
        `serviceAccountEmail must be a dedicated node account, not the Compute Engine default account (got "${props.serviceAccountEmail}")`,
      ],
    ]);

    this.nodePool = new ContainerNodePool(this, 'node-pool', {
      name: props.name,
      cluster: props.clusterId,
      project: props.projectId,
      location: props.location,
      initialNodeCount: min,
      autoscaling: {
        minNodeCount: min,
        maxNodeCount: max,
        locationPolicy: props.spot ? 'ANY' : 'BALANCED',
      },
      management: { autoUpgrade: true, autoRepair: true },
      upgradeSettings: { strategy: 'SURGE', maxSurge: 1, maxUnavailable: 0 },
      nodeConfig: {
        machineType: props.machineType,
        imageType: 'COS_CONTAINERD',
        diskSizeGb,
        diskType: 'pd-balanced',
        spot: props.spot ?? false,
        serviceAccount: props.serviceAccountEmail,
        oauthScopes: [CLOUD_PLATFORM_SCOPE],
        metadata: { 'disable-legacy-endpoints': 'true' },
        shieldedInstanceConfig: { enableSecureBoot: true, enableIntegrityMonitoring: true },
        workloadMetadataConfig: { mode: 'GKE_METADATA' },
        labels: props.labels ? { ...props.labels } : undefined,
        taint: props.taints?.map((t) => ({ key: t.key, value: t.value, effect: t.effect })),
      },
      dependsOn: props.dependsOn,
      lifecycle: { ignoreChanges: ['initial_node_count'] },
    });
  }
}
