export { Network, INTERFACE_ENDPOINT_SERVICES, type NetworkProps } from './network';
export { NetworkStack } from './network-stack';
