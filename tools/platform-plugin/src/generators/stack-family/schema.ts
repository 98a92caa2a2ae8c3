/** Options of the stack-family generator (see schema.json for the descriptions users see). */
export interface StackFamilyGeneratorSchema {
  /** Family name, e.g. data: stacks are data-<env>. */
  readonly name: string;
  /** What the family provisions, one line. @default a placeholder to replace */
  readonly description?: string;
  /** Comma-separated families it reads. @default none */
  readonly dependsOn?: string;
}
