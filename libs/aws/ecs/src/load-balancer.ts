import { CloudwatchLogGroup } from '@cdktf/provider-aws/lib/cloudwatch-log-group';
import { CloudwatchLogResourcePolicy } from '@cdktf/provider-aws/lib/cloudwatch-log-resource-policy';
import { Lb } from '@cdktf/provider-aws/lib/lb';
import { LbListener } from '@cdktf/provider-aws/lib/lb-listener';
import { Route53Record } from '@cdktf/provider-aws/lib/route53-record';
import { SecurityGroup } from '@cdktf/provider-aws/lib/security-group';
import { VpcSecurityGroupEgressRule } from '@cdktf/provider-aws/lib/vpc-security-group-egress-rule';
import { VpcSecurityGroupIngressRule } from '@cdktf/provider-aws/lib/vpc-security-group-ingress-rule';
import { Wafv2WebAcl } from '@cdktf/provider-aws/lib/wafv2-web-acl';
import { Wafv2WebAclAssociation } from '@cdktf/provider-aws/lib/wafv2-web-acl-association';
import { Wafv2WebAclLoggingConfiguration } from '@cdktf/provider-aws/lib/wafv2-web-acl-logging-configuration';
import { grantWriteLogs, policyDocument, SecureBucket } from '@platform/aws-common';
import { arn, servicePrincipal } from '@platform/config';
import type { NetworkRef } from '@platform/core';
import { suppress } from '@platform/policy';
import { Construct } from 'constructs';
import { ListenerCertificates } from './certificates';

/** The TLS policy of every HTTPS listener: TLS 1.3 and 1.2 with forward-secret ciphers only. */
export const TLS_POLICY = 'ELBSecurityPolicy-TLS13-1-2-2021-06';

/** The AWS managed rule groups in front of every public ALB, in evaluation order. */
export const MANAGED_RULE_GROUPS = [
  'AWSManagedRulesCommonRuleSet',
  'AWSManagedRulesKnownBadInputsRuleSet',
  'AWSManagedRulesAmazonIpReputationList',
] as const;

/** Props of {@link PublicLoadBalancer}. */
export interface PublicLoadBalancerProps {
  /** Name prefix of every resource, e.g. dev. */
  readonly name: string;
  /** The account that owns the load balancer. */
  readonly accountId: string;
  /** The region. */
  readonly region: string;
  /** The VPC and its public subnets. */
  readonly network: NetworkRef;
  /** The hosted zone that holds the service hosts. */
  readonly hostedZone: { readonly name: string; readonly id: string };
  /** Hostnames served, each with an alias record and a certificate that covers it (see ListenerCertificates). */
  readonly hosts: readonly string[];
  /** Requests per client IP per 5 minutes before WAF blocks it. */
  readonly rateLimitPer5Minutes: number;
  /** Days access logs are kept. */
  readonly accessLogRetentionDays: number;
  /** Customer-managed key for the WAF log group. */
  readonly kmsKeyArn: string;
  /** Days WAF logs are kept. */
  readonly logRetentionDays: number;
  /** Port of the blue/green test listener, reachable from the VPC only. */
  readonly testListenerPort: number;
  /**
   * Deletion protection on the ALB, prevent_destroy on its log bucket.
   * @default false
   */
  readonly protect?: boolean;
}

/**
 * The environment's public entry: an internet-facing ALB in the public subnets that drops
 * invalid headers and logs every request; HTTPS on 443 with DNS-validated certificates and a
 * modern TLS policy; HTTP on 80 only redirects; a test listener for blue/green reachable from
 * the VPC; a WAF web ACL with AWS managed rules and a per-IP rate limit; alias records.
 */
export class PublicLoadBalancer extends Construct {
  /** The load balancer. */
  readonly alb: Lb;
  /** Its security group: tasks accept traffic from this group only. */
  readonly securityGroup: SecurityGroup;
  /** The HTTPS listener (production traffic). */
  readonly httpsListener: LbListener;
  /** The test listener (blue/green test traffic). */
  readonly testListener: LbListener;
  /** The web ACL. */
  readonly webAcl: Wafv2WebAcl;

  constructor(scope: Construct, id: string, props: PublicLoadBalancerProps) {
    super(scope, id);
    const { name } = props;
    const problems = [
      [
        props.rateLimitPer5Minutes < 100,
        `rateLimitPer5Minutes must be 100 or more (got ${props.rateLimitPer5Minutes})`,
      ],
      [
        props.testListenerPort === 443 || props.testListenerPort === 80,
        `testListenerPort must not be 80 or 443 (got ${props.testListenerPort})`,
      ],
      ...props.hosts
        .filter((h) => h !== props.hostedZone.name && !h.endsWith(`.${props.hostedZone.name}`))
        .map(
          (h) => [true, `host "${h}" is not in the hosted zone ${props.hostedZone.name}`] as const,
        ),
    ] as const;
    const messages = problems.filter(([bad]) => bad).map(([, m]) => m);
    if (messages.length > 0) throw new Error(`${this.node.path}: ${messages.join('; ')}`);

    this.securityGroup = new SecurityGroup(this, 'security-group', {
      name: `${name}-public-alb`,
      description:
        'Public ALB: HTTPS and HTTP (redirect only) from the internet, test listener from the VPC',
      vpcId: props.network.vpcId,
      tags: { Name: `${name}-public-alb` },
    });
    for (const [port, what] of [
      [443, 'HTTPS'],
      [80, 'HTTP, redirected to HTTPS'],
    ] as const) {
      const rule = new VpcSecurityGroupIngressRule(this, `ingress-${port}`, {
        securityGroupId: this.securityGroup.id,
        description: `${what} from the internet`,
        ipProtocol: 'tcp',
        fromPort: port,
        toPort: port,
        cidrIpv4: '0.0.0.0/0',
      });
      suppress(
        rule,
        'PLT-SG-NO-OPEN-INGRESS',
        'the public ALB is the one internet entry point, behind WAF',
      );
    }
    new VpcSecurityGroupIngressRule(this, 'ingress-test', {
      securityGroupId: this.securityGroup.id,
      description: 'Blue/green test listener, from inside the VPC only',
      ipProtocol: 'tcp',
      fromPort: props.testListenerPort,
      toPort: props.testListenerPort,
      cidrIpv4: props.network.vpcCidr,
    });
    new VpcSecurityGroupEgressRule(this, 'egress-vpc', {
      securityGroupId: this.securityGroup.id,
      description: 'To the service tasks and health checks inside the VPC',
      ipProtocol: 'tcp',
      fromPort: 1024,
      toPort: 65535,
      cidrIpv4: props.network.vpcCidr,
    });

    const logPrefix = 'alb';
    const logs = new SecureBucket(this, 'access-logs', {
      bucketName: `${name}-alb-access-logs-${props.accountId}`,
      loadBalancerAccessLogs: {
        accountId: props.accountId,
        region: props.region,
        prefix: logPrefix,
        retentionDays: props.accessLogRetentionDays,
      },
      protect: props.protect,
    });

    this.alb = new Lb(this, 'alb', {
      name: `${name}-public`,
      internal: false,
      loadBalancerType: 'application',
      securityGroups: [this.securityGroup.id],
      subnets: props.network.publicSubnetIds,
      dropInvalidHeaderFields: true,
      enableDeletionProtection: props.protect ?? false,
      desyncMitigationMode: 'strictest',
      accessLogs: { bucket: logs.bucket.id, prefix: logPrefix, enabled: true },
      dependsOn: [logs.policy],
    });

    const hosts = [...new Set(props.hosts)];
    const certificates = new ListenerCertificates(this, 'tls', {
      hostedZone: props.hostedZone,
      hosts,
    });

    this.httpsListener = new LbListener(this, 'https', {
      loadBalancerArn: this.alb.arn,
      port: 443,
      protocol: 'HTTPS',
      sslPolicy: TLS_POLICY,
      certificateArn: certificates.defaultCertificateArn,
      defaultAction: [
        {
          type: 'fixed-response',
          fixedResponse: { contentType: 'text/plain', statusCode: '404', messageBody: 'Not found' },
        },
      ],
    });
    new LbListener(this, 'http-redirect', {
      loadBalancerArn: this.alb.arn,
      port: 80,
      protocol: 'HTTP',
      defaultAction: [
        { type: 'redirect', redirect: { protocol: 'HTTPS', port: '443', statusCode: 'HTTP_301' } },
      ],
    });
    this.testListener = new LbListener(this, 'test', {
      loadBalancerArn: this.alb.arn,
      port: props.testListenerPort,
      protocol: 'HTTPS',
      sslPolicy: TLS_POLICY,
      certificateArn: certificates.defaultCertificateArn,
      defaultAction: [
        {
          type: 'fixed-response',
          fixedResponse: { contentType: 'text/plain', statusCode: '404', messageBody: 'Not found' },
        },
      ],
    });

    certificates.attachTo('https', this.httpsListener.arn);
    certificates.attachTo('test', this.testListener.arn);

    for (const host of hosts) {
      new Route53Record(this, `alias-${host.replace(/\./g, '-')}`, {
        zoneId: props.hostedZone.id,
        name: host,
        type: 'A',
        alias: { name: this.alb.dnsName, zoneId: this.alb.zoneId, evaluateTargetHealth: true },
      });
    }

    const visibility = (metric: string) => ({
      cloudwatchMetricsEnabled: true,
      metricName: metric,
      sampledRequestsEnabled: true,
    });
    this.webAcl = new Wafv2WebAcl(this, 'web-acl', {
      name: `${name}-public-alb`,
      description: `Protects the ${name} public ALB: AWS managed rules and a per-IP rate limit`,
      scope: 'REGIONAL',
      defaultAction: { allow: {} },
      rule: [
        ...MANAGED_RULE_GROUPS.map((group, index) => ({
          name: group,
          priority: index + 1,
          overrideAction: { none: {} },
          statement: { managed_rule_group_statement: { name: group, vendor_name: 'AWS' } },
          visibilityConfig: visibility(group),
        })),
        {
          name: 'rate-limit-per-ip',
          priority: MANAGED_RULE_GROUPS.length + 1,
          action: { block: {} },
          statement: {
            rate_based_statement: { limit: props.rateLimitPer5Minutes, aggregate_key_type: 'IP' },
          },
          visibilityConfig: visibility('rate-limit-per-ip'),
        },
      ],
      visibilityConfig: visibility(`${name}-public-alb`),
    });
    new Wafv2WebAclAssociation(this, 'web-acl-association', {
      resourceArn: this.alb.arn,
      webAclArn: this.webAcl.arn,
    });
    // WAF requires the log group name to start with aws-waf-logs-.
    const wafLogs = new CloudwatchLogGroup(this, 'waf-logs', {
      name: `aws-waf-logs-${name}-public-alb`,
      retentionInDays: props.logRetentionDays,
      kmsKeyId: props.kmsKeyArn,
    });
    // Log delivery may write to this group only, for this account's web ACLs.
    const wafLogDelivery = new CloudwatchLogResourcePolicy(this, 'waf-log-delivery', {
      policyName: `${name}-waf-log-delivery`,
      policyDocument: policyDocument(this, 'waf-log-delivery-document', [
        grantWriteLogs([`${wafLogs.arn}:*`], {
          sid: 'WafLogDelivery',
          principals: [
            { type: 'Service', identifiers: [servicePrincipal(props.region, 'delivery.logs')] },
          ],
          conditions: [
            { test: 'StringEquals', variable: 'aws:SourceAccount', values: [props.accountId] },
            {
              test: 'ArnLike',
              variable: 'aws:SourceArn',
              values: [arn(props, { service: 'logs', resource: '*' })],
            },
          ],
        }),
      ]),
    });
    new Wafv2WebAclLoggingConfiguration(this, 'web-acl-logging', {
      dependsOn: [wafLogDelivery],
      resourceArn: this.webAcl.arn,
      logDestinationConfigs: [wafLogs.arn],
      redactedFields: [
        { singleHeader: { name: 'authorization' } },
        { singleHeader: { name: 'cookie' } },
      ],
    });
  }
}
