import type { ServiceConfig } from './schema/services';

/**
 * The names the delivery and observability families share: pipelines live in the first
 * environment's account, and the build publishes DORA events that observability reads.
 */

/** The CodePipeline of a service, in the pipeline environment's account: `<service>-release`. */
export function pipelineName(service: Pick<ServiceConfig, 'name'>): string {
  return `${service.name}-release`;
}

/** The environment whose account runs every pipeline: the one that deploys first (lowest deployOrder). */
export function pipelineEnvironment<
  E extends { readonly name: string; readonly deployOrder: number },
>(environments: readonly E[]): E {
  const first = [...environments].sort((a, b) => a.deployOrder - b.deployOrder)[0];
  if (!first) throw new Error('pipelineEnvironment: no environments');
  return first;
}

/** EventBridge `source` of the events the pipelines publish (PutEvents on the default bus). */
export const DORA_EVENT_SOURCE = 'platform.delivery';

/**
 * The `detail-type`s of those events and their `detail` fields:
 * - `Commit Built`: { service, commitSha, commitTime (ISO-8601), pipelineExecutionId }, once per build.
 * - `Commit Deployed`: { service, environment, commitSha, commitTime, deployedTime (ISO-8601),
 *   leadTimeSeconds, pipelineExecutionId }, after each environment's deploy stage succeeds.
 */
export const DORA_DETAIL_TYPES = {
  commitBuilt: 'Commit Built',
  commitDeployed: 'Commit Deployed',
} as const;
