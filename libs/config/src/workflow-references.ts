import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { isMap, isScalar, LineCounter, parseDocument } from 'yaml';
import type { ConfigProblem } from './errors';
import { displayPath, lineOf } from './yaml-lines';

/** What the workflow check needs of an environment. */
export interface WorkflowEnvironment {
  /** The environment's name (its file name). */
  readonly name: string;
  /** Its GitHub environment, when it differs from the name. */
  readonly deployEnvironment?: string;
}

/**
 * GitHub workflow jobs that name an environment no file declares: a job that calls a reusable
 * workflow `with: { environment: <name> }` (the deploy workflow's jobs: `nx affected -t deploy
 * -c <name>`), or a job whose own `environment:` is neither an environment's name nor its
 * `github.deployEnvironment`. Such a job would deploy nothing, or fail, after its environment
 * file was removed. Read only when the environments folder sits in a workspace (beside
 * nx.json) that has `.github/workflows`; expressions (`${{ … }}`) are not followed.
 *
 * @param environmentsDir the folder the environment files were read from
 * @param environments every environment; `deployEnvironment`s only when every file is valid
 * @param complete whether every environment file passed the schema (else job-level
 *   `environment:` values, which may name a GitHub environment, are not checked)
 */
export function workflowEnvironmentProblems(
  environmentsDir: string,
  environments: readonly WorkflowEnvironment[],
  complete: boolean,
): ConfigProblem[] {
  const root = dirname(environmentsDir);
  const workflows = join(root, '.github', 'workflows');
  if (!existsSync(join(root, 'nx.json')) || !existsSync(workflows)) return [];
  const names = new Set(environments.map((e) => e.name));
  const githubNames = new Set(environments.map((e) => e.deployEnvironment ?? e.name));
  const problems: ConfigProblem[] = [];
  const files = readdirSync(workflows)
    .filter((f) => /\.ya?ml$/.test(f))
    .sort();
  for (const name of files) {
    const path = join(workflows, name);
    const lines = new LineCounter();
    const doc = parseDocument(readFileSync(path, 'utf8'), { lineCounter: lines });
    if (doc.errors.length > 0) continue; // the workflow tests report broken YAML
    const jobs = doc.get('jobs', true);
    if (!isMap(jobs)) continue;
    for (const pair of jobs.items) {
      if (!isScalar(pair.key)) continue;
      const job = String(pair.key.value);
      const literal = (...path: string[]) => {
        const node = doc.getIn(['jobs', job, ...path], true);
        return isScalar(node) && typeof node.value === 'string' && !node.value.includes('${{')
          ? node.value
          : undefined;
      };
      const report = (path: string[], message: string) =>
        problems.push({
          file: displayPath(join(workflows, name)),
          line: lineOf(doc, lines, ['jobs', job, ...path]),
          field: ['jobs', job, ...path].join('.'),
          message,
        });
      const called = literal('with', 'environment');
      if (called !== undefined && !names.has(called)) {
        report(
          ['with', 'environment'],
          `deploys environment "${called}", which has no file ${displayPath(join(environmentsDir, `${called}.yaml`))} (environments: ${[...names].join(', ') || 'none'}): restore the file, or remove this job and the "needs" that point at it`,
        );
      }
      for (const at of [['environment'], ['environment', 'name']]) {
        const github = literal(...at);
        if (complete && github !== undefined && !githubNames.has(github)) {
          report(
            at,
            `runs in GitHub environment "${github}", which no environment file deploys through (${[...githubNames].join(', ') || 'none'}): restore its environment file, or remove this job`,
          );
        }
      }
    }
  }
  return problems;
}
