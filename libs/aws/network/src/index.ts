export {
  Network,
  INTERFACE_ENDPOINT_SERVICES,
  type NatStrategy,
  type NetworkProps,
} from './network';
export { NetworkStack } from './network-stack';
