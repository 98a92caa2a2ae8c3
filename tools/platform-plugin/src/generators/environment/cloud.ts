import type { Cloud } from '@platform/config';
import type { Document } from 'yaml';
import type { EnvironmentFile } from '../../lib/environments';
import type { EnvironmentGeneratorSchema } from './schema';

/** What a cloud's derivation gets: the source, the new environment's place and the options. */
export interface CloudInput {
  /** New environment name. */
  readonly name: string;
  /** The environment it is derived from (same cloud). */
  readonly source: EnvironmentFile;
  /** The source file's text as written (comments, quoting and layout to keep). */
  readonly sourceText: string;
  /** Every environment but the new one, of both clouds. */
  readonly others: readonly EnvironmentFile[];
  /** The new environment's cloud path in promotion order, by name, the new one included. */
  readonly path: readonly string[];
  /** The new environment's position on that path. */
  readonly deployOrder: number;
  /** The generator's options. */
  readonly options: EnvironmentGeneratorSchema;
}

/** The new environment's file, or every reason it cannot be derived. */
export type CloudOutcome =
  | { readonly problems: readonly string[] }
  | {
      /** The new environment file. */
      readonly doc: Document;
      /** The primary network range, for the next steps. */
      readonly cidr: string;
      /** Lines for the report beyond "new environment" (what was dropped, what to check). */
      readonly notes: readonly string[];
      /** What remains to do outside the repository, one line each. */
      readonly nextSteps: readonly string[];
    };

/** Options that belong to one cloud: passing them for the other one is refused. */
export const CLOUD_OPTIONS: Readonly<Record<Cloud, readonly (keyof EnvironmentGeneratorSchema)[]>> =
  {
    aws: ['accountId', 'availabilityZones', 'hostedZoneId'],
    gcp: ['projectId', 'projectNumber', 'zones'],
  };
