import { TerraformElement, type TerraformStack } from 'cdktf';
// The logical-id scheme of cdktf's TerraformStack.allocateLogicalId (not exported by name).
import { makeUniqueId } from 'cdktf/lib/private/unique';
import type { IConstruct, Node } from 'constructs';

/** Constructs left out of the terraform addresses of the elements under them. */
const transparent = new WeakSet<IConstruct>();

/**
 * Keeps `construct` out of the terraform addresses of every element under it: each element gets
 * the logical id it would have had if created directly in the construct's scope. A construct
 * introduced by a refactor (resources split out of a larger one) then moves nothing: no destroy
 * and create, no `moved` block. Call it first in the construct's constructor, before it creates
 * anything (an address is fixed the first time something refers to the element). Honoured by
 * {@link PlatformStack}.
 */
export function keepAddresses(construct: IConstruct): void {
  transparent.add(construct);
}

/**
 * The logical id of an element in a stack, leaving out the constructs marked by
 * {@link keepAddresses}; undefined when no such construct is on its path (cdktf's own id applies).
 */
export function addressOf(
  stack: TerraformStack,
  element: TerraformElement | Node,
): string | undefined {
  const node = TerraformElement.isTerraformElement(element) ? element.node : element;
  const scopes = node.scopes.slice(node.scopes.indexOf(stack) + 1);
  if (!scopes.some((c) => transparent.has(c))) return undefined;
  return makeUniqueId(scopes.filter((c) => !transparent.has(c)).map((c) => c.node.id));
}
