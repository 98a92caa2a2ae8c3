/** Options of the service generator (see schema.json for the descriptions users see). */
export interface ServiceGeneratorSchema {
  /** Service name; also its ECR repository and, by default, its GitHub repository name. */
  readonly name: string;
  /** Where the service runs. @default "ecs" */
  readonly runtime?: 'ecs' | 'app-runner';
  /** How a new version reaches traffic. @default "rolling" */
  readonly strategy?: 'rolling' | 'blue-green';
  /** How blue/green shifts traffic. @default "canary" when strategy is blue-green */
  readonly traffic?: 'all-at-once' | 'canary' | 'linear';
  /** Container port. @default 8080 */
  readonly port?: number;
  /** Comma-separated environment names. @default every environment file */
  readonly environments?: string;
  /** Route host. @default <name>.<hosted zone> */
  readonly host?: string;
  /** Route path pattern. @default none: every path of the host */
  readonly path?: string;
  /** Health check path. @default "/healthz" */
  readonly healthCheckPath?: string;
  /** Task CPU units. @default 512 */
  readonly cpu?: number;
  /** Task memory in MiB. @default 1024 */
  readonly memoryMiB?: number;
  /** GitHub repository "owner/name". @default <owner of github.repository>/<name> */
  readonly repository?: string;
}
