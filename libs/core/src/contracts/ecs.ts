import type { EcsServiceAlarm } from '@platform/config';
import { type ContractValues, defineContract } from '../remote-state';

const shape = {
  clusterName: 'string',
  clusterArn: 'string',
  albArn: 'string',
  albArnSuffix: 'string',
  albDnsName: 'string',
  httpsListenerArn: 'string',
  testListenerArn: 'string',
  webAclName: 'string',
  serviceNames: 'list',
  services: 'string',
} as const;

/** What the ECS family publishes for delivery and observability. */
export const ecsContract = defineContract('ecs', shape, {
  clusterName: 'Name of the ECS cluster',
  clusterArn: 'ARN of the ECS cluster',
  albArn: 'ARN of the public ALB',
  albArnSuffix:
    'ARN suffix of the public ALB (app/<name>/<id>), the LoadBalancer dimension of its metrics',
  albDnsName: 'DNS name of the public ALB',
  httpsListenerArn: 'ARN of the HTTPS listener (production traffic)',
  testListenerArn: 'ARN of the blue/green test listener',
  webAclName:
    'Name of the WAF web ACL of the public ALB (REGIONAL), the WebACL dimension of its metrics',
  serviceNames: 'Names of the ECS services, by name',
  services:
    'JSON map: service name → { strategy, serviceName, taskFamily, targetGroupNames, targetGroupArnSuffixes, alarms (alarm key → name), codeDeployApplication?, codeDeployDeploymentGroup?, containerName, containerPort, capacityProviderStrategy }',
});

/** A typed reference to an environment's ECS platform. `services` is a JSON map of {@link EcsServiceRef}. */
export type EcsRef = ContractValues<typeof shape>;

/** One service of the ECS contract's `services` map: what the ECS family publishes of it (the one type producer and consumers share). */
export interface EcsServiceRef {
  readonly strategy: 'rolling' | 'blue-green';
  readonly serviceName: string;
  readonly taskFamily: string;
  readonly targetGroupNames: readonly string[];
  readonly targetGroupArnSuffixes: readonly string[];
  /** The service's alarm names by key (ECS_SERVICE_ALARMS of @platform/config; ECS_ROLLBACK_ALARMS roll deployments back). */
  readonly alarms: Readonly<Record<EcsServiceAlarm, string>>;
  readonly codeDeployApplication?: string;
  readonly codeDeployDeploymentGroup?: string;
  readonly containerName: string;
  readonly containerPort: number;
  /** A blue/green AppSpec must repeat this strategy, or CodeDeploy drops it from the service. */
  readonly capacityProviderStrategy: readonly {
    readonly capacityProvider: string;
    readonly weight: number;
    readonly base: number;
  }[];
}
