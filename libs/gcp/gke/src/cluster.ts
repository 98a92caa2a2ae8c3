import { ContainerCluster } from '@cdktf/provider-google/lib/container-cluster';
import { Construct } from 'constructs';
import { ClusterEncryptionKey, MAX_KEY_ROTATION_DAYS } from './encryption-key';
import { CLOUD_PLATFORM_SCOPE, GkeNodePool, type NodeTaint } from './node-pool';
import { NodeServiceAccount } from './node-service-account';
import {
  assertValid,
  GKE_NAME,
  isIpv4Network,
  known,
  prefixOf,
  PROJECT_ID,
  PROJECT_NUMBER,
  SERVICE_ACCOUNT_ID,
} from './validation';

/** GKE release channels the platform accepts. */
export const RELEASE_CHANNELS = ['RAPID', 'REGULAR', 'STABLE'] as const;

/** What GKE ships to Cloud Logging: system components and workload stdout/stderr. */
export const LOGGING_COMPONENTS = ['SYSTEM_COMPONENTS', 'WORKLOADS'] as const;

/** A network allowed to reach the control plane. */
export interface AuthorizedNetwork {
  /** IPv4 CIDR block, e.g. 203.0.113.0/24 (never 0.0.0.0/0). */
  readonly cidrBlock: string;
  /** What it is, e.g. office VPN. */
  readonly displayName: string;
}

/** One node pool of a {@link GkeCluster}: the props of {@link GkeNodePool} that vary per pool. */
export interface GkeNodePoolSpec {
  /** Node pool name, 1–40 lowercase letters, digits or hyphens, e.g. system. */
  readonly name: string;
  /** Machine type, e.g. e2-standard-4. */
  readonly machineType: string;
  /** Fewest nodes per zone. */
  readonly minNodesPerZone: number;
  /** Most nodes per zone. */
  readonly maxNodesPerZone: number;
  /**
   * Boot disk size in GB.
   * @default 100
   */
  readonly diskSizeGb?: number;
  /**
   * Spot VMs.
   * @default false
   */
  readonly spot?: boolean;
  /**
   * Kubernetes labels on every node.
   * @default none
   */
  readonly labels?: Readonly<Record<string, string>>;
  /**
   * Kubernetes taints on every node.
   * @default none
   */
  readonly taints?: readonly NodeTaint[];
}

/**
 * What other families need of a cluster: the delivery family's Cloud Deploy targets point at
 * `clusterId`; the endpoint flags say how they can reach its API.
 */
export interface GkeClusterRef {
  /** Project of the cluster. */
  readonly projectId: string;
  /** `projects/<project>/locations/<region>/clusters/<name>`. */
  readonly clusterId: string;
  /** Cluster name. */
  readonly clusterName: string;
  /** Region of the cluster. */
  readonly location: string;
  /** Email of the node service account. */
  readonly nodeServiceAccountEmail: string;
  /** The control plane has no public IP endpoint. */
  readonly privateEndpoint: boolean;
  /** The IAM-authenticated DNS endpoint accepts traffic from outside the VPC. */
  readonly dnsEndpoint: boolean;
}

/** The id GKE gives a cluster: known at synth, so another stack can name it from config. */
export const gkeClusterId = (projectId: string, location: string, name: string): string =>
  `projects/${projectId}/locations/${location}/clusters/${name}`;

/** Props of {@link GkeCluster}. */
export interface GkeClusterProps {
  /** Cluster name, 1–40 lowercase letters, digits or hyphens, e.g. dev-gke. */
  readonly name: string;
  /** Project id, e.g. acme-dev. */
  readonly projectId: string;
  /** Project number (digits): names the GKE service agent. From config, never a data source. */
  readonly projectNumber: string;
  /** Region: the cluster is regional (control plane and nodes in three zones). */
  readonly region: string;
  /**
   * Zones of the region the nodes run in.
   * @default GKE chooses three zones of the region
   */
  readonly zones?: readonly string[];
  /** VPC network (name or self link). */
  readonly network: string;
  /** Subnetwork of the nodes (name or self link). */
  readonly subnetwork: string;
  /** Name of the subnetwork's secondary range for pod IPs. */
  readonly podsRangeName: string;
  /** Name of the subnetwork's secondary range for Service IPs. */
  readonly servicesRangeName: string;
  /** A /28 for the control plane's private endpoint, unused elsewhere in the network. */
  readonly controlPlaneCidr: string;
  /**
   * Keep the control plane off the internet: only its private endpoint (internal IP) exists.
   * When false the public endpoint is reachable from `authorizedNetworks` only.
   * @default true
   */
  readonly privateEndpoint?: boolean;
  /**
   * Networks allowed to reach the control plane's IP endpoints (master authorized networks), e.g.
   * an office VPN range. Never 0.0.0.0/0, and never "every Google Cloud IP".
   * @default none: no network outside the cluster's own VPC ranges
   */
  readonly authorizedNetworks?: readonly AuthorizedNetwork[];
  /**
   * Accept traffic from outside the VPC on the DNS-based endpoint, where every request needs an
   * IAM identity with container.clusters.connect (plus Kubernetes RBAC). This is how Cloud
   * Deploy reaches a cluster whose IP endpoints are private.
   * @default false: the DNS endpoint accepts no user traffic
   */
  readonly dnsEndpoint?: boolean;
  /**
   * Release channel: GKE upgrades the control plane and (auto-upgrading) nodes along it.
   * @default REGULAR
   */
  readonly releaseChannel?: (typeof RELEASE_CHANNELS)[number];
  /** Node pools: at least one. */
  readonly nodePools: readonly GkeNodePoolSpec[];
  /**
   * Account id of the node service account created here (6–30 characters).
   * @default `<name>-nodes`
   */
  readonly nodeServiceAccountId?: string;
  /**
   * Artifact Registry repositories the nodes pull from (full ids): reader on each.
   * @default none: public images only
   */
  readonly imageRepositoryIds?: readonly string[];
  /**
   * Key ring of the secrets-encryption key (in the cluster's region). Key rings are permanent.
   * @default the cluster name
   */
  readonly keyRingName?: string;
  /**
   * Days between rotations of the secrets-encryption key (at most 90).
   * @default 90
   */
  readonly keyRotationDays?: number;
  /**
   * Enforce the project's Binary Authorization policy on every deployment.
   * @default false: no admission check of image signatures
   */
  readonly binaryAuthorization?: boolean;
  /**
   * Deletion protection: GKE refuses to delete the cluster, and terraform refuses any plan that
   * destroys the cluster or its key (`prevent_destroy`). Turning it off is an explicit choice.
   * @default true
   */
  readonly deletionProtection?: boolean;
  /**
   * Labels on the cluster (and billed resources).
   * @default none
   */
  readonly labels?: Readonly<Record<string, string>>;
}

/**
 * One regional GKE Standard cluster with the platform's defaults:
 *
 * - private nodes; a private control-plane endpoint by default, or a public one restricted to
 *   named networks (never 0.0.0.0/0, never "all Google Cloud IPs");
 * - VPC-native networking on the subnet's named secondary ranges; Dataplane V2
 *   (`ADVANCED_DATAPATH`), which enforces NetworkPolicy itself (so no network-policy add-on);
 * - Workload Identity (`<project>.svc.id.goog`); no legacy ABAC; no client certificate;
 *   Shielded nodes; Kubernetes secrets encrypted with a customer-managed key created here;
 * - system and workload logs, Managed Service for Prometheus, a release channel;
 * - no default node pool: a dedicated node service account and the node pools from props.
 *   The short-lived default pool GKE creates first also runs as that account (node_config on
 *   the cluster, ignored after creation: it only describes the pool that is removed).
 */
export class GkeCluster extends Construct {
  /** The cluster. */
  readonly cluster: ContainerCluster;
  /** Node pools by name. */
  readonly nodePools: Readonly<Record<string, GkeNodePool>>;
  /** The node service account. */
  readonly nodeServiceAccount: NodeServiceAccount;
  /** The secrets-encryption key. */
  readonly encryptionKey: ClusterEncryptionKey;
  /** What other families need of the cluster. */
  readonly ref: GkeClusterRef;

  constructor(scope: Construct, id: string, props: GkeClusterProps) {
    super(scope, id);
    const privateEndpoint = props.privateEndpoint ?? true;
    const dnsEndpoint = props.dnsEndpoint ?? false;
    const channel = props.releaseChannel ?? 'REGULAR';
    const protect = props.deletionProtection ?? true;
    const networks = props.authorizedNetworks ?? [];
    const poolNames = props.nodePools.map((p) => p.name);
    const open = networks.filter((n) => prefixOf(n.cidrBlock) === 0);
    const malformed = networks.filter((n) => !isIpv4Network(n.cidrBlock));
    const nodeAccountId = props.nodeServiceAccountId ?? `${props.name}-nodes`;
    assertValid(this, [
      [
        !GKE_NAME.test(props.name),
        `name must be 1-40 lowercase letters, digits or hyphens, starting with a letter and not ending with a hyphen (got "${props.name}")`,
      ],
      [
        known(props.projectId) && !PROJECT_ID.test(props.projectId),
        `projectId must be 6-30 lowercase letters, digits or hyphens (got "${props.projectId}")`,
      ],
      [
        !PROJECT_NUMBER.test(props.projectNumber),
        `projectNumber must be the project's number from config, digits only (got "${props.projectNumber}")`,
      ],
      [
        !isIpv4Network(props.controlPlaneCidr) || prefixOf(props.controlPlaneCidr) !== 28,
        `controlPlaneCidr must be an IPv4 /28 network address such as 172.16.0.0/28 (got "${props.controlPlaneCidr}")`,
      ],
      [
        open.length > 0,
        `authorizedNetworks must not open the control plane to the internet (got ${open.map((n) => n.cidrBlock).join(', ')})`,
      ],
      [
        malformed.length > 0 && open.length === 0,
        `authorizedNetworks must be IPv4 network addresses such as 203.0.113.0/24 (got ${malformed.map((n) => `"${n.cidrBlock}"`).join(', ')})`,
      ],
      [
        !privateEndpoint && networks.length === 0,
        `a public endpoint (privateEndpoint: false) needs authorizedNetworks: name the networks that may reach it`,
      ],
      [
        !(RELEASE_CHANNELS as readonly string[]).includes(channel),
        `releaseChannel must be one of ${RELEASE_CHANNELS.join(', ')} (got "${channel}")`,
      ],
      [
        !SERVICE_ACCOUNT_ID.test(nodeAccountId),
        `nodeServiceAccountId must be 6-30 lowercase letters, digits or hyphens (got "${nodeAccountId}"${props.nodeServiceAccountId ? '' : ', derived from name: set nodeServiceAccountId'})`,
      ],
      [props.nodePools.length === 0, `nodePools must list at least one pool`],
      [
        new Set(poolNames).size !== poolNames.length,
        `nodePools names must be unique (got ${poolNames.join(', ')})`,
      ],
      [
        props.podsRangeName === props.servicesRangeName,
        `podsRangeName and servicesRangeName must name two different secondary ranges (both "${props.podsRangeName}")`,
      ],
    ]);

    this.encryptionKey = new ClusterEncryptionKey(this, 'secrets-key', {
      projectId: props.projectId,
      projectNumber: props.projectNumber,
      location: props.region,
      keyRingName: props.keyRingName ?? props.name,
      keyName: 'secrets',
      rotationDays: props.keyRotationDays ?? MAX_KEY_ROTATION_DAYS,
      protect,
    });
    this.nodeServiceAccount = new NodeServiceAccount(this, 'node-service-account', {
      projectId: props.projectId,
      accountId: nodeAccountId,
      description: `Nodes of the ${props.name} GKE cluster: logs, metrics, image pulls`,
      imageRepositoryIds: props.imageRepositoryIds,
    });
    const nodeAccount = this.nodeServiceAccount.email;

    this.cluster = new ContainerCluster(this, 'cluster', {
      name: props.name,
      project: props.projectId,
      location: props.region,
      nodeLocations: props.zones ? [...props.zones] : undefined,
      network: props.network,
      subnetwork: props.subnetwork,
      networkingMode: 'VPC_NATIVE',
      ipAllocationPolicy: {
        clusterSecondaryRangeName: props.podsRangeName,
        servicesSecondaryRangeName: props.servicesRangeName,
      },
      removeDefaultNodePool: true,
      initialNodeCount: 1,
      // Only the short-lived default pool uses this: it must not run as the Compute default account.
      nodeConfig: {
        serviceAccount: nodeAccount,
        oauthScopes: [CLOUD_PLATFORM_SCOPE],
        imageType: 'COS_CONTAINERD',
        metadata: { 'disable-legacy-endpoints': 'true' },
        shieldedInstanceConfig: { enableSecureBoot: true, enableIntegrityMonitoring: true },
        workloadMetadataConfig: { mode: 'GKE_METADATA' },
      },
      privateClusterConfig: {
        enablePrivateNodes: true,
        enablePrivateEndpoint: privateEndpoint,
        masterIpv4CidrBlock: props.controlPlaneCidr,
      },
      masterAuthorizedNetworksConfig: {
        cidrBlocks: networks.map((n) => ({ cidrBlock: n.cidrBlock, displayName: n.displayName })),
        gcpPublicCidrsAccessEnabled: false,
      },
      controlPlaneEndpointsConfig: {
        dnsEndpointConfig: { allowExternalTraffic: dnsEndpoint },
      },
      masterAuth: { clientCertificateConfig: { issueClientCertificate: false } },
      workloadIdentityConfig: { workloadPool: `${props.projectId}.svc.id.goog` },
      releaseChannel: { channel },
      datapathProvider: 'ADVANCED_DATAPATH',
      databaseEncryption: { state: 'ENCRYPTED', keyName: this.encryptionKey.key.id },
      loggingConfig: { enableComponents: [...LOGGING_COMPONENTS] },
      monitoringConfig: { managedPrometheus: { enabled: true } },
      securityPostureConfig: { mode: 'BASIC' },
      binaryAuthorization: props.binaryAuthorization
        ? { evaluationMode: 'PROJECT_SINGLETON_POLICY_ENFORCE' }
        : undefined,
      enableLegacyAbac: false,
      enableShieldedNodes: true,
      deletionProtection: protect,
      resourceLabels: props.labels ? { ...props.labels } : undefined,
      dependsOn: [this.encryptionKey.serviceAgentGrant, ...this.nodeServiceAccount.grants],
      lifecycle: {
        preventDestroy: protect ? true : undefined,
        ignoreChanges: ['node_config', 'initial_node_count'],
      },
    });

    this.nodePools = Object.fromEntries(
      props.nodePools.map((pool) => [
        pool.name,
        new GkeNodePool(this, `node-pool-${pool.name}`, {
          ...pool,
          clusterId: this.cluster.id,
          projectId: props.projectId,
          location: props.region,
          serviceAccountEmail: nodeAccount,
          dependsOn: [...this.nodeServiceAccount.grants],
        }),
      ]),
    );

    this.ref = {
      projectId: props.projectId,
      clusterId: gkeClusterId(props.projectId, props.region, props.name),
      clusterName: props.name,
      location: props.region,
      nodeServiceAccountEmail: nodeAccount,
      privateEndpoint,
      dnsEndpoint,
    };
  }
}
