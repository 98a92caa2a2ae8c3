import { z } from 'zod';
import { cidrsOverlap, isCanonicalCidr, planSubnets } from '../cidr';
import { baselineSchema } from './baseline';
import { accountId, stateSchema } from './common';
import { sharedEnvironmentFields } from './shared';
import { deliverySchema } from './delivery';
import { ecsSchema } from './ecs';
import { eksEnvironmentProblems, eksSchema } from './eks';
import { networkSchema } from './network';
import { observabilityProblems, observabilitySchema } from './observability';
import { registrySchema } from './registry';
import { servicesSchema } from './services';
import { checkServices } from './services-rules';
import { AWS_REGIONS, awsPartition } from './regions';

const ACCOUNT_ID = accountId.meta({
  description: "The environment's own AWS account; every environment has a different one.",
  examples: ['123456789012'],
});
const REGION = z
  .enum(AWS_REGIONS)
  .meta({ description: 'The AWS region every stack of the environment deploys to.' });
const ZONES = z
  .array(z.string())
  .min(1, 'name at least one availability zone')
  .max(6)
  .meta({
    description:
      'Availability zones used, by name (no lookup at plan time), e.g. [eu-west-1a, eu-west-1b].',
    examples: [['eu-west-1a', 'eu-west-1b']],
  });

/** Where an AWS environment lives: its account, region, zones and Terraform state. */
export const awsSectionSchema = z.strictObject({
  accountId: ACCOUNT_ID,
  region: REGION,
  availabilityZones: ZONES,
  state: stateSchema.meta({ description: "Where this environment's Terraform state lives." }),
});

/**
 * An AWS environment file (`cloud: aws`): one AWS account, one region. Every stack family reads
 * its own section; unknown fields are rejected everywhere.
 */
export const awsEnvironmentSchema = z
  .strictObject({
    ...sharedEnvironmentFields,
    cloud: z.literal('aws').meta({ description: 'The cloud this environment runs on: AWS.' }),
    aws: awsSectionSchema.meta({
      description: "The environment's AWS account, region, zones and Terraform state.",
    }),
    network: networkSchema.meta({ description: 'VPC layout.' }),
    services: servicesSchema.meta({
      description: "The environment's containerized services: one block per service.",
    }),
    ecs: ecsSchema.meta({ description: 'ECS cluster, public ALB, WAF and DNS settings.' }),
    registry: registrySchema.meta({ description: 'ECR settings shared by every repository.' }),
    delivery: deliverySchema.meta({
      description:
        'The release pipelines: source connection, artifacts, approvers, feature-flag rollout.',
    }),
    observability: observabilitySchema.meta({
      description:
        'Dashboards, composite and environment-wide alarms, X-Ray tracing, DORA metrics.',
    }),
    baseline: baselineSchema.optional().meta({
      description:
        'The account baseline: audit trail, threat detection, Config compliance, guardrails, budgets. Leave it out where the baseline family never ran (no stack); switch a deployed one off with enabled: false.',
    }),
    eks: eksSchema.optional().meta({
      description:
        'The EKS cluster: version, endpoint access, access entries, add-ons, node groups. Leave it out where EKS never ran (no stack); switch a deployed cluster off with enabled: false.',
    }),
  })
  .superRefine((env, ctx) => {
    const issue = (path: (string | number)[], message: string) =>
      ctx.addIssue({ code: 'custom', path, message });

    // Every ARN the file names lives in the environment's partition (arn:aws-cn:… in China).
    const { partition } = awsPartition(env.aws.region);
    const arns: [(string | number)[], string][] = [
      [['aws', 'state', 'administratorRoleArn'], env.aws.state.administratorRoleArn],
      ...(env.delivery.connectionArn
        ? [[['delivery', 'connectionArn'], env.delivery.connectionArn] as [string[], string]]
        : []),
      ...env.services.flatMap((service, index) =>
        Object.entries(service.secrets).map(
          ([name, arn]) =>
            [['services', index, 'secrets', name], arn] as [(string | number)[], string],
        ),
      ),
      ...(['admins', 'readOnly'] as const).flatMap((list) =>
        (env.eks?.access[list] ?? []).map(
          (arn, index) => [['eks', 'access', list, index], arn] as [(string | number)[], string],
        ),
      ),
    ];
    for (const [path, arn] of arns) {
      const given = arn.split(':')[1];
      if (given !== partition) {
        issue(
          path,
          `"${arn}" is in partition "${given}", but ${env.aws.region} is in "${partition}": use arn:${partition}:…`,
        );
      }
    }

    const administrator = env.aws.state.administratorRoleArn.split(':')[4];
    if (administrator !== env.aws.accountId) {
      issue(
        ['aws', 'state', 'administratorRoleArn'],
        `must be a role of this environment's account ${env.aws.accountId} (got account ${administrator})`,
      );
    }

    env.aws.availabilityZones.forEach((zone, index) => {
      if (!new RegExp(`^${env.aws.region}[a-z]$`).test(zone)) {
        issue(
          ['aws', 'availabilityZones', index],
          `"${zone}" is not a zone of ${env.aws.region} (expected ${env.aws.region}a, ${env.aws.region}b, ...)`,
        );
      }
      if (env.aws.availabilityZones.indexOf(zone) !== index) {
        issue(['aws', 'availabilityZones', index], `"${zone}" is listed twice`);
      }
    });

    if (env.production) {
      if (env.aws.availabilityZones.length < 2) {
        issue(
          ['aws', 'availabilityZones'],
          `a production environment needs at least 2 availability zones (got ${env.aws.availabilityZones.length})`,
        );
      }
      if (env.network.natStrategy !== 'one-per-az') {
        issue(
          ['network', 'natStrategy'],
          `a production environment needs "one-per-az" so one zone's outage stays local (got "${env.network.natStrategy}")`,
        );
      }
    }

    checkServices(env, issue);
    for (const problem of eksEnvironmentProblems(env)) issue(problem.path, problem.message);
    for (const problem of observabilityProblems(env)) issue(problem.path, problem.message);
    if (env.baseline) {
      const audit = env.baseline.audit;
      if (audit.glacierAfterDays < audit.infrequentAccessAfterDays + 30) {
        issue(
          ['baseline', 'audit', 'glacierAfterDays'],
          `S3 needs 30 days in Standard-IA before Glacier: use ${audit.infrequentAccessAfterDays + 30} or more (got ${audit.glacierAfterDays})`,
        );
      }
      if (audit.objectLockRetentionDays > audit.retentionDays) {
        issue(
          ['baseline', 'audit', 'objectLockRetentionDays'],
          `a log cannot stay locked longer than it is kept: use at most retentionDays (${audit.retentionDays}) (got ${audit.objectLockRetentionDays})`,
        );
      }
      if (audit.retentionDays <= audit.glacierAfterDays) {
        issue(
          ['baseline', 'audit', 'retentionDays'],
          `log files must be kept longer than glacierAfterDays (${audit.glacierAfterDays}) (got ${audit.retentionDays})`,
        );
      }
      if (env.production && audit.retentionDays < 365) {
        issue(
          ['baseline', 'audit', 'retentionDays'],
          `a production environment keeps audit logs for at least 365 days (got ${audit.retentionDays})`,
        );
      }
      env.baseline.budgets.forEach((budget, index, budgets) => {
        if (budgets.findIndex((b) => b.name === budget.name) !== index) {
          issue(
            ['baseline', 'budgets', index, 'name'],
            `budget name "${budget.name}" is used twice`,
          );
        }
      });
    }

    if (!isCanonicalCidr(env.network.vpcCidr)) {
      issue(
        ['network', 'vpcCidr'],
        `"${env.network.vpcCidr}" is not an IPv4 range starting at its first address, e.g. 10.0.0.0/16`,
      );
      return;
    }
    const vpcPrefix = Number(env.network.vpcCidr.split('/')[1]);
    if (vpcPrefix < 16 || vpcPrefix > 28) {
      issue(['network', 'vpcCidr'], `a VPC range must be /16 to /28 (got /${vpcPrefix})`);
      return;
    }
    for (const [tier, { prefixLength }] of Object.entries(env.network.subnets)) {
      if (prefixLength <= vpcPrefix) {
        issue(
          ['network', 'subnets', tier, 'prefixLength'],
          `/${prefixLength} does not fit inside the VPC's /${vpcPrefix}: use a prefix longer than ${vpcPrefix}`,
        );
      }
    }
    const plan = planSubnets(env.network, env.aws.availabilityZones);
    if ('overflow' in plan) {
      issue(['network', 'subnets'], `subnets do not fit in the VPC: ${plan.overflow}`);
    } else {
      // The layout cannot overlap by construction; this check keeps it honest.
      plan.subnets.forEach((a, i) =>
        plan.subnets.slice(i + 1).forEach((b) => {
          if (cidrsOverlap(a.cidr, b.cidr)) {
            issue(['network', 'subnets'], `subnets ${a.cidr} and ${b.cidr} overlap`);
          }
        }),
      );
    }
  })
  .meta({
    title: 'AWS environment',
    description:
      'An AWS environment (cloud: aws): one AWS account, one region. Every stack family reads its own section; unknown fields are rejected everywhere.',
  });

/** An AWS environment file as written (defaults not yet applied). */
export type AwsEnvironmentInput = z.input<typeof awsEnvironmentSchema>;
/** An AWS environment file after validation, defaults applied. */
export type AwsEnvironmentConfig = z.output<typeof awsEnvironmentSchema>;
