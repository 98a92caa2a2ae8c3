import type { Cloud } from '@platform/config';

/** Options of the environment generator (see schema.json for the descriptions users see). */
export interface EnvironmentGeneratorSchema {
  /** New environment name, e.g. qa. */
  readonly name: string;
  /** Existing environment to derive from, e.g. staging (AWS) or gcpdev (GCP). */
  readonly from: string;
  /** The new environment's cloud; a different cloud than the source's is refused. @default the source's cloud */
  readonly cloud?: Cloud;
  /** AWS: the new environment's account id (12 digits). Required for aws. */
  readonly accountId?: string | number;
  /** GCP: the new environment's project id. Required for gcp. */
  readonly projectId?: string;
  /** GCP: the new project's number (digits). Required for gcp. */
  readonly projectNumber?: string | number;
  /** AWS or GCP region. @default the source's region */
  readonly region?: string;
  /** Primary network range (AWS VPC, GCP network). @default the first free range of the source's size */
  readonly cidr?: string;
  /** AWS: comma-separated zone names. @default as many zones of the region as the source uses */
  readonly availabilityZones?: string;
  /** GCP: comma-separated zone names. @default as many zones as the source, <region>-b, -c, ... */
  readonly zones?: string;
  /** Position on the cloud's promotion path. @default right after the source */
  readonly deployOrder?: number;
  /** Production rules on or off. @default the source's value */
  readonly production?: boolean;
  /** AWS: Route 53 hosted zone id. @default a placeholder to replace */
  readonly hostedZoneId?: string;
}
