import { z } from 'zod';
import { dnsName } from './aws-names';
import { logRetentionDays } from './retention';

const capacityProvider = z.strictObject({
  weight: z.number().int().min(0).max(1000).meta({
    description:
      "Share of tasks beyond the base placed on this provider, relative to the other's weight.",
  }),
  base: z.number().int().min(0).max(100000).default(0).meta({
    description:
      'Tasks always placed on this provider first; only one provider may have a base. Default: 0',
  }),
});

export const ecsSchema = z.strictObject({
  hostedZone: z
    .strictObject({
      name: dnsName('dev.example.com').meta({
        description: 'Zone name, e.g. dev.example.com.',
        examples: ['dev.example.com'],
      }),
      id: z
        .string()
        .regex(
          /^Z[A-Z0-9]{1,31}$/,
          'must be a Route 53 hosted zone id such as Z0123456789ABCDEFGHIJ',
        )
        .meta({
          description: 'Zone id, e.g. Z0123456789ABCDEFGHIJ (no lookup at plan time).',
          examples: ['Z0123456789ABCDEFGHIJ'],
        }),
    })
    .meta({
      description:
        'The Route 53 hosted zone of the environment: service hosts live in it, the certificate is validated in it.',
    }),
  capacityProviders: z
    .strictObject({
      fargate: capacityProvider.meta({ description: 'On-demand Fargate.' }),
      fargateSpot: capacityProvider.meta({
        description:
          "Fargate Spot: up to 70 % cheaper, may be interrupted with two minutes' notice.",
      }),
    })
    .meta({ description: 'How tasks spread over on-demand and Spot capacity.' }),
  waf: z
    .strictObject({
      rateLimitPer5Minutes: z
        .number()
        .int()
        .min(100, 'AWS WAF rate limits are 100 or more per 5 minutes')
        .max(2_000_000_000)
        .meta({
          description:
            'Requests one client IP may send in 5 minutes before it is blocked (100 to 2,000,000,000).',
        }),
    })
    .meta({ description: 'The web ACL in front of the ALB.' }),
  accessLogRetentionDays: z
    .number()
    .int()
    .min(1)
    .max(3653)
    .meta({ description: 'Days the ALB access logs are kept in their bucket.' }),
  logRetentionDays: logRetentionDays.meta({
    description: 'Days container, ECS Exec and WAF logs are kept.',
  }),
  testListenerPort: z.number().int().min(1024).max(65535).default(8443).meta({
    description:
      'ALB port of the blue/green test listener, reachable from inside the VPC only. Default: 8443',
  }),
  /** ECS Exec (a shell in running tasks through SSM). @default false */
  enableExecuteCommand: z.boolean().default(false).meta({
    description:
      'Allow ECS Exec (an interactive shell in running tasks, recorded in the ECS Exec log group). Default false: production turns it on only as an explicit choice.',
  }),
});

export type EcsConfig = z.infer<typeof ecsSchema>;
