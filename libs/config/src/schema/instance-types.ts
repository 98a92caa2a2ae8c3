import { z } from 'zod';

/**
 * The EC2 instance families a node group or instance may use, by processor architecture.
 * Kept as data so a typo ("m7.large", "t3.huge") is an error at load that names the field,
 * not a failed apply. AWS adds families every year: add a new one here (in its architecture)
 * once it is offered in the regions the environments use.
 */
// prettier-ignore
export const EC2_INSTANCE_FAMILIES = {
  x86_64: [
    // general purpose
    'm4', 'm5', 'm5a', 'm5ad', 'm5d', 'm5dn', 'm5n', 'm5zn', 'm6a', 'm6i', 'm6id', 'm6idn',
    'm6in', 'm7a', 'm7i', 'm7i-flex', 'm8a', 'm8i', 'm8i-flex', 't2', 't3', 't3a', 'mac1',
    // compute optimized
    'c4', 'c5', 'c5a', 'c5ad', 'c5d', 'c5n', 'c6a', 'c6i', 'c6id', 'c6in', 'c7a', 'c7i',
    'c7i-flex', 'c8a', 'c8i', 'c8i-flex',
    // memory optimized
    'r4', 'r5', 'r5a', 'r5ad', 'r5b', 'r5d', 'r5dn', 'r5n', 'r6a', 'r6i', 'r6id', 'r6idn',
    'r6in', 'r7a', 'r7i', 'r7iz', 'r8a', 'r8i', 'r8i-flex', 'x1', 'x1e', 'x2idn', 'x2iedn',
    'x2iezn', 'z1d',
    // storage optimized
    'd2', 'd3', 'd3en', 'h1', 'i3', 'i3en', 'i4i', 'i7i', 'i7ie',
    // accelerated computing
    'dl1', 'f1', 'f2', 'g4ad', 'g4dn', 'g5', 'g6', 'g6e', 'gr6', 'inf1', 'inf2', 'p3', 'p3dn',
    'p4d', 'p4de', 'p5', 'p5e', 'p5en', 'trn1', 'trn1n', 'trn2', 'vt1',
    // high performance computing
    'hpc6a', 'hpc6id', 'hpc7a',
  ],
  arm64: [
    'a1', 'c6g', 'c6gd', 'c6gn', 'c7g', 'c7gd', 'c7gn', 'c8g', 'c8gd', 'c8gn', 'g5g', 'hpc7g',
    'i4g', 'i8g', 'im4gn', 'is4gen', 'm6g', 'm6gd', 'm7g', 'm7gd', 'm8g', 'm8gd', 'r6g', 'r6gd',
    'r7g', 'r7gd', 'r8g', 'r8gd', 't4g', 'x2gd', 'x8g',
  ],
} as const satisfies Record<string, readonly string[]>;

/** The processor architectures of EC2_INSTANCE_FAMILIES. */
export type Ec2Architecture = keyof typeof EC2_INSTANCE_FAMILIES;

/** Burstable families: the only ones with nano, micro and small sizes. */
const BURSTABLE = /^t\d/;

/** Sizes: nano … large, xlarge, <n>xlarge, metal and metal-<n>xl. */
const SIZE = /^(nano|micro|small|medium|large|xlarge|([2-9]|[1-9]\d)xlarge|metal(-\d+xl)?)$/;

/** The architecture of an instance type's family, or undefined for an unknown family. */
export function instanceArchitecture(instanceType: string): Ec2Architecture | undefined {
  const family = instanceType.split('.')[0] ?? '';
  return (Object.keys(EC2_INSTANCE_FAMILIES) as Ec2Architecture[]).find((arch) =>
    (EC2_INSTANCE_FAMILIES[arch] as readonly string[]).includes(family),
  );
}

/** Why EC2 would not offer an instance type, or undefined when its shape is one EC2 offers. */
export function instanceTypeProblem(instanceType: string): string | undefined {
  const match = /^([a-z][a-z0-9-]*)\.([a-z0-9-]+)$/.exec(instanceType);
  if (!match)
    return `"${instanceType}" is not an EC2 instance type: <family>.<size>, e.g. m7i.large`;
  const [, family, size] = match as unknown as [string, string, string];
  if (!instanceArchitecture(instanceType)) {
    return `"${instanceType}": EC2 has no instance family "${family}" (e.g. m7i, c7g, r6i, t3; the list is EC2_INSTANCE_FAMILIES in libs/config)`;
  }
  if (!SIZE.test(size)) {
    return `"${instanceType}": "${size}" is not an EC2 size (nano, micro, small, medium, large, xlarge, 2xlarge … 48xlarge, metal)`;
  }
  if (/^(nano|micro|small)$/.test(size) && !BURSTABLE.test(family)) {
    return `"${instanceType}": only burstable families (t3, t4g, …) come in ${size}; use medium or larger`;
  }
  if (/^metal/.test(size) && BURSTABLE.test(family)) {
    return `"${instanceType}": burstable families have no metal size`;
  }
  return undefined;
}

/** An EC2 instance type whose family EC2 offers, in a size of the right shape. */
export const ec2InstanceType = z.string().superRefine((value, ctx) => {
  const problem = instanceTypeProblem(value);
  if (problem) ctx.addIssue({ code: 'custom', message: problem });
});
