import { compareText } from '../plan/compare';
import { at } from '../risk/values';
import type { ConfigItem } from './config-items';

/** A resource that loses `lifecycle.prevent_destroy`, so terraform may now destroy it. */
export interface PreventDestroyRemoved {
  readonly stack: string;
  readonly address: string;
  /** The resource left the configuration with it: terraform will destroy it in this change. */
  readonly resourceRemoved: boolean;
}

/**
 * Resources whose `lifecycle.prevent_destroy` is true in BASE and not in HEAD. The plan JSON
 * does not carry `prevent_destroy`, so only the configuration diff can see it go.
 */
export function preventDestroyRemoved(
  stack: string,
  base: ReadonlyMap<string, ConfigItem>,
  head: ReadonlyMap<string, ConfigItem>,
): PreventDestroyRemoved[] {
  const found: PreventDestroyRemoved[] = [];
  for (const [address, item] of base) {
    if (item.block !== 'resource' || at(item.body, 'lifecycle', 'prevent_destroy') !== true)
      continue;
    const after = head.get(address);
    if (after && at(after.body, 'lifecycle', 'prevent_destroy') === true) continue;
    found.push({ stack, address, resourceRemoved: !after });
  }
  return found.sort((a, b) => compareText(a.address, b.address));
}
