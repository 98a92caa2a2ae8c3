/**
 * Secret Manager names, one source for every reader: config checks a secret version at load, the
 * delivery family grants Cloud Build read on the version's secret, and the bootstrap lets deploy
 * manage who reads that secret (condition on its name). All three agree by construction.
 */

/** A project as Secret Manager names it: project id or project number. */
const PROJECT = '[a-z0-9-]+';
/** A secret id: letters, digits, `_` and `-`, at most 255 (Secret Manager's limit). */
const SECRET_ID = '[A-Za-z0-9_-]{1,255}';
/** A version: a positive number, or the alias `latest`. */
const VERSION = '(?:[1-9][0-9]*|latest)';

/** `projects/<project>/secrets/<secret>/versions/<n|latest>`, whole string (for config schemas). */
export const GCP_SECRET_VERSION_PATTERN = new RegExp(
  `^projects/${PROJECT}/secrets/${SECRET_ID}/versions/${VERSION}$`,
);

const SECRET_VERSION = new RegExp(
  `^(?<secret>projects/(?<project>${PROJECT})/secrets/(?<id>${SECRET_ID}))/versions/${VERSION}$`,
);
const SECRET = new RegExp(`^projects/(?<project>${PROJECT})/secrets/(?<id>${SECRET_ID})$`);

/** The parts of a secret's name `projects/<project>/secrets/<id>`. */
export interface GcpSecretName {
  /** The whole name, `projects/<project>/secrets/<id>`. */
  readonly name: string;
  /** Project id or number, as written. */
  readonly project: string;
  /** The secret id within the project. */
  readonly id: string;
}

/** The secret a version belongs to, or undefined when `version` is not a secret version name. */
export function gcpSecretOfVersion(version: string): GcpSecretName | undefined {
  const groups = SECRET_VERSION.exec(version)?.groups;
  return groups
    ? { name: groups['secret']!, project: groups['project']!, id: groups['id']! }
    : undefined;
}

/** The parts of a secret name, or undefined when `name` is not `projects/<project>/secrets/<id>`. */
export function parseGcpSecretName(name: string): GcpSecretName | undefined {
  const groups = SECRET.exec(name)?.groups;
  return groups ? { name, project: groups['project']!, id: groups['id']! } : undefined;
}
