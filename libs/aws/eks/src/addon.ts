import { EksAddon } from '@cdktf/provider-aws/lib/eks-addon';
import type { EksConfig } from '@platform/config';
import type { ITerraformDependable } from 'cdktf';
import { Construct } from 'constructs';

/** EKS add-on names by config field. */
export const ADDON_NAMES: Readonly<Record<keyof EksConfig['addons'], string>> = {
  vpcCni: 'vpc-cni',
  podIdentityAgent: 'eks-pod-identity-agent',
  kubeProxy: 'kube-proxy',
  coredns: 'coredns',
  ebsCsiDriver: 'aws-ebs-csi-driver',
  cloudwatchObservability: 'amazon-cloudwatch-observability',
};

/** Props of {@link ClusterAddon}. */
export interface ClusterAddonProps {
  /** The cluster's name (a reference). */
  readonly clusterName: string;
  /** Which add-on, by its config field. */
  readonly addon: keyof EksConfig['addons'];
  /** The add-on version, e.g. v1.19.5-eksbuild.3. */
  readonly version: string;
  /**
   * IRSA role of the add-on's service account.
   * @default none: the add-on needs no AWS permissions
   */
  readonly serviceAccountRoleArn?: string;
  /**
   * Resources that must exist first (IAM grants, node groups).
   * @default none
   */
  readonly dependsOn?: ITerraformDependable[];
}

/**
 * An EKS managed add-on pinned to a version from config. Conflicts resolve with OVERWRITE on
 * create and on update: fields drifted by hand inside the cluster are reset to the add-on's
 * values, so an upgrade never fails on them (nothing inside the cluster is managed elsewhere).
 */
export class ClusterAddon extends Construct {
  /** The add-on. */
  readonly addon: EksAddon;

  constructor(scope: Construct, id: string, props: ClusterAddonProps) {
    super(scope, id);
    if (!/^v\d+\.\d+\.\d+-eksbuild\.\d+$/.test(props.version)) {
      throw new Error(
        `${this.node.path}: version must look like v1.19.5-eksbuild.3 (got "${props.version}")`,
      );
    }
    this.addon = new EksAddon(this, 'addon', {
      clusterName: props.clusterName,
      addonName: ADDON_NAMES[props.addon],
      addonVersion: props.version,
      serviceAccountRoleArn: props.serviceAccountRoleArn,
      resolveConflictsOnCreate: 'OVERWRITE',
      resolveConflictsOnUpdate: 'OVERWRITE',
      dependsOn: props.dependsOn,
    });
  }
}
