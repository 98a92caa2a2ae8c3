import { CloudwatchMetricAlarm } from '@cdktf/provider-aws/lib/cloudwatch-metric-alarm';
import { Construct } from 'constructs';

/** Props of {@link EdgeAlarms}. */
export interface EdgeAlarmsProps {
  /** Environment name: prefixes every alarm name. */
  readonly environmentName: string;
  /** The region (WAF metrics carry it as a dimension). */
  readonly region: string;
  /** NAT gateway ids (NatGatewayId dimension), one alarm each. */
  readonly natGatewayIds: readonly string[];
  /** Name of the public ALB's web ACL (WebACL dimension). */
  readonly webAclName: string;
  /** NAT port-allocation errors per 5 minutes that raise the NAT alarm. */
  readonly natPortAllocationErrorsPer5Minutes: number;
  /** Blocked requests per 5 minutes that raise the WAF alarm. */
  readonly wafBlockedRequestsPer5Minutes: number;
  /** The environment's alerting topic. */
  readonly topicArn: string;
}

/**
 * Environment-wide alarms at the edges of the network: NAT gateway port-allocation errors (one
 * per gateway) and a spike of requests blocked by the public ALB's WAF.
 */
export class EdgeAlarms extends Construct {
  /** Port-allocation alarm of each NAT gateway, in the order of the ids. */
  readonly natPortAllocation: readonly CloudwatchMetricAlarm[];
  /** WAF block spike alarm. */
  readonly wafBlockSpike: CloudwatchMetricAlarm;

  constructor(scope: Construct, id: string, props: EdgeAlarmsProps) {
    super(scope, id);
    const problems = [
      ...(props.natGatewayIds.length === 0 ? ['natGatewayIds must name at least one gateway'] : []),
      ...(['natPortAllocationErrorsPer5Minutes', 'wafBlockedRequestsPer5Minutes'] as const)
        .filter((k) => !Number.isInteger(props[k]) || props[k] < 1)
        .map((k) => `${k} must be a whole number, 1 or more (got ${props[k]})`),
    ];
    if (problems.length > 0) throw new Error(`${this.node.path}: ${problems.join('; ')}`);
    const env = props.environmentName;
    const actions = { alarmActions: [props.topicArn], okActions: [props.topicArn] };
    this.natPortAllocation = props.natGatewayIds.map(
      (natGatewayId, i) =>
        new CloudwatchMetricAlarm(this, `nat-${i}-port-allocation`, {
          alarmName: `${env}-nat-${i}-port-allocation-errors`,
          alarmDescription: `NAT gateway ${i + 1} of ${env} could not allocate a source port: connections from the private subnets to the internet are dropped. Check first: ActiveConnectionCount and the top talkers in the VPC flow logs (many connections to one destination:port exhaust the 55,000 ports), then whether traffic to AWS services could use a VPC endpoint.`,
          namespace: 'AWS/NATGateway',
          metricName: 'ErrorPortAllocation',
          dimensions: { NatGatewayId: natGatewayId },
          statistic: 'Sum',
          period: 300,
          evaluationPeriods: 1,
          threshold: props.natPortAllocationErrorsPer5Minutes,
          comparisonOperator: 'GreaterThanOrEqualToThreshold',
          treatMissingData: 'notBreaching',
          ...actions,
        }),
    );
    this.wafBlockSpike = new CloudwatchMetricAlarm(this, 'waf-block-spike', {
      alarmName: `${env}-waf-blocked-requests-spike`,
      alarmDescription: `The ${env} public ALB's WAF blocked ${props.wafBlockedRequestsPer5Minutes} or more requests in 5 minutes. Check first: the WAF sampled requests and the aws-waf-logs-${env}-public-alb log group for the rule and client IPs behind the blocks (an attack, or a release whose requests a managed rule now blocks), then the ALB 4xx/5xx on the overview dashboard.`,
      namespace: 'AWS/WAFV2',
      metricName: 'BlockedRequests',
      dimensions: { WebACL: props.webAclName, Region: props.region, Rule: 'ALL' },
      statistic: 'Sum',
      period: 300,
      evaluationPeriods: 1,
      threshold: props.wafBlockedRequestsPer5Minutes,
      comparisonOperator: 'GreaterThanOrEqualToThreshold',
      treatMissingData: 'notBreaching',
      ...actions,
    });
  }
}
