import { z } from 'zod';

/**
 * The `enabled` toggle of an optional family section (terraform-aws-modules' style): true by
 * default; false keeps the family's stack, empty, so the plan shows every destroy.
 */
export const familyToggle = (family: string) =>
  z
    .boolean()
    .default(true)
    .meta({
      description: `false switches the ${family} family off in this environment: its stack stays, empty, so the plan shows what will be destroyed (and the guard blocks what is protected). Remove the section only where the family was never deployed.`,
    });
