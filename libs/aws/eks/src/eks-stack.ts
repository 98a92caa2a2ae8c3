import { EncryptedLogGroup, grant } from '@platform/aws-common';
import {
  type AwsEnvironmentWith,
  EKS_VERSIONS,
  resourceName,
  servicePrincipal,
} from '@platform/config';
import { alertingContract, eksContract, networkContract, PlatformStack } from '@platform/core';
import { eksSupportedVersion } from '@platform/policy';
import { Fn, type ITerraformDependable, TerraformOutput } from 'cdktf';
import type { Construct } from 'constructs';
import { SsmAccessInstance } from './access-instance';
import { ClusterAddon } from './addon';
import { ClusterAlarms } from './alarms';
import { PlatformEksCluster } from './cluster';
import { ManagedNodeGroup } from './node-group';
import { irsaTrust, PlatformRole, serviceTrust } from './roles';

/** Log groups the CloudWatch observability add-on writes to, created here with retention and KMS. */
export const CONTAINER_INSIGHTS_LOG_GROUPS = [
  'application',
  'dataplane',
  'host',
  'performance',
] as const;

/**
 * `eks-<env>`: the environment's EKS cluster in the network's subnets. Order of creation:
 * cluster → vpc-cni, eks-pod-identity-agent and kube-proxy (DaemonSets a node needs to become
 * Ready) → managed node groups → coredns, aws-ebs-csi-driver and amazon-cloudwatch-observability
 * (Deployments that need nodes to run on). Nothing inside the cluster is managed here.
 */
export class EksStack extends PlatformStack {
  /** The cluster. */
  readonly cluster: PlatformEksCluster;
  /** The managed node groups by name. */
  readonly nodeGroups: Readonly<Record<string, ManagedNodeGroup>>;
  /** The access instance, when the environment enables it. */
  readonly accessInstance?: SsmAccessInstance;

  constructor(scope: Construct, environment: AwsEnvironmentWith<'eks'>) {
    super(scope, { family: 'eks', environment, extraRules: [eksSupportedVersion(EKS_VERSIONS)] });
    const env = environment;
    const eks = env.eks;
    const network = networkContract.read(this, env);
    const alerting = alertingContract.read(this, env);

    this.cluster = new PlatformEksCluster(this, 'cluster', { environment: env, network });
    const clusterName = this.cluster.cluster.name;
    const oidcArn = this.cluster.oidcProvider.arn;
    const issuer = this.cluster.oidcIssuerHost;

    const cniRole = new PlatformRole(this, 'vpc-cni-role', {
      name: resourceName(env, 'eks-vpc-cni'),
      region: env.aws.region,
      description: `IRSA role of the VPC CNI (kube-system/aws-node) of ${this.cluster.name}`,
      trust: [irsaTrust(oidcArn, issuer, 'kube-system', 'aws-node')],
      managedPolicies: ['AmazonEKS_CNI_Policy'],
    });
    const ebsRole = new PlatformRole(this, 'ebs-csi-role', {
      name: resourceName(env, 'eks-ebs-csi'),
      region: env.aws.region,
      description: `IRSA role of the EBS CSI controller of ${this.cluster.name}`,
      trust: [irsaTrust(oidcArn, issuer, 'kube-system', 'ebs-csi-controller-sa')],
      managedPolicies: ['service-role/AmazonEBSCSIDriverPolicy'],
      statements: [
        grant('encryptVolumes', [this.cluster.volumeKey.arn], {
          sid: 'EncryptVolumesWithClusterKey',
        }),
        grant('attachEncryptedVolumes', [this.cluster.volumeKey.arn], {
          sid: 'AttachEncryptedVolumes',
          conditions: [{ test: 'Bool', variable: 'kms:GrantIsForAWSResource', values: ['true'] }],
        }),
      ],
    });
    const observabilityRole = new PlatformRole(this, 'cloudwatch-observability-role', {
      name: resourceName(env, 'eks-cloudwatch'),
      region: env.aws.region,
      description: `IRSA role of the CloudWatch agent (Container Insights) of ${this.cluster.name}`,
      trust: [irsaTrust(oidcArn, issuer, 'amazon-cloudwatch', 'cloudwatch-agent')],
      managedPolicies: ['CloudWatchAgentServerPolicy', 'AWSXrayWriteOnlyAccess'],
    });
    const nodeRole = new PlatformRole(this, 'node-role', {
      name: resourceName(env, 'eks-nodes'),
      region: env.aws.region,
      description: `Managed nodes of ${this.cluster.name} (pods use IRSA or Pod Identity, not this role)`,
      trust: [serviceTrust(servicePrincipal(env.aws.region, 'ec2'))],
      managedPolicies: ['AmazonEKSWorkerNodePolicy', 'AmazonEC2ContainerRegistryPullOnly'],
    });

    const addon = (
      id: keyof typeof eks.addons,
      extra: { serviceAccountRoleArn?: string; dependsOn?: ITerraformDependable[] } = {},
    ) =>
      new ClusterAddon(this, `addon-${id}`, {
        clusterName,
        addon: id,
        version: eks.addons[id],
        serviceAccountRoleArn: extra.serviceAccountRoleArn,
        dependsOn: extra.dependsOn,
      });

    // DaemonSets a node needs to become Ready: pod networking, Pod Identity, and kube-proxy (the
    // VPC CNI reaches the API server through the kubernetes Service, which kube-proxy programs).
    const beforeNodes = [
      addon('vpcCni', { serviceAccountRoleArn: cniRole.role.arn, dependsOn: cniRole.grants }),
      addon('podIdentityAgent'),
      addon('kubeProxy'),
    ];

    const groups: Record<string, ManagedNodeGroup> = {};
    for (const group of eks.nodes.groups) {
      groups[group.name] = new ManagedNodeGroup(this, `node-group-${group.name}`, {
        group,
        name: resourceName(env, group.name),
        clusterName,
        kubernetesVersion: this.cluster.cluster.version,
        nodeRoleArn: nodeRole.role.arn,
        subnetIds: network.privateSubnetIds,
        securityGroupIds: [this.cluster.nodeSecurityGroup.id],
        volumeKmsKeyArn: this.cluster.volumeKey.arn,
        metadataHopLimit: eks.nodes.metadataHopLimit,
        dependsOn: [...nodeRole.grants, ...beforeNodes.map((a) => a.addon)],
      });
    }
    this.nodeGroups = groups;
    const nodes = Object.values(groups).map((g) => g.nodeGroup);

    const insightsLogs = CONTAINER_INSIGHTS_LOG_GROUPS.map(
      (stream) =>
        new EncryptedLogGroup(this, `container-insights-${stream}`, {
          name: `/aws/containerinsights/${this.cluster.name}/${stream}`,
          retentionDays: eks.logRetentionDays,
          kmsKeyArn: this.cluster.logsKey.arn,
        }).group,
    );

    addon('coredns', { dependsOn: nodes });
    addon('ebsCsiDriver', {
      serviceAccountRoleArn: ebsRole.role.arn,
      dependsOn: [...nodes, ...ebsRole.grants],
    });
    addon('cloudwatchObservability', {
      serviceAccountRoleArn: observabilityRole.role.arn,
      dependsOn: [...nodes, ...observabilityRole.grants, ...insightsLogs],
    });

    if (eks.accessInstance.enabled) {
      this.accessInstance = new SsmAccessInstance(this, 'access-instance', {
        name: resourceName(env, 'eks-access'),
        region: env.aws.region,
        vpcId: network.vpcId,
        subnetId: Fn.element(network.privateSubnetIds, 0),
        instanceType: eks.accessInstance.instanceType,
        volumeKmsKeyArn: this.cluster.volumeKey.arn,
      });
      this.cluster.allowApiAccessFrom(
        'api-from-access-instance',
        this.accessInstance.securityGroup.id,
        'the SSM access instance (port forwarding)',
      );
      new TerraformOutput(this, 'access_instance_id', {
        value: this.accessInstance.instance.id,
        description:
          'Instance to port-forward through to the private API endpoint (aws ssm start-session --target ...)',
      });
    }

    new ClusterAlarms(this, 'alarms', {
      clusterName: this.cluster.name,
      topicArn: alerting.topicArn,
    });

    eksContract.publish(this, {
      clusterName,
      clusterEndpoint: this.cluster.cluster.endpoint,
      clusterCertificateAuthority: this.cluster.cluster.certificateAuthority.get(0).data,
      oidcProviderArn: oidcArn,
      oidcIssuer: this.cluster.cluster.identity.get(0).oidc.get(0).issuer,
      clusterSecurityGroupId: this.cluster.cluster.vpcConfig.clusterSecurityGroupId,
      nodeSecurityGroupId: this.cluster.nodeSecurityGroup.id,
    });
    new TerraformOutput(this, 'volume_kms_key_arn', {
      value: this.cluster.volumeKey.arn,
      description:
        'KMS key for encrypted EBS StorageClasses (parameters.kmsKeyId) of the EBS CSI driver',
    });
  }
}
