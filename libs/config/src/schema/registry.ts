import { z } from 'zod';

export const registrySchema = z.strictObject({
  keepLastImages: z
    .number()
    .int()
    .min(1)
    .max(1000)
    .meta({ description: 'Tagged images kept per repository; older ones expire.' }),
  untaggedExpiryDays: z.number().int().min(1).max(365).meta({
    description: 'Days an untagged image (a layer left by a re-push) lives before it expires.',
  }),
  scanType: z.enum(['BASIC', 'ENHANCED']).meta({
    description:
      'How the registry scans: BASIC scans on push; ENHANCED (Inspector) scans continuously.',
  }),
});

export type RegistryConfig = z.infer<typeof registrySchema>;
