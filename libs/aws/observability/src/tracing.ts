import { XrayEncryptionConfig } from '@cdktf/provider-aws/lib/xray-encryption-config';
import { XrayGroup } from '@cdktf/provider-aws/lib/xray-group';
import { XraySamplingRule } from '@cdktf/provider-aws/lib/xray-sampling-rule';
import { EncryptionKey } from '@platform/aws-common';
import type { ObservabilityConfig, ServiceConfig } from '@platform/config';
import { Construct } from 'constructs';

/** Props of {@link Tracing}. */
export interface TracingProps {
  /** Environment name: prefixes rule, group and key names. */
  readonly environmentName: string;
  /** The account (owns the key). */
  readonly accountId: string;
  /** The region (its partition names the account in the key policy). */
  readonly region: string;
  /** The services traced (their OTEL_SERVICE_NAME is the service name). */
  readonly services: readonly ServiceConfig[];
  /** Sampling settings of the environment. */
  readonly tracing: ObservabilityConfig['tracing'];
  /**
   * Add `prevent_destroy` to the key.
   * @default false
   */
  readonly protect?: boolean;
}

/** Priority of the first service sampling rule; health-check rules come before (lower numbers). */
export const SAMPLING_PRIORITY_BASE = 1000;

/**
 * X-Ray for one account (one environment): traces encrypted with a customer-managed key (an
 * account-level setting), a sampling rule per service with the environment's rates, a rule that
 * never samples the service's health checks (`<env>-<service>-probe`, at most 32 characters), and groups for faults and slow requests.
 */
export class Tracing extends Construct {
  /** The key that encrypts traces. */
  readonly key: EncryptionKey;
  /** Sampling rules by service name. */
  readonly samplingRules: Readonly<Record<string, XraySamplingRule>>;
  /** The group of traces with a fault (5xx). */
  readonly faultsGroup: XrayGroup;
  /** The group of slow traces. */
  readonly slowGroup: XrayGroup;

  constructor(scope: Construct, id: string, props: TracingProps) {
    super(scope, id);
    const env = props.environmentName;
    const { tracing } = props;
    this.key = new EncryptionKey(this, 'key', {
      accountId: props.accountId,
      region: props.region,
      alias: `alias/${env}-xray`,
      description: `Encrypts the X-Ray traces of ${env}`,
      protect: props.protect,
    });
    new XrayEncryptionConfig(this, 'encryption', { type: 'KMS', keyId: this.key.arn });

    const rule = (
      name: string,
      props: {
        service: string;
        priority: number;
        urlPath: string;
        rate: number;
        reservoir: number;
      },
    ) => {
      if (name.length > 32)
        throw new Error(
          `${this.node.path}: sampling rule name "${name}" is longer than 32 characters`,
        );
      return new XraySamplingRule(this, name, {
        ruleName: name,
        priority: props.priority,
        serviceName: props.service,
        serviceType: '*',
        host: '*',
        httpMethod: '*',
        urlPath: props.urlPath,
        resourceArn: '*',
        fixedRate: props.rate,
        reservoirSize: props.reservoir,
        version: 1,
      });
    };
    const rules: Record<string, XraySamplingRule> = {};
    props.services.forEach((service, i) => {
      rule(`${env}-${service.name}-probe`, {
        service: service.name,
        priority: SAMPLING_PRIORITY_BASE - 100 + i,
        urlPath: service.healthCheckPath,
        rate: 0,
        reservoir: 0,
      });
      rules[service.name] = rule(`${env}-${service.name}`, {
        service: service.name,
        priority: SAMPLING_PRIORITY_BASE + i,
        urlPath: '*',
        rate: tracing.serviceSampleRates[service.name] ?? tracing.sampleRate,
        reservoir: tracing.reservoirPerSecond,
      });
    });
    this.samplingRules = rules;

    const group = (name: string, filterExpression: string) =>
      new XrayGroup(this, name, {
        groupName: `${env}-${name}`,
        filterExpression,
        insightsConfiguration: { insightsEnabled: true, notificationsEnabled: false },
      });
    this.faultsGroup = group('faults', 'fault = true');
    this.slowGroup = group('slow', `responsetime > ${tracing.slowRequestSeconds}`);
  }
}
