import { z } from 'zod';

export const registrySchema = z.strictObject({
  /** Tagged images kept per repository; older ones expire. */
  keepLastImages: z.number().int().min(1).max(1000),
  /** Days an untagged image (a layer left by a re-push) lives before it expires. */
  untaggedExpiryDays: z.number().int().min(1).max(365),
  /** How the registry scans: BASIC scans on push; ENHANCED (Inspector) scans continuously. */
  scanType: z.enum(['BASIC', 'ENHANCED']),
});

export type RegistryConfig = z.infer<typeof registrySchema>;
