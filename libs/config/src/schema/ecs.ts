import { z } from 'zod';
import { logRetentionDays } from './retention';

const capacityProvider = z.strictObject({
  /** Share of tasks beyond the base placed on this provider, relative to the other's weight. */
  weight: z.number().int().min(0).max(1000),
  /** Tasks always placed on this provider first; only one provider may have a base. @default 0 */
  base: z.number().int().min(0).max(100000).default(0),
});

export const ecsSchema = z.strictObject({
  /** The Route 53 hosted zone of the environment: service hosts live in it, the certificate is validated in it. */
  hostedZone: z.strictObject({
    /** Zone name, e.g. dev.example.com. */
    name: z
      .string()
      .regex(
        /^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+$/,
        'must be a lowercase DNS name such as dev.example.com',
      ),
    /** Zone id, e.g. Z0123456789ABCDEFGHIJ (no lookup at plan time). */
    id: z
      .string()
      .regex(
        /^Z[A-Z0-9]{1,31}$/,
        'must be a Route 53 hosted zone id such as Z0123456789ABCDEFGHIJ',
      ),
  }),
  /** How tasks spread over on-demand and Spot capacity. */
  capacityProviders: z.strictObject({
    /** On-demand Fargate. */
    fargate: capacityProvider,
    /** Fargate Spot: up to 70 % cheaper, may be interrupted with two minutes' notice. */
    fargateSpot: capacityProvider,
  }),
  /** The web ACL in front of the ALB. */
  waf: z.strictObject({
    /** Requests one client IP may send in 5 minutes before it is blocked (100 to 2,000,000,000). */
    rateLimitPer5Minutes: z
      .number()
      .int()
      .min(100, 'AWS WAF rate limits are 100 or more per 5 minutes')
      .max(2_000_000_000),
  }),
  /** Days the ALB access logs are kept in their bucket. */
  accessLogRetentionDays: z.number().int().min(1).max(3653),
  /** Days container, ECS Exec and WAF logs are kept. */
  logRetentionDays,
  /** ALB port of the blue/green test listener, reachable from inside the VPC only. @default 8443 */
  testListenerPort: z.number().int().min(1024).max(65535).default(8443),
  /** ECS Exec (a shell in running tasks through SSM). @default false */
  enableExecuteCommand: z.boolean().default(false).meta({
    description:
      'Allow ECS Exec (an interactive shell in running tasks, recorded in the ECS Exec log group). Default false: production turns it on only as an explicit choice.',
  }),
});

export type EcsConfig = z.infer<typeof ecsSchema>;
