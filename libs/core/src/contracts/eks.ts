import { type ContractValues, defineContract } from '../remote-state';

const shape = {
  clusterName: 'string',
  clusterEndpoint: 'string',
  clusterCertificateAuthority: 'string',
  oidcProviderArn: 'string',
  oidcIssuer: 'string',
  clusterSecurityGroupId: 'string',
  nodeSecurityGroupId: 'string',
} as const;

/** What the eks family publishes: the cluster and what workloads need to trust it. */
export const eksContract = defineContract('eks', shape, {
  clusterName: 'Name of the EKS cluster',
  clusterEndpoint: 'HTTPS endpoint of the Kubernetes API (private in production)',
  clusterCertificateAuthority: 'Base64 PEM of the cluster certificate authority, for kubeconfig',
  oidcProviderArn: 'ARN of the IAM OIDC provider of the cluster, for IRSA trust policies',
  oidcIssuer: 'Issuer URL of the cluster OIDC identity (https://oidc.eks...), for IRSA conditions',
  clusterSecurityGroupId:
    'Security group EKS attaches to the control plane and managed nodes (EKS-created cluster security group)',
  nodeSecurityGroupId:
    'Security group of the managed nodes: allow it as a source to reach a database or service from pods',
});

/** A typed reference to an environment's EKS cluster. */
export type EksRef = ContractValues<typeof shape>;
