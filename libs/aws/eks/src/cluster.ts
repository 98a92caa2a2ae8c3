import { EksAccessEntry } from '@cdktf/provider-aws/lib/eks-access-entry';
import { EksAccessPolicyAssociation } from '@cdktf/provider-aws/lib/eks-access-policy-association';
import { EksCluster as EksClusterResource } from '@cdktf/provider-aws/lib/eks-cluster';
import { IamOpenidConnectProvider } from '@cdktf/provider-aws/lib/iam-openid-connect-provider';
import { SecurityGroup } from '@cdktf/provider-aws/lib/security-group';
import { VpcSecurityGroupEgressRule } from '@cdktf/provider-aws/lib/vpc-security-group-egress-rule';
import { VpcSecurityGroupIngressRule } from '@cdktf/provider-aws/lib/vpc-security-group-ingress-rule';
import {
  autoScalingKeyStatements,
  autoScalingServiceRoleArn,
  EncryptedLogGroup,
  EncryptionKey,
  grant,
  logsKeyStatement,
} from '@platform/aws-common';
import {
  arn,
  type AwsEnvironmentWith,
  EKS_VERSIONS,
  resourceName,
  servicePrincipal,
} from '@platform/config';
import type { NetworkRef } from '@platform/core';
import { Fn } from 'cdktf';
import { Construct } from 'constructs';
import { PlatformRole, serviceTrust } from './roles';

/** Every control-plane log type EKS can ship; all are always on. */
export const CONTROL_PLANE_LOG_TYPES = [
  'api',
  'audit',
  'authenticator',
  'controllerManager',
  'scheduler',
] as const;

/** The EKS access policies the platform grants, cluster-wide, by name. */
export const ACCESS_POLICIES = {
  admin: 'AmazonEKSClusterAdminPolicy',
  readOnly: 'AmazonEKSViewPolicy',
} as const;

/** ARN of an EKS access policy (AWS-owned, global) in the region's partition. */
export const accessPolicyArn = (region: string, name: string) =>
  arn(
    { region, accountId: 'aws' },
    { service: 'eks', region: '', resource: `cluster-access-policy/${name}` },
  );

/**
 * SHA-1 thumbprint of the root CA (Starfield Services Root Certificate Authority - G2) that
 * signs the EKS OIDC issuers' certificates. IAM no longer checks thumbprints for EKS issuers (it
 * trusts its own certificate store), but the API still takes a list: giving the documented
 * value avoids the tls provider and any fetch at plan time.
 */
export const EKS_OIDC_ROOT_CA_THUMBPRINT = '9e99a48a9960b14926bb7f3b02e22da2b0ab7280';

/** Ports the control plane opens to the nodes: kubelet, and HTTPS for admission webhooks. */
const CONTROL_PLANE_TO_NODE_PORTS = [
  { port: 443, what: 'HTTPS to extension API servers and webhooks on nodes' },
  { port: 10250, what: 'kubelet API (logs, exec, metrics)' },
  { port: 4443, what: 'metrics-server and webhooks on 4443' },
  { port: 6443, what: 'webhooks on 6443' },
  { port: 8443, what: 'webhooks on 8443' },
  { port: 9443, what: 'webhooks on 9443 (e.g. the CloudWatch observability operator)' },
] as const;

/** Props of {@link PlatformEksCluster}. */
export interface PlatformEksClusterProps {
  /** The environment: the eks section (version, endpoint, access, log retention) and the account. */
  readonly environment: AwsEnvironmentWith<'eks'>;
  /** The environment's network: control-plane ENIs go to the intra subnets. */
  readonly network: NetworkRef;
}

/**
 * A private, encrypted, audited EKS cluster: all control-plane logs into a log group created
 * here (retention, KMS), secrets envelope-encrypted with a customer-managed key, API
 * authentication mode with access entries for the configured admin and read-only roles, an
 * IAM OIDC provider for IRSA, and a cluster and node security group with only the rules EKS needs.
 */
export class PlatformEksCluster extends Construct {
  /** The cluster. */
  readonly cluster: EksClusterResource;
  /** The cluster's name. */
  readonly name: string;
  /** The IAM OIDC provider for IRSA. */
  readonly oidcProvider: IamOpenidConnectProvider;
  /** The issuer without https://: the prefix of IRSA condition keys. */
  readonly oidcIssuerHost: string;
  /** Additional security group of the control plane. */
  readonly clusterSecurityGroup: SecurityGroup;
  /** Security group of the managed nodes. */
  readonly nodeSecurityGroup: SecurityGroup;
  /** Key of the node and access-instance volumes (its policy lets Auto Scaling use it). */
  readonly volumeKey: EncryptionKey;
  /** Key of the cluster's log groups (control plane and Container Insights). */
  readonly logsKey: EncryptionKey;
  /** The region (its partition names the access policies). */
  private readonly region: string;

  constructor(scope: Construct, id: string, props: PlatformEksClusterProps) {
    super(scope, id);
    const env = props.environment;
    this.region = env.aws.region;
    const eks = env.eks;
    if (!(EKS_VERSIONS as readonly string[]).includes(eks.version)) {
      throw new Error(
        `${this.node.path}: version "${eks.version}" is not supported; use one of ${EKS_VERSIONS.join(', ')}`,
      );
    }
    if (
      eks.endpoint.publicAccess &&
      (eks.endpoint.publicAccessCidrs.length === 0 ||
        eks.endpoint.publicAccessCidrs.includes('0.0.0.0/0'))
    ) {
      throw new Error(
        `${this.node.path}: a public endpoint needs publicAccessCidrs other than 0.0.0.0/0 (got [${eks.endpoint.publicAccessCidrs.join(', ')}])`,
      );
    }
    this.name = resourceName(env, 'eks');
    const protect = env.production;

    const secretsKey = new EncryptionKey(this, 'secrets-key', {
      accountId: env.aws.accountId,
      region: env.aws.region,
      alias: `alias/${resourceName(env, 'eks-secrets')}`,
      description: `Envelope-encrypts the Kubernetes secrets of ${this.name}`,
      protect,
    });
    this.logsKey = new EncryptionKey(this, 'logs-key', {
      accountId: env.aws.accountId,
      region: env.aws.region,
      alias: `alias/${resourceName(env, 'eks-logs')}`,
      description: `Encrypts the control-plane and container logs of ${this.name}`,
      statements: [logsKeyStatement(env.aws)],
    });
    this.volumeKey = new EncryptionKey(this, 'volume-key', {
      accountId: env.aws.accountId,
      region: env.aws.region,
      alias: `alias/${resourceName(env, 'eks-volumes')}`,
      description: `Encrypts the EBS volumes of the ${this.name} nodes`,
      statements: autoScalingKeyStatements(autoScalingServiceRoleArn(env.aws)),
    });

    const logGroup = new EncryptedLogGroup(this, 'control-plane-logs', {
      name: `/aws/eks/${this.name}/cluster`,
      retentionDays: eks.logRetentionDays,
      kmsKeyArn: this.logsKey.arn,
    });

    const role = new PlatformRole(this, 'cluster-role', {
      name: resourceName(env, 'eks-cluster'),
      region: env.aws.region,
      description: `Control plane of ${this.name}`,
      trust: [
        serviceTrust(servicePrincipal(env.aws.region, 'eks'), ['sts:AssumeRole', 'sts:TagSession']),
      ],
      managedPolicies: ['AmazonEKSClusterPolicy'],
      statements: [
        grant('envelopeEncryption', [secretsKey.arn], { sid: 'EnvelopeEncryptSecrets' }),
      ],
    });

    this.clusterSecurityGroup = new SecurityGroup(this, 'cluster-security-group', {
      name: resourceName(env, 'eks-cluster'),
      description: `Additional security group of the ${this.name} control plane: HTTPS from the nodes`,
      vpcId: props.network.vpcId,
      tags: { Name: resourceName(env, 'eks-cluster') },
    });
    this.nodeSecurityGroup = new SecurityGroup(this, 'node-security-group', {
      name: resourceName(env, 'eks-nodes'),
      description: `Managed nodes of ${this.name}: from the control plane and from each other (pod traffic)`,
      vpcId: props.network.vpcId,
      tags: {
        Name: resourceName(env, 'eks-nodes'),
        [`kubernetes.io/cluster/${this.name}`]: 'owned',
      },
    });
    this.addSecurityGroupRules(props.network.vpcCidr);

    this.cluster = new EksClusterResource(this, 'cluster', {
      name: this.name,
      version: eks.version,
      roleArn: role.role.arn,
      vpcConfig: {
        subnetIds: props.network.intraSubnetIds,
        securityGroupIds: [this.clusterSecurityGroup.id],
        endpointPrivateAccess: true,
        endpointPublicAccess: eks.endpoint.publicAccess,
        publicAccessCidrs: eks.endpoint.publicAccess
          ? [...eks.endpoint.publicAccessCidrs]
          : undefined,
      },
      enabledClusterLogTypes: [...CONTROL_PLANE_LOG_TYPES],
      encryptionConfig: { provider: { keyArn: secretsKey.arn }, resources: ['secrets'] },
      accessConfig: { authenticationMode: 'API', bootstrapClusterCreatorAdminPermissions: false },
      // The managed add-ons install vpc-cni, kube-proxy and coredns; no unmanaged copies first.
      bootstrapSelfManagedAddons: false,
      kubernetesNetworkConfig: { ipFamily: 'ipv4' },
      dependsOn: [logGroup.group, ...role.grants],
      lifecycle: protect ? { preventDestroy: true } : undefined,
    });

    const issuer = this.cluster.identity.get(0).oidc.get(0).issuer;
    this.oidcIssuerHost = Fn.replace(issuer, 'https://', '');
    this.oidcProvider = new IamOpenidConnectProvider(this, 'oidc-provider', {
      url: issuer,
      clientIdList: ['sts.amazonaws.com'],
      thumbprintList: [EKS_OIDC_ROOT_CA_THUMBPRINT],
      tags: { Name: `${this.name}-irsa` },
    });

    this.grantAccess('admin', eks.access.admins);
    this.grantAccess('read-only', eks.access.readOnly);
  }

  /** Lets `sourceSecurityGroupId` reach the Kubernetes API (HTTPS) through the private endpoint. */
  allowApiAccessFrom(id: string, sourceSecurityGroupId: string, what: string): void {
    new VpcSecurityGroupIngressRule(this, id, {
      securityGroupId: this.clusterSecurityGroup.id,
      description: `Kubernetes API from ${what}`,
      ipProtocol: 'tcp',
      fromPort: 443,
      toPort: 443,
      referencedSecurityGroupId: sourceSecurityGroupId,
    });
  }

  private addSecurityGroupRules(vpcCidr: string): void {
    const cluster = this.clusterSecurityGroup.id;
    const nodes = this.nodeSecurityGroup.id;
    this.allowApiAccessFrom('api-from-nodes', nodes, 'the nodes (kubelet, add-ons, pods)');
    for (const { port, what } of CONTROL_PLANE_TO_NODE_PORTS) {
      new VpcSecurityGroupIngressRule(this, `nodes-from-control-plane-${port}`, {
        securityGroupId: nodes,
        description: `Control plane to nodes: ${what}`,
        ipProtocol: 'tcp',
        fromPort: port,
        toPort: port,
        referencedSecurityGroupId: cluster,
      });
    }
    // Pods get their IPs from the nodes' ENIs (VPC CNI), so pod-to-pod traffic (DNS to CoreDNS,
    // services on any port) is node-to-node traffic: the same as EKS's own cluster security group.
    new VpcSecurityGroupIngressRule(this, 'nodes-from-nodes', {
      securityGroupId: nodes,
      description: 'Node to node: pod-to-pod traffic and CoreDNS on any port and protocol',
      ipProtocol: '-1',
      referencedSecurityGroupId: nodes,
    });
    // Out of the VPC only HTTPS: the control plane, AWS APIs through endpoints or NAT, image
    // registries. Inside the VPC every protocol: DNS to the VPC resolver, pods to in-VPC services.
    new VpcSecurityGroupEgressRule(this, 'nodes-egress', {
      securityGroupId: nodes,
      description: 'HTTPS to the control plane, AWS APIs (endpoints or NAT) and image registries',
      ipProtocol: 'tcp',
      fromPort: 443,
      toPort: 443,
      cidrIpv4: '0.0.0.0/0',
    });
    new VpcSecurityGroupEgressRule(this, 'nodes-egress-vpc', {
      securityGroupId: nodes,
      description: 'Inside the VPC: DNS to the VPC resolver, pods to services of the VPC',
      ipProtocol: '-1',
      cidrIpv4: vpcCidr,
    });
  }

  private grantAccess(level: 'admin' | 'read-only', principals: readonly string[]): void {
    const policyArn = accessPolicyArn(
      this.region,
      level === 'admin' ? ACCESS_POLICIES.admin : ACCESS_POLICIES.readOnly,
    );
    for (const principalArn of principals) {
      const role = principalArn.split('/').pop() as string;
      const entry = new EksAccessEntry(this, `${level}-${role}-access-entry`, {
        clusterName: this.cluster.name,
        principalArn,
        type: 'STANDARD',
      });
      new EksAccessPolicyAssociation(this, `${level}-${role}-access-policy`, {
        clusterName: this.cluster.name,
        principalArn,
        policyArn,
        accessScope: { type: 'cluster' },
        dependsOn: [entry],
      });
    }
  }
}
