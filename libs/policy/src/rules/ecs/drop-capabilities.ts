import { fromDetails } from '../../results';
import type { Rule } from '../../types';
import { perContainer } from './containers';

export const ecsDropCapabilities: Rule = {
  id: 'PLT-ECS-DROP-CAPABILITIES',
  message: 'A container keeps Linux capabilities: it does not drop ALL, or adds some back.',
  fix: 'set linuxParameters.capabilities = { drop: ["ALL"] } and add none',
  explanation:
    'A web service needs no Linux capability; each one kept (NET_RAW, SYS_CHROOT, …) is a step an intruder can take from the container.',
  level: 'error',
  appliesTo: ['aws_ecs_task_definition'],
  evaluate: (task) =>
    fromDetails(
      perContainer(task, (c) => {
        const capabilities = capabilitiesOf(c);
        const drop = Array.isArray(capabilities['drop']) ? capabilities['drop'] : [];
        const add = Array.isArray(capabilities['add']) ? capabilities['add'] : [];
        if (!drop.includes('ALL')) return 'linuxParameters.capabilities.drop does not hold "ALL"';
        if (add.length > 0) return `linuxParameters.capabilities.add holds ${JSON.stringify(add)}`;
        return undefined;
      }),
    ),
};

function capabilitiesOf(container: Record<string, unknown>): Record<string, unknown> {
  const linux = container['linuxParameters'];
  const capabilities =
    linux && typeof linux === 'object'
      ? (linux as Record<string, unknown>)['capabilities']
      : undefined;
  return capabilities && typeof capabilities === 'object'
    ? (capabilities as Record<string, unknown>)
    : {};
}
