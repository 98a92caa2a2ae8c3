import type { ResourceView } from '../../types';

/** Subnet purposes that carry no VM traffic (proxy-only, PSC, NAT): flow logs and Private Google Access do not apply. */
const SPECIAL_PURPOSES = [
  'REGIONAL_MANAGED_PROXY',
  'GLOBAL_MANAGED_PROXY',
  'INTERNAL_HTTPS_LOAD_BALANCER',
  'PRIVATE_SERVICE_CONNECT',
  'PRIVATE_NAT',
];

/** Whether a subnet holds VMs (its purpose is unset or PRIVATE). */
export const holdsVms = (subnet: ResourceView): boolean =>
  !SPECIAL_PURPOSES.includes(String(subnet.config['purpose'] ?? 'PRIVATE'));
