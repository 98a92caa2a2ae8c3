import { ComputeFirewall } from '@cdktf/provider-google/lib/compute-firewall';
import { Construct } from 'constructs';

/** Where Google's load-balancer and health-check probes come from. */
export const GOOGLE_HEALTH_CHECK_RANGES = ['35.191.0.0/16', '130.211.0.0/22'] as const;

/** Where Identity-Aware Proxy TCP forwarding (e.g. `gcloud compute ssh --tunnel-through-iap`) comes from. */
export const IAP_TCP_FORWARDING_RANGE = '35.235.240.0/20';

/** Priority of the explicit deny-all ingress rule: just above GCP's implied deny (65535). */
export const DENY_ALL_INGRESS_PRIORITY = 65534;

/** Props of {@link BaselineFirewall}. */
export interface BaselineFirewallProps {
  /** Prefix of every rule name (the network's name), e.g. `platform-dev`. */
  readonly name: string;
  /** Id or self link of the network the rules apply to. */
  readonly network: string;
  /**
   * Project of the rules.
   * @default the provider's project
   */
  readonly projectId?: string;
  /**
   * TCP ports the load balancers reach (the serving ports of the backends): Google's
   * health-check ranges may reach these and nothing else.
   * @default none: no health-check rule (no load-balanced backends yet)
   */
  readonly healthCheckPorts?: readonly number[];
  /**
   * Network tags of the instances the health-check rule targets.
   * @default every instance of the network (only on the health-check ports)
   */
  readonly healthCheckTargetTags?: readonly string[];
  /**
   * Allow SSH (TCP 22) from Identity-Aware Proxy's range, for IAP tunnels. IAP still checks
   * the caller's IAM (`roles/iap.tunnelResourceAccessor`).
   * @default false: no SSH ingress at all
   */
  readonly allowIapSsh?: boolean;
  /**
   * Network tags of the instances IAP SSH may reach.
   * @default every instance of the network (when `allowIapSsh` is on)
   */
  readonly iapSshTargetTags?: readonly string[];
}

/**
 * The network's ingress baseline: an explicit, logged deny-all from 0.0.0.0/0 at priority
 * 65534 (GCP's own implied deny is not logged), Google's health-check ranges to the
 * load-balanced ports only, and IAP SSH only when asked. Every rule logs its matches.
 * Nothing allows 0.0.0.0/0 in: anything else that must be reachable gets its own rule at a
 * higher priority (GKE creates its own rules for its nodes, pods and control plane).
 */
export class BaselineFirewall extends Construct {
  /** The deny-all ingress rule. */
  readonly denyAllIngress: ComputeFirewall;
  /** The health-check rule, when there are load-balanced ports. */
  readonly allowHealthChecks?: ComputeFirewall;
  /** The IAP SSH rule, when asked for. */
  readonly allowIapSsh?: ComputeFirewall;

  constructor(scope: Construct, id: string, props: BaselineFirewallProps) {
    super(scope, id);
    const ports = props.healthCheckPorts ?? [];
    const problems = [
      [
        ports.some((p) => !Number.isInteger(p) || p < 1 || p > 65535),
        `healthCheckPorts must be TCP ports from 1 to 65535 (got ${ports.join(', ')})`,
      ],
      [
        new Set(ports).size !== ports.length,
        `healthCheckPorts lists a port twice (got ${ports.join(', ')})`,
      ],
      [
        !props.allowIapSsh && props.iapSshTargetTags !== undefined,
        'iapSshTargetTags is set but allowIapSsh is not: set allowIapSsh: true, or drop the tags',
      ],
    ] as const;
    const messages = problems.filter(([bad]) => bad).map(([, message]) => message);
    if (messages.length > 0) throw new Error(`${this.node.path}: ${messages.join('; ')}`);

    const common = {
      network: props.network,
      project: props.projectId,
      direction: 'INGRESS',
      logConfig: { metadata: 'INCLUDE_ALL_METADATA' },
    };
    this.denyAllIngress = new ComputeFirewall(this, 'deny-all-ingress', {
      ...common,
      name: `${props.name}-deny-all-ingress`,
      description: 'Default deny: every ingress not allowed by a rule of higher priority (logged)',
      priority: DENY_ALL_INGRESS_PRIORITY,
      sourceRanges: ['0.0.0.0/0'],
      deny: [{ protocol: 'all' }],
    });
    if (ports.length > 0) {
      this.allowHealthChecks = new ComputeFirewall(this, 'allow-health-checks', {
        ...common,
        name: `${props.name}-allow-health-checks`,
        description: "Google's load-balancer health checks, to the serving ports only",
        priority: 1000,
        sourceRanges: [...GOOGLE_HEALTH_CHECK_RANGES],
        targetTags: props.healthCheckTargetTags ? [...props.healthCheckTargetTags] : undefined,
        allow: [{ protocol: 'tcp', ports: [...ports].sort((a, b) => a - b).map(String) }],
      });
    }
    if (props.allowIapSsh) {
      this.allowIapSsh = new ComputeFirewall(this, 'allow-iap-ssh', {
        ...common,
        name: `${props.name}-allow-iap-ssh`,
        description: 'SSH through Identity-Aware Proxy tunnels only',
        priority: 1000,
        sourceRanges: [IAP_TCP_FORWARDING_RANGE],
        targetTags: props.iapSshTargetTags ? [...props.iapSshTargetTags] : undefined,
        allow: [{ protocol: 'tcp', ports: ['22'] }],
      });
    }
  }
}
