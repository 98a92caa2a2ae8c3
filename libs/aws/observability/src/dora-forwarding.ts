import { CloudwatchEventBusPolicy } from '@cdktf/provider-aws/lib/cloudwatch-event-bus-policy';
import { CloudwatchEventRule } from '@cdktf/provider-aws/lib/cloudwatch-event-rule';
import { CloudwatchEventTarget } from '@cdktf/provider-aws/lib/cloudwatch-event-target';
import { IamRole } from '@cdktf/provider-aws/lib/iam-role';
import { grantPutEvents, policyDocument, serviceRole } from '@platform/aws-common';
import {
  accountRootArn,
  arn,
  DORA_DETAIL_TYPES,
  DORA_EVENT_SOURCE,
  iamRoleArn,
  servicePrincipal,
} from '@platform/config';
import { Construct } from 'constructs';

/** An environment the pipeline account deploys to. */
export interface ForwardTarget {
  /** Environment name (the `environment` field of its `Commit Deployed` events). */
  readonly name: string;
  /** Its account. */
  readonly accountId: string;
  /** Its region. */
  readonly region: string;
}

/** ARN of an account's default event bus. */
export const defaultBusArn = (t: Pick<ForwardTarget, 'accountId' | 'region'>) =>
  arn(t, { service: 'events', resource: 'event-bus/default' });

/** Name of the pipeline account's forwarder role: the only principal other buses accept. */
export const doraForwarderRoleName = (pipelineEnvironmentName: string) =>
  `${pipelineEnvironmentName}-dora-forwarder`;

/** Props of {@link DoraForwarder}. */
export interface DoraForwarderProps {
  /** The pipeline environment's name: prefixes names. */
  readonly environmentName: string;
  /** The pipeline account (where this runs). */
  readonly accountId: string;
  /** The pipeline environment's region. */
  readonly region: string;
  /** Every other environment: its `Commit Deployed` events go to its default bus. */
  readonly targets: readonly ForwardTarget[];
}

/**
 * In the pipeline account: forwards each environment's `Commit Deployed` events to that
 * environment's default event bus (cross-account EventBridge targets, through a role that may
 * put events on exactly those buses), where its own DORA log picks them up.
 */
export class DoraForwarder extends Construct {
  /** The role EventBridge assumes to put events on the other accounts' buses. */
  readonly role: IamRole;
  /** Forwarding rules by target environment name. */
  readonly rules: Readonly<Record<string, CloudwatchEventRule>>;

  constructor(scope: Construct, id: string, props: DoraForwarderProps) {
    super(scope, id);
    if (props.targets.length === 0)
      throw new Error(`${this.node.path}: targets must name at least one environment`);
    const env = props.environmentName;
    this.role = serviceRole(this, 'role', {
      name: doraForwarderRoleName(env),
      description: 'EventBridge forwards DORA commit events to the environments they deployed to',
      servicePrincipal: servicePrincipal(props.region, 'events'),
      accountId: props.accountId,
      statements: [
        grantPutEvents(props.targets.map(defaultBusArn), { sid: 'PutEventsOnEnvironmentBuses' }),
      ],
    });
    const rules: Record<string, CloudwatchEventRule> = {};
    for (const target of props.targets) {
      const rule = new CloudwatchEventRule(this, `to-${target.name}`, {
        name: `${env}-dora-to-${target.name}`,
        description: `Forwards ${DORA_DETAIL_TYPES.commitDeployed} events of ${target.name} to its account's default bus`,
        eventPattern: JSON.stringify({
          source: [DORA_EVENT_SOURCE],
          'detail-type': [DORA_DETAIL_TYPES.commitDeployed],
          detail: { environment: [target.name] },
        }),
      });
      new CloudwatchEventTarget(this, `to-${target.name}-target`, {
        rule: rule.name,
        targetId: `${target.name}-default-bus`,
        arn: defaultBusArn(target),
        roleArn: this.role.arn,
      });
      rules[target.name] = rule;
    }
    this.rules = rules;
  }
}

/** Props of {@link DoraReceiver}. */
export interface DoraReceiverProps {
  /** This environment's account. */
  readonly accountId: string;
  /** This environment's region. */
  readonly region: string;
  /** The pipeline account, the only one allowed to put events. */
  readonly pipelineAccountId: string;
  /** The pipeline environment's name: its forwarder role is the only principal accepted. */
  readonly pipelineEnvironmentName: string;
}

/**
 * In every environment but the pipeline one: the default bus's policy lets exactly the pipeline
 * account's forwarder role put events, and only events of the delivery family's source.
 */
export class DoraReceiver extends Construct {
  /** The bus policy. */
  readonly policy: CloudwatchEventBusPolicy;

  constructor(scope: Construct, id: string, props: DoraReceiverProps) {
    super(scope, id);
    if (props.pipelineAccountId === props.accountId)
      throw new Error(
        `${this.node.path}: the pipeline account forwards events, it does not receive them (pipelineAccountId = accountId = ${props.accountId})`,
      );
    this.policy = new CloudwatchEventBusPolicy(this, 'policy', {
      eventBusName: 'default',
      policy: policyDocument(this, 'policy-document', [
        grantPutEvents([defaultBusArn(props)], {
          sid: 'PipelineAccountPutsDeliveryEvents',
          principals: [
            { type: 'AWS', identifiers: [accountRootArn(props, props.pipelineAccountId)] },
          ],
          conditions: [
            { test: 'StringEquals', variable: 'events:source', values: [DORA_EVENT_SOURCE] },
            {
              test: 'ArnEquals',
              variable: 'aws:PrincipalArn',
              values: [
                iamRoleArn(
                  props,
                  doraForwarderRoleName(props.pipelineEnvironmentName),
                  props.pipelineAccountId,
                ),
              ],
            },
          ],
        }),
      ]),
    });
  }
}
