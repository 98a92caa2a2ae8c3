import { AppconfigApplication } from '@cdktf/provider-aws/lib/appconfig-application';
import { AppconfigConfigurationProfile } from '@cdktf/provider-aws/lib/appconfig-configuration-profile';
import { AppconfigDeployment } from '@cdktf/provider-aws/lib/appconfig-deployment';
import { AppconfigEnvironment } from '@cdktf/provider-aws/lib/appconfig-environment';
import { AppconfigHostedConfigurationVersion } from '@cdktf/provider-aws/lib/appconfig-hosted-configuration-version';
import type { IamRole } from '@cdktf/provider-aws/lib/iam-role';
import type { AppConfigNames, ServiceConfig } from '@platform/config';
import { TerraformIterator, Token } from 'cdktf';
import { Construct } from 'constructs';

/** The flags of a service, as the environment file declares them. */
export type FlagsConfig = NonNullable<ServiceConfig['appConfig']>['flags'];

/**
 * The AppConfig feature-flag document (`AWS.AppConfig.FeatureFlags`, version 1): every flag
 * declared, with its state. Keys are sorted so the content, and the hosted version, only
 * change when a flag does.
 */
export function featureFlagsDocument(flags: FlagsConfig): string {
  const names = Object.keys(flags).sort();
  return JSON.stringify({
    version: '1',
    flags: Object.fromEntries(
      names.map((n) => [
        n,
        { name: n, ...(flags[n]?.description ? { description: flags[n].description } : {}) },
      ]),
    ),
    values: Object.fromEntries(names.map((n) => [n, { enabled: flags[n]?.enabled === true }])),
  });
}

/** Props of {@link FeatureFlags}. */
export interface FeatureFlagsProps {
  /** The AppConfig names the service's agent sidecar reads (appConfigNames). */
  readonly names: AppConfigNames;
  /** The service's initial flags. */
  readonly flags: FlagsConfig;
  /** ARNs of the alarms that roll a flag deployment back (the service's alarms). */
  readonly alarmArns: string[];
  /** The role AppConfig reads the alarms with. */
  readonly monitorRole: IamRole;
  /** ID of the deployment strategy (gradual, with bake time). */
  readonly deploymentStrategyId: string;
}

/**
 * A service's feature flags: an AppConfig application, the environment (monitored by the
 * service's alarms, so a bad flag rolls back), a feature-flag profile, the initial flags as a
 * hosted version, and its deployment with the gradual strategy.
 */
export class FeatureFlags extends Construct {
  /** The application. */
  readonly application: AppconfigApplication;
  /** The environment. */
  readonly environment: AppconfigEnvironment;

  constructor(scope: Construct, id: string, props: FeatureFlagsProps) {
    super(scope, id);
    const { names } = props;
    this.application = new AppconfigApplication(this, 'application', {
      name: names.application,
      description: `Feature flags of ${names.application}`,
    });
    const alarms = TerraformIterator.fromList(props.alarmArns);
    this.environment = new AppconfigEnvironment(this, 'environment', {
      applicationId: this.application.id,
      name: names.environment,
      description: `${names.environment}: a flag deployment rolls back when a service alarm fires`,
      monitor: alarms.dynamic({ alarm_arn: alarms.value, alarm_role_arn: props.monitorRole.arn }),
    });
    const profile = new AppconfigConfigurationProfile(this, 'profile', {
      applicationId: this.application.id,
      name: names.profile,
      description: 'Feature flags, read by the AppConfig agent sidecar',
      locationUri: 'hosted',
      type: 'AWS.AppConfig.FeatureFlags',
    });
    const version = new AppconfigHostedConfigurationVersion(this, 'initial-flags', {
      applicationId: this.application.id,
      configurationProfileId: profile.configurationProfileId,
      contentType: 'application/json',
      content: featureFlagsDocument(props.flags),
      description: 'Flags from the environment file',
    });
    new AppconfigDeployment(this, 'deployment', {
      applicationId: this.application.id,
      environmentId: this.environment.environmentId,
      configurationProfileId: profile.configurationProfileId,
      configurationVersion: Token.asString(version.versionNumber),
      deploymentStrategyId: props.deploymentStrategyId,
      description: 'Flags from the environment file',
    });
  }
}
