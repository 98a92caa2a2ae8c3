// Helpers for this library's own tests (other projects use @platform/testing, which this
// library cannot import without a dependency cycle).
import { join } from 'node:path';
import type { Document } from 'yaml';
import { copyEnvironments } from './edit';
import { type AwsEnvironment, environmentProblems, environmentsOf, loadEnvironments } from './load';

/** The workspace's example environments. */
export const ENVIRONMENTS_DIR = join(__dirname, '..', '..', '..', 'environments');

/** A scratch copy of the example environments with `edit` applied to their YAML documents. */
export const editedEnvironments = (edit: (docs: Record<string, Document>) => void): string =>
  copyEnvironments(ENVIRONMENTS_DIR, edit);

/** The problems (`file field: message`) of the example environments after `edit`; [] when they load. */
export const problemsAfter = (edit: (docs: Record<string, Document>) => void): string[] =>
  environmentProblems(editedEnvironments(edit));

/** problemsAfter for an edit of one environment's document (dev unless another is named). */
export const problemsAfterEditOf = (edit: (doc: Document) => void, file = 'dev'): string[] =>
  problemsAfter((docs) => edit(docs[file]!));

/** Loads a folder expecting failure; returns the problems as `file field: message` lines. */
export function problems(dir: string): string[] {
  const found = environmentProblems(dir);
  if (found.length === 0) throw new Error(`expected the environments in ${dir} to be rejected`);
  return found;
}

/** The AWS example environments (dev, staging, prod), validated, in promotion order. */
export const awsExamples = (dir: string = ENVIRONMENTS_DIR): AwsEnvironment[] =>
  environmentsOf('aws', loadEnvironments(dir));
