import { awsDnsSuffix } from './arn';
import type { ServiceConfig } from './schema/services';

/** The AppConfig names a service's agent sidecar reads; the delivery family creates them. */
export interface AppConfigNames {
  /** AppConfig application, by default the service name. */
  readonly application: string;
  /** AppConfig environment, by default the environment name. */
  readonly environment: string;
  /** Configuration profile, by default feature-flags. */
  readonly profile: string;
}

/** The AppConfig names of a service, or undefined when it does not use the agent. */
export function appConfigNames(
  env: { readonly name: string },
  service: Pick<ServiceConfig, 'name' | 'appConfig'>,
): AppConfigNames | undefined {
  if (!service.appConfig) return undefined;
  return {
    application: service.appConfig.application ?? service.name,
    environment: service.appConfig.environment ?? env.name,
    profile: service.appConfig.profile,
  };
}

/** The URL of a repository in the environment's own registry: `<account>.dkr.ecr.<region>.<dnsSuffix>/<repo>`. */
export function ecrRepositoryUrl(
  env: { readonly aws: { readonly accountId: string; readonly region: string } },
  repository: string,
): string {
  return `${env.aws.accountId}.dkr.ecr.${env.aws.region}.${awsDnsSuffix(env.aws.region)}/${repository}`;
}
