// A GCP stack as the platform's GCP families build one (private GKE, CMEK everywhere, workload
// identity, delivery), synthesized by the real cdktf binding: the checker must pass it against the
// committed google schema, so binding and schema agree.
import { App, TerraformStack, Testing } from 'cdktf';
import { ArtifactRegistryRepository } from '@cdktf/provider-google/lib/artifact-registry-repository';
import { ComputeFirewall } from '@cdktf/provider-google/lib/compute-firewall';
import { ComputeNetwork } from '@cdktf/provider-google/lib/compute-network';
import { ComputeRouter } from '@cdktf/provider-google/lib/compute-router';
import { ComputeRouterNat } from '@cdktf/provider-google/lib/compute-router-nat';
import { ComputeSubnetwork } from '@cdktf/provider-google/lib/compute-subnetwork';
import { ContainerCluster } from '@cdktf/provider-google/lib/container-cluster';
import { ContainerNodePool } from '@cdktf/provider-google/lib/container-node-pool';
import { GoogleProvider } from '@cdktf/provider-google/lib/provider';
import { IamWorkloadIdentityPool } from '@cdktf/provider-google/lib/iam-workload-identity-pool';
import { IamWorkloadIdentityPoolProvider } from '@cdktf/provider-google/lib/iam-workload-identity-pool-provider';
import { KmsCryptoKey } from '@cdktf/provider-google/lib/kms-crypto-key';
import { KmsKeyRing } from '@cdktf/provider-google/lib/kms-key-ring';
import { ServiceAccount } from '@cdktf/provider-google/lib/service-account';
import { StorageBucket } from '@cdktf/provider-google/lib/storage-bucket';
import { ProjectIamMember } from '@cdktf/provider-google/lib/project-iam-member';

/** The synthesized JSON of a representative GCP stack; `change` may add escape-hatch overrides. */
export function gcpStackJson(change?: (stack: GcpStack) => void): Record<string, unknown> {
  const app = new App({ stackTraces: false });
  const stack = new GcpStack(app, 'gcp-dev');
  change?.(stack);
  return JSON.parse(Testing.synth(stack)) as Record<string, unknown>;
}

/** The stack's resources, for overrides. */
export class GcpStack extends TerraformStack {
  readonly bucket: StorageBucket;
  readonly cluster: ContainerCluster;
  readonly key: KmsCryptoKey;
  readonly subnet: ComputeSubnetwork;

  constructor(scope: App, id: string) {
    super(scope, id);
    const project = 'acme-dev';
    const region = 'europe-west1';
    new GoogleProvider(this, 'google', {
      project,
      region,
      defaultLabels: { environment: 'dev', managed_by: 'cdktf' },
    });
    const ring = new KmsKeyRing(this, 'ring', { name: 'platform', location: region });
    this.key = new KmsCryptoKey(this, 'key', {
      name: 'platform',
      keyRing: ring.id,
      rotationPeriod: '7776000s',
      lifecycle: { preventDestroy: true },
    });
    const network = new ComputeNetwork(this, 'network', {
      name: 'platform',
      autoCreateSubnetworks: false,
      routingMode: 'REGIONAL',
    });
    this.subnet = new ComputeSubnetwork(this, 'subnet', {
      name: 'platform-nodes',
      network: network.id,
      region,
      ipCidrRange: '10.10.0.0/20',
      privateIpGoogleAccess: true,
      secondaryIpRange: [
        { rangeName: 'pods', ipCidrRange: '10.20.0.0/16' },
        { rangeName: 'services', ipCidrRange: '10.30.0.0/20' },
      ],
      logConfig: {
        aggregationInterval: 'INTERVAL_5_SEC',
        flowSampling: 0.5,
        metadata: 'INCLUDE_ALL_METADATA',
      },
    });
    const router = new ComputeRouter(this, 'router', {
      name: 'platform',
      network: network.id,
      region,
    });
    new ComputeRouterNat(this, 'nat', {
      name: 'platform',
      router: router.name,
      region,
      natIpAllocateOption: 'AUTO_ONLY',
      sourceSubnetworkIpRangesToNat: 'ALL_SUBNETWORKS_ALL_IP_RANGES',
      logConfig: { enable: true, filter: 'ERRORS_ONLY' },
    });
    new ComputeFirewall(this, 'iap-ssh', {
      name: 'allow-iap-ssh',
      description: 'SSH through Identity-Aware Proxy only',
      network: network.id,
      direction: 'INGRESS',
      sourceRanges: ['35.235.240.0/20'],
      allow: [{ protocol: 'tcp', ports: ['22'] }],
      logConfig: { metadata: 'INCLUDE_ALL_METADATA' },
    });
    const nodes = new ServiceAccount(this, 'nodes', {
      accountId: 'gke-nodes',
      displayName: 'GKE nodes',
      description: 'Runs the GKE nodes: logging, monitoring and registry reads only',
    });
    new ProjectIamMember(this, 'nodes-logging', {
      project,
      role: 'roles/logging.logWriter',
      member: `serviceAccount:${nodes.email}`,
    });
    this.cluster = new ContainerCluster(this, 'cluster', {
      name: 'platform',
      location: region,
      network: network.id,
      subnetwork: this.subnet.id,
      removeDefaultNodePool: true,
      initialNodeCount: 1,
      deletionProtection: true,
      enableShieldedNodes: true,
      enableLegacyAbac: false,
      datapathProvider: 'ADVANCED_DATAPATH',
      releaseChannel: { channel: 'REGULAR' },
      workloadIdentityConfig: { workloadPool: `${project}.svc.id.goog` },
      privateClusterConfig: {
        enablePrivateNodes: true,
        enablePrivateEndpoint: false,
        masterIpv4CidrBlock: '172.16.0.0/28',
      },
      masterAuthorizedNetworksConfig: {
        cidrBlocks: [{ cidrBlock: '10.0.0.0/8', displayName: 'internal' }],
      },
      ipAllocationPolicy: {
        clusterSecondaryRangeName: 'pods',
        servicesSecondaryRangeName: 'services',
      },
      databaseEncryption: { state: 'ENCRYPTED', keyName: this.key.id },
    });
    new ContainerNodePool(this, 'pool', {
      name: 'default',
      cluster: this.cluster.id,
      location: region,
      autoscaling: { minNodeCount: 1, maxNodeCount: 3 },
      management: { autoRepair: true, autoUpgrade: true },
      nodeConfig: {
        machineType: 'e2-standard-4',
        serviceAccount: nodes.email,
        oauthScopes: ['https://www.googleapis.com/auth/cloud-platform'],
        shieldedInstanceConfig: { enableSecureBoot: true, enableIntegrityMonitoring: true },
        workloadMetadataConfig: { mode: 'GKE_METADATA' },
      },
    });
    this.bucket = new StorageBucket(this, 'artifacts', {
      name: 'acme-dev-artifacts',
      location: 'EU',
      uniformBucketLevelAccess: true,
      publicAccessPrevention: 'enforced',
      versioning: { enabled: true },
      encryption: { defaultKmsKeyName: this.key.id },
      lifecycleRule: [{ action: { type: 'Delete' }, condition: { numNewerVersions: 10 } }],
    });
    new ArtifactRegistryRepository(this, 'images', {
      repositoryId: 'images',
      location: region,
      format: 'DOCKER',
      kmsKeyName: this.key.id,
      dockerConfig: { immutableTags: true },
    });
    const pool = new IamWorkloadIdentityPool(this, 'github-pool', {
      workloadIdentityPoolId: 'github',
    });
    new IamWorkloadIdentityPoolProvider(this, 'github', {
      workloadIdentityPoolId: pool.workloadIdentityPoolId,
      workloadIdentityPoolProviderId: 'github',
      attributeMapping: {
        'google.subject': 'assertion.sub',
        'attribute.repository': 'assertion.repository',
      },
      attributeCondition: "assertion.repository == 'acme/platform'",
      oidc: { issuerUri: 'https://token.actions.githubusercontent.com' },
    });
  }
}
