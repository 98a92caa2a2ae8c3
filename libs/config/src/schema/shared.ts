import { z } from 'zod';
import { alertingSchema, githubSchema, tagsSchema } from './common';

/** The clouds an environment can run on. */
export const CLOUDS = ['aws', 'gcp'] as const;

/** A cloud an environment runs on. */
export type Cloud = (typeof CLOUDS)[number];

/**
 * What every environment has, whatever its cloud: identity, place on its cloud's promotion
 * path, ownership, the repository that deploys it and who is alerted. Each cloud's schema
 * spreads these fields and adds its own section (`aws:` or `gcp:`) and family sections.
 */
export const sharedEnvironmentFields = {
  name: z
    .string()
    .regex(
      /^[a-z][a-z0-9]{1,11}$/,
      'must be 2-12 lowercase letters or digits, starting with a letter',
    )
    .meta({
      description:
        'Environment name; must equal the file name (dev.yaml → dev). Used in stack names, so unique across clouds.',
      examples: ['dev'],
    }),
  deployOrder: z.number().int().min(1, 'must be 1 or more: 1 deploys first').meta({
    description:
      "Position on its cloud's promotion path: 1 deploys first (dev), then 2 (staging), and so on. Each cloud has its own path.",
  }),
  production: z.boolean().default(false).meta({
    description:
      'Whether this environment serves customers: enables the production-only rules and protections.',
  }),
  alerting: alertingSchema.meta({ description: "The environment's alarm topic." }),
  github: githubSchema.meta({
    description: 'The repository whose workflows plan and deploy this environment.',
  }),
  tags: tagsSchema.meta({
    description: 'Ownership tags (AWS) or labels (GCP) applied to every resource.',
  }),
} as const;
