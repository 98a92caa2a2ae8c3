import { z } from 'zod';
import { awsEnvironmentSchema } from './aws-environment';
import { gcpEnvironmentSchema } from './gcp-environment';

/**
 * One environment file (environments/<name>.yaml): one cloud account or project, one region.
 * `cloud` chooses the shape: what every environment has is shared (name, deploy order, tags,
 * GitHub repository, alerting); each cloud adds its own section (`aws:`, `gcp:`) and the
 * sections of the families it runs.
 */
export const environmentSchema = z
  .discriminatedUnion('cloud', [awsEnvironmentSchema, gcpEnvironmentSchema])
  .meta({
    title: 'Platform environment',
    description:
      'One environment file (environments/<name>.yaml): one cloud account or project, one region. `cloud` (aws or gcp) chooses the shape; unknown fields are rejected everywhere.',
  });

/** An environment file after validation, defaults applied. */
export type EnvironmentConfig = z.output<typeof environmentSchema>;
/** An environment file as written (defaults not yet applied). */
export type EnvironmentInput = z.input<typeof environmentSchema>;
