/** Options of the environment generator (see schema.json for the descriptions users see). */
export interface EnvironmentGeneratorSchema {
  /** New environment name, e.g. qa. */
  readonly name: string;
  /** Existing environment to derive from, e.g. staging. */
  readonly from: string;
  /** The new environment's AWS account id (12 digits). */
  readonly accountId: string | number;
  /** AWS region. @default the source's region */
  readonly region?: string;
  /** VPC range. @default the first free range of the source's size */
  readonly cidr?: string;
  /** Comma-separated zone names. @default as many zones of the region as the source uses */
  readonly availabilityZones?: string;
  /** Position on the promotion path. @default right after the source */
  readonly deployOrder?: number;
  /** Production rules on or off. @default the source's value */
  readonly production?: boolean;
  /** Route 53 hosted zone id. @default a placeholder to replace */
  readonly hostedZoneId?: string;
}
