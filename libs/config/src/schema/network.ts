import { z } from 'zod';
import { logRetentionDays } from './retention';

/** A subnet tier: every availability zone gets one subnet of this size. */
const subnetTier = z.strictObject({
  prefixLength: z
    .number()
    .int()
    .min(16, 'AWS subnets are /16 to /28')
    .max(28, 'AWS subnets are /16 to /28')
    .meta({
      description: 'Prefix length of each subnet of the tier, e.g. 24 for a /24 (256 addresses).',
    }),
});

/** Where NAT gateways go: one shared by every AZ, or one per AZ so an AZ outage stays local. */
export const NAT_STRATEGIES = ['single', 'one-per-az'] as const;

export const networkSchema = z.strictObject({
  vpcCidr: z.string().meta({
    description: "The VPC's IPv4 range, /16 to /28. Must not overlap another environment's VPC.",
    examples: ['10.10.0.0/16'],
  }),
  subnets: z
    .strictObject({
      public: subnetTier.meta({
        description:
          'Subnets with a route to the internet gateway: load balancers and NAT gateways only.',
      }),
      private: subnetTier.meta({
        description: 'Subnets that reach the internet through NAT: workloads.',
      }),
      intra: subnetTier.meta({
        description: 'Subnets with no route out of the VPC: databases, control planes, endpoints.',
      }),
    })
    .meta({ description: 'Subnet sizes per tier; the CIDRs themselves are computed at synth.' }),
  natStrategy: z.enum(NAT_STRATEGIES).meta({ description: 'NAT gateway placement.' }),
  flowLogRetentionDays: logRetentionDays.meta({
    description: 'How long VPC flow logs are kept, in days.',
  }),
});

export type NetworkConfig = z.infer<typeof networkSchema>;
export type SubnetTierName = keyof NetworkConfig['subnets'];
