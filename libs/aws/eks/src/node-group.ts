import { EksNodeGroup } from '@cdktf/provider-aws/lib/eks-node-group';
import { LaunchTemplate } from '@cdktf/provider-aws/lib/launch-template';
import type { EksNodeGroupConfig } from '@platform/config';
import { type ITerraformDependable, Token } from 'cdktf';
import { Construct } from 'constructs';

/** Root device of the AL2023 EKS AMIs. */
const ROOT_DEVICE = '/dev/xvda';

/** Props of {@link ManagedNodeGroup}. */
export interface ManagedNodeGroupProps {
  /** The group from the environment's eks.nodes.groups. */
  readonly group: EksNodeGroupConfig;
  /** EKS node group name, e.g. prod-system. */
  readonly name: string;
  /** The cluster's name (a reference, so the group waits for the cluster). */
  readonly clusterName: string;
  /** The cluster's Kubernetes version (a reference: nodes follow the control plane on upgrades). */
  readonly kubernetesVersion: string;
  /** ARN of the node IAM role. */
  readonly nodeRoleArn: string;
  /** Private subnets the nodes run in. */
  readonly subnetIds: string[];
  /** Security groups of the nodes. */
  readonly securityGroupIds: string[];
  /** KMS key that encrypts the root volumes. */
  readonly volumeKmsKeyArn: string;
  /** IMDSv2 hop limit: 1 or 2. */
  readonly metadataHopLimit: number;
  /**
   * What must exist before nodes join: the role's policies, and the add-ons that make a node Ready.
   * @default none
   */
  readonly dependsOn?: ITerraformDependable[];
}

/**
 * A managed node group on its own launch template: AL2023 chosen by EKS through `ami_type` (no
 * AMI lookup, no image_id), IMDSv2 required with a deliberate hop limit, an encrypted gp3 root
 * volume with our key, no SSH key. Terraform ignores desired size after creation so the
 * cluster autoscaler (or a person) can scale within the configured bounds.
 */
export class ManagedNodeGroup extends Construct {
  /** The node group. */
  readonly nodeGroup: EksNodeGroup;
  /** Its launch template. */
  readonly launchTemplate: LaunchTemplate;

  constructor(scope: Construct, id: string, props: ManagedNodeGroupProps) {
    super(scope, id);
    const { group } = props;
    if (props.metadataHopLimit !== 1 && props.metadataHopLimit !== 2) {
      throw new Error(
        `${this.node.path}: metadataHopLimit must be 1 or 2 (got ${props.metadataHopLimit})`,
      );
    }
    if (
      group.minSize > group.maxSize ||
      group.desiredSize < group.minSize ||
      group.desiredSize > group.maxSize
    ) {
      throw new Error(
        `${this.node.path}: sizes must satisfy minSize <= desiredSize <= maxSize (got ${group.minSize}, ${group.desiredSize}, ${group.maxSize})`,
      );
    }
    const tags = { Name: props.name, NodeGroup: props.name };
    this.launchTemplate = new LaunchTemplate(this, 'launch-template', {
      name: props.name,
      description: `Nodes of the ${props.name} EKS node group`,
      updateDefaultVersion: true,
      vpcSecurityGroupIds: props.securityGroupIds,
      metadataOptions: {
        httpEndpoint: 'enabled',
        httpTokens: 'required',
        httpPutResponseHopLimit: props.metadataHopLimit,
        instanceMetadataTags: 'disabled',
      },
      blockDeviceMappings: [
        {
          deviceName: ROOT_DEVICE,
          ebs: {
            volumeSize: group.diskSizeGiB,
            volumeType: 'gp3',
            encrypted: 'true',
            kmsKeyId: props.volumeKmsKeyArn,
            deleteOnTermination: 'true',
          },
        },
      ],
      monitoring: { enabled: true },
      tagSpecifications: [
        { resourceType: 'instance', tags },
        { resourceType: 'volume', tags },
        { resourceType: 'network-interface', tags },
      ],
      tags,
    });
    this.nodeGroup = new EksNodeGroup(this, 'node-group', {
      clusterName: props.clusterName,
      nodeGroupName: props.name,
      version: props.kubernetesVersion,
      nodeRoleArn: props.nodeRoleArn,
      subnetIds: props.subnetIds,
      amiType: group.amiType,
      capacityType: group.capacityType,
      instanceTypes: [...group.instanceTypes],
      scalingConfig: {
        minSize: group.minSize,
        maxSize: group.maxSize,
        desiredSize: group.desiredSize,
      },
      updateConfig: { maxUnavailablePercentage: 33 },
      nodeRepairConfig: { enabled: true },
      labels: { ...group.labels, 'platform/node-group': props.name },
      taint: group.taints.map((t) => ({
        key: t.key,
        value: t.value === '' ? undefined : t.value,
        effect: t.effect,
      })),
      launchTemplate: {
        id: this.launchTemplate.id,
        version: Token.asString(this.launchTemplate.latestVersion),
      },
      tags,
      dependsOn: props.dependsOn,
      lifecycle: { ignoreChanges: ['scaling_config[0].desired_size'] },
    });
  }
}
