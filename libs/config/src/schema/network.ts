import { z } from 'zod';
import { logRetentionDays } from './retention';

/** A subnet tier: every availability zone gets one subnet of this size. */
const subnetTier = z.strictObject({
  /** Prefix length of each subnet of the tier, e.g. 24 for a /24 (256 addresses). */
  prefixLength: z
    .number()
    .int()
    .min(16, 'AWS subnets are /16 to /28')
    .max(28, 'AWS subnets are /16 to /28'),
});

/** Where NAT gateways go: one shared by every AZ, or one per AZ so an AZ outage stays local. */
export const NAT_STRATEGIES = ['single', 'one-per-az'] as const;

export const networkSchema = z.strictObject({
  /** The VPC's IPv4 range, /16 to /28. Must not overlap another environment's VPC. */
  vpcCidr: z.string(),
  /** Subnet sizes per tier; the CIDRs themselves are computed at synth. */
  subnets: z.strictObject({
    /** Subnets with a route to the internet gateway: load balancers and NAT gateways only. */
    public: subnetTier,
    /** Subnets that reach the internet through NAT: workloads. */
    private: subnetTier,
    /** Subnets with no route out of the VPC: databases, control planes, endpoints. */
    intra: subnetTier,
  }),
  /** NAT gateway placement. */
  natStrategy: z.enum(NAT_STRATEGIES),
  /** How long VPC flow logs are kept, in days. */
  flowLogRetentionDays: logRetentionDays,
});

export type NetworkConfig = z.infer<typeof networkSchema>;
export type SubnetTierName = keyof NetworkConfig['subnets'];
