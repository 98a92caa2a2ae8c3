export {
  BaselineFirewall,
  DENY_ALL_INGRESS_PRIORITY,
  GOOGLE_HEALTH_CHECK_RANGES,
  IAP_TCP_FORWARDING_RANGE,
  type BaselineFirewallProps,
} from './firewall';
export {
  GcpNetwork,
  type FlowLogAggregationInterval,
  type GcpNetworkProps,
  type GcpSecondaryRange,
  type GcpSubnetTier,
} from './network';
export {
  GCP_MIN_RANGE_PREFIX,
  isCanonicalCidr,
  isInsideRange,
  planRanges,
  type RangePlan,
  type RangeRequest,
} from './range-plan';
export { GCP_NAT_TIERS, GcpNetworkStack } from './network-stack';
