import { Token } from 'cdktf';
import type { Construct } from 'constructs';

/** One row of a validation table: when `bad` holds, `message` explains what is wrong. */
export type Check = readonly [bad: boolean, message: string];

/** Throws one error listing every failed check, prefixed with the construct's path. */
export function assertValid(scope: Construct, checks: readonly Check[]): void {
  const messages = checks.filter(([bad]) => bad).map(([, message]) => message);
  if (messages.length > 0) throw new Error(`${scope.node.path}: ${messages.join('; ')}`);
}

/** A value known at synth (not a reference resolved by terraform). */
export const known = (value: string): boolean => !Token.isUnresolved(value);

/**
 * Cloud Deploy pipeline, target and release ids (also used for connections and triggers):
 * 1–63 lowercase letters, digits and hyphens, a letter first, not ending with a hyphen.
 */
export const CLOUD_DEPLOY_ID = /^[a-z](?:[a-z0-9-]{0,61}[a-z0-9])?$/;

/** Says what is wrong with a Cloud Deploy id, or nothing when it is fine. */
export const cloudDeployIdProblem = (prop: string, id: string): Check => [
  !CLOUD_DEPLOY_ID.test(id),
  `${prop} "${id}" must be 1-63 lowercase letters, digits or hyphens, starting with a letter and not ending with a hyphen${id.length > 63 ? ` (it has ${id.length} characters)` : ''}`,
];

/** Service account ids: 6–30 characters, lowercase letters, digits, hyphens; a letter first. */
export const SERVICE_ACCOUNT_ID = /^[a-z](?:[a-z0-9-]{4,28}[a-z0-9])$/;

/** Project numbers: digits only (the number, not the id). */
export const PROJECT_NUMBER = /^[1-9][0-9]{5,19}$/;

/** `projects/<project>/locations/<location>/clusters/<name>`. */
const CLUSTER_ID =
  /^projects\/(?<project>[a-z][a-z0-9-]{4,28}[a-z0-9])\/locations\/(?<location>[a-z0-9-]+)\/clusters\/(?<name>[a-z](?:[a-z0-9-]{0,38}[a-z0-9])?)$/;

/** The project, location and name of a GKE cluster id, or undefined. */
export function parseClusterId(
  id: string,
): { project: string; location: string; name: string } | undefined {
  const g = CLUSTER_ID.exec(id)?.groups;
  return g
    ? { project: `${g['project']}`, location: `${g['location']}`, name: `${g['name']}` }
    : undefined;
}

/** `projects/<project>/locations/<location>/repositories/<repository>`. */
const REPOSITORY_ID =
  /^projects\/(?<project>[a-z][a-z0-9-]{4,28}[a-z0-9])\/locations\/(?<location>[a-z0-9-]+)\/repositories\/(?<repository>[a-z](?:[a-z0-9-]{0,61}[a-z0-9])?)$/;

/** The project, location and name of an Artifact Registry repository id, or undefined. */
export function parseRepositoryId(
  id: string,
): { project: string; location: string; repository: string } | undefined {
  const g = REPOSITORY_ID.exec(id)?.groups;
  return g
    ? { project: `${g['project']}`, location: `${g['location']}`, repository: `${g['repository']}` }
    : undefined;
}

/** Bucket names: 3–63 lowercase letters, digits, hyphens, underscores and dots. */
export const BUCKET_NAME = /^[a-z0-9][a-z0-9_.-]{1,61}[a-z0-9]$/;
