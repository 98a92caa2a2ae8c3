import { ComputeNetwork } from '@cdktf/provider-google/lib/compute-network';
import { ComputeRouter } from '@cdktf/provider-google/lib/compute-router';
import { ComputeRouterNat } from '@cdktf/provider-google/lib/compute-router-nat';
import { ComputeSubnetwork } from '@cdktf/provider-google/lib/compute-subnetwork';
import { ProjectService } from '@cdktf/provider-google/lib/project-service';
import { gcpSecondaryRangeName } from '@platform/config';
import { Construct } from 'constructs';
import { BaselineFirewall } from './firewall';
import { isCanonicalCidr, isInsideRange, planRanges, type RangeRequest } from './range-plan';

/** A secondary range of a subnet (GKE pods or services): a size carved from the network range, or a fixed CIDR. */
export interface GcpSecondaryRange {
  /** Name within the tier, e.g. `pods`; the range is named `<tier>-<name>`. */
  readonly name: string;
  /** Prefix length to carve from the network range (give this or `cidr`). */
  readonly prefixLength?: number;
  /** A fixed range, e.g. `10.64.0.0/14`; may lie outside the network range (give this or `prefixLength`). */
  readonly cidr?: string;
}

/** One subnet tier: one regional subnet. */
export interface GcpSubnetTier {
  /** Tier name, e.g. `nodes` or `data`; the subnet is named `<network>-<tier>`. */
  readonly name: string;
  /** Prefix length of the subnet's primary range, carved from the network range (give this or `cidr`). */
  readonly prefixLength?: number;
  /**
   * A fixed primary range inside the network range, e.g. one computed from config (give this or
   * `prefixLength`).
   */
  readonly cidr?: string;
  /**
   * Instances of the tier (and their secondary ranges, e.g. GKE pods) reach the internet
   * through Cloud NAT.
   * @default false: no route out except Private Google Access to Google APIs
   */
  readonly nat?: boolean;
  /**
   * Secondary ranges on the subnet, e.g. GKE pods and services on the tier that hosts GKE.
   * @default none
   */
  readonly secondaryRanges?: readonly GcpSecondaryRange[];
}

/** Sampling window of VPC flow logs. */
export type FlowLogAggregationInterval =
  | 'INTERVAL_5_SEC'
  | 'INTERVAL_30_SEC'
  | 'INTERVAL_1_MIN'
  | 'INTERVAL_5_MIN'
  | 'INTERVAL_10_MIN'
  | 'INTERVAL_15_MIN';

/** Props of {@link GcpNetwork}. */
export interface GcpNetworkProps {
  /** Network name and prefix of every resource's name, e.g. `platform-dev`. */
  readonly name: string;
  /**
   * Project of the network.
   * @default the provider's project
   */
  readonly projectId?: string;
  /** Region of the subnets, the router and NAT, e.g. `europe-west1`. */
  readonly region: string;
  /** The range the subnets' primary ranges (and sized secondary ranges) are carved from, e.g. `10.40.0.0/16`. */
  readonly cidr: string;
  /** Subnet tiers, one regional subnet each. Their ranges are computed at synth. */
  readonly tiers: readonly GcpSubnetTier[];
  /**
   * Share of packets VPC flow logs sample on every subnet, above 0 up to 1.
   * @default 0.5
   */
  readonly flowLogSampling?: number;
  /**
   * Aggregation window of VPC flow logs.
   * @default INTERVAL_5_SEC
   */
  readonly flowLogAggregationInterval?: FlowLogAggregationInterval;
  /**
   * What Cloud NAT logs.
   * @default ERRORS_ONLY: dropped connections (port exhaustion, etc.)
   */
  readonly natLogFilter?: 'ERRORS_ONLY' | 'TRANSLATIONS_ONLY' | 'ALL';
  /**
   * TCP ports load balancers reach: Google's health-check ranges may reach these only.
   * @default none: no health-check rule
   */
  readonly healthCheckPorts?: readonly number[];
  /**
   * Network tags the health-check rule targets.
   * @default every instance of the network
   */
  readonly healthCheckTargetTags?: readonly string[];
  /**
   * Allow SSH from Identity-Aware Proxy's range (35.235.240.0/20).
   * @default false: no SSH ingress
   */
  readonly allowIapSsh?: boolean;
  /**
   * Enable the Compute Engine API (`google_project_service`, never disabled on destroy).
   * @default true
   */
  readonly enableComputeApi?: boolean;
}

const GCP_NAME = /^[a-z](?:[-a-z0-9]{0,61}[a-z0-9])?$/;

/**
 * An environment's VPC: custom mode (no automatic subnets), regional routing, one subnet per
 * tier with Private Google Access and flow logs on every subnet, Cloud Router and Cloud NAT
 * (logged) for the tiers that ask for it only, and the {@link BaselineFirewall}. Every range is
 * computed at synth by {@link planRanges}; overlap and overflow fail synth, naming the ranges.
 * The default internet route stays: Cloud NAT needs it, and without NAT or an external IP
 * nothing uses it.
 */
export class GcpNetwork extends Construct {
  /** The VPC. */
  readonly network: ComputeNetwork;
  /** Subnets by tier name. */
  readonly subnets: Readonly<Record<string, ComputeSubnetwork>>;
  /** Every planned range by key: `<tier>` (primary) and `<tier>-<name>` (secondary). */
  readonly ranges: Readonly<Record<string, string>>;
  /** The Cloud Router, when a tier uses NAT. */
  readonly router?: ComputeRouter;
  /** Cloud NAT, when a tier uses it. */
  readonly nat?: ComputeRouterNat;
  /** The ingress firewall baseline. */
  readonly firewall: BaselineFirewall;

  constructor(scope: Construct, id: string, props: GcpNetworkProps) {
    super(scope, id);
    const sampling = props.flowLogSampling ?? 0.5;
    const tierNames = props.tiers.map((t) => t.name);
    const requests: RangeRequest[] = props.tiers.flatMap((tier) => [
      { key: tier.name, prefixLength: tier.prefixLength, cidr: tier.cidr },
      ...(tier.secondaryRanges ?? []).map((r) => ({
        key: secondaryRangeName(tier.name, r.name),
        prefixLength: r.prefixLength,
        cidr: r.cidr,
      })),
    ]);
    const longestName = [
      ...tierNames.map((t) => `${props.name}-${t}`),
      ...requests.map((r) => r.key),
      `${props.name}-deny-all-ingress`,
      `${props.name}-allow-health-checks`,
    ].reduce((a, b) => (b.length > a.length ? b : a), '');
    const plan = planRanges(props.cidr, requests);
    const outside = props.tiers.filter(
      (t) =>
        t.cidr !== undefined &&
        isCanonicalCidr(t.cidr) &&
        isCanonicalCidr(props.cidr) &&
        !isInsideRange(t.cidr, props.cidr),
    );
    const problems = [
      [
        !GCP_NAME.test(props.name),
        `name must be lowercase letters, digits and hyphens, starting with a letter (got "${props.name}")`,
      ],
      [
        GCP_NAME.test(props.name) && longestName.length > 63,
        `name "${props.name}" is too long: "${longestName}" would exceed GCP's 63 characters`,
      ],
      [props.tiers.length === 0, 'tiers must name at least one subnet tier'],
      [
        tierNames.some((t) => !GCP_NAME.test(t)) ||
          props.tiers.some((t) => (t.secondaryRanges ?? []).some((r) => !GCP_NAME.test(r.name))),
        `tier and secondary range names must be lowercase letters, digits and hyphens, starting with a letter (got ${props.tiers.map((t) => [t.name, ...(t.secondaryRanges ?? []).map((r) => r.name)].join('/')).join(', ')})`,
      ],
      [
        new Set(tierNames).size !== tierNames.length,
        `tiers lists a tier twice (got ${tierNames.join(', ')})`,
      ],
      [
        !(sampling > 0 && sampling <= 1),
        `flowLogSampling must be above 0 and at most 1 (got ${sampling})`,
      ],
      [
        outside.length > 0,
        `a tier's primary range must lie inside the network range ${props.cidr} (got ${outside.map((t) => `${t.name} ${t.cidr}`).join(', ')})`,
      ],
      ...('problems' in plan ? plan.problems.map((p) => [true, `ranges: ${p}`] as const) : []),
    ] as const;
    const messages = problems.filter(([bad]) => bad).map(([, message]) => message);
    if (messages.length > 0 || !('ranges' in plan)) {
      throw new Error(`${this.node.path}: ${messages.join('; ')}`);
    }
    this.ranges = plan.ranges;

    const compute =
      props.enableComputeApi === false
        ? undefined
        : new ProjectService(this, 'compute-api', {
            project: props.projectId,
            service: 'compute.googleapis.com',
            disableOnDestroy: false,
          });
    const dependsOn = compute ? [compute] : undefined;

    this.network = new ComputeNetwork(this, 'network', {
      name: props.name,
      project: props.projectId,
      description: 'Custom-mode VPC: subnets only where declared',
      autoCreateSubnetworks: false,
      routingMode: 'REGIONAL',
      deleteDefaultRoutesOnCreate: false,
      dependsOn,
    });

    this.subnets = Object.fromEntries(
      props.tiers.map((tier) => [
        tier.name,
        new ComputeSubnetwork(this, `subnet-${tier.name}`, {
          name: `${props.name}-${tier.name}`,
          project: props.projectId,
          region: props.region,
          network: this.network.id,
          ipCidrRange: plan.ranges[tier.name] as string,
          privateIpGoogleAccess: true,
          logConfig: {
            aggregationInterval: props.flowLogAggregationInterval ?? 'INTERVAL_5_SEC',
            flowSampling: sampling,
            metadata: 'INCLUDE_ALL_METADATA',
          },
          secondaryIpRange: tier.secondaryRanges?.length
            ? tier.secondaryRanges.map((r) => {
                const rangeName = secondaryRangeName(tier.name, r.name);
                return { rangeName, ipCidrRange: plan.ranges[rangeName] as string };
              })
            : undefined,
        }),
      ]),
    );

    const natTiers = props.tiers.filter((t) => t.nat);
    if (natTiers.length > 0) {
      this.router = new ComputeRouter(this, 'router', {
        name: `${props.name}-router`,
        project: props.projectId,
        region: props.region,
        network: this.network.id,
        description: 'Cloud Router of the Cloud NAT',
      });
      this.nat = new ComputeRouterNat(this, 'nat', {
        name: `${props.name}-nat`,
        project: props.projectId,
        region: props.region,
        router: this.router.name,
        natIpAllocateOption: 'AUTO_ONLY',
        sourceSubnetworkIpRangesToNat: 'LIST_OF_SUBNETWORKS',
        subnetwork: natTiers.map((tier) => ({
          name: (this.subnets[tier.name] as ComputeSubnetwork).id,
          sourceIpRangesToNat: ['ALL_IP_RANGES'],
        })),
        logConfig: { enable: true, filter: props.natLogFilter ?? 'ERRORS_ONLY' },
      });
    }

    this.firewall = new BaselineFirewall(this, 'firewall', {
      name: props.name,
      network: this.network.id,
      projectId: props.projectId,
      healthCheckPorts: props.healthCheckPorts,
      healthCheckTargetTags: props.healthCheckTargetTags,
      allowIapSsh: props.allowIapSsh,
    });
  }

  /** Name of a tier's secondary range, e.g. `nodes-pods` (what GKE's ip_allocation_policy names). */
  secondaryRangeName(tier: string, name: string): string {
    const rangeName = secondaryRangeName(tier, name);
    if (!(rangeName in this.ranges)) {
      throw new Error(`${this.node.path}: tier "${tier}" has no secondary range "${name}"`);
    }
    return rangeName;
  }
}

/** `<tier>-<name>`: the one naming rule GKE's ip_allocation_policy also follows. */
const secondaryRangeName = gcpSecondaryRangeName;
