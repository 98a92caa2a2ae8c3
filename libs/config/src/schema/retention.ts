import { z } from 'zod';

/** The retention periods CloudWatch Logs accepts, in days (it rejects any other value). */
export const LOG_RETENTION_DAYS = [
  1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288,
  3653,
] as const;

/** A log retention in days that CloudWatch Logs accepts. */
export const logRetentionDays = z
  .number()
  .int()
  .refine((days) => (LOG_RETENTION_DAYS as readonly number[]).includes(days), {
    message: `must be a retention CloudWatch Logs accepts: one of ${LOG_RETENTION_DAYS.join(', ')}`,
  });
