import type { Tree } from '@nx/devkit';
import type { Cloud } from '@platform/config';
import { isMap, isScalar, isSeq, parseDocument, type YAMLMap } from 'yaml';

/** The workflow that deploys environments one after the other on merges to main. */
export const DEPLOY_WORKFLOW = '.github/workflows/deploy.yml';

/** The new environment's place in the deploy workflow. */
export interface DeployJob {
  /** The new environment, e.g. qa: the job's name and its `with.environment`. */
  readonly name: string;
  /** Its cloud, passed to the called workflow as `with.cloud` (it chooses the credentials). */
  readonly cloud: Cloud;
  /** The environment it is derived from: its job gives the called workflow (`uses`). */
  readonly from: string;
  /**
   * The environment deploying right before it on its cloud's promotion path: the new job needs
   * that one's job. Undefined when the new environment is the first of its cloud.
   */
  readonly after?: string;
  /**
   * The environment deploying right after it on its cloud's path: that one's job then needs the
   * new job instead of `after`'s. Undefined when the new environment is the last of its cloud.
   */
  readonly before?: string;
}

/**
 * Adds the new environment's job to the deploy workflow, in its place on its cloud's chain: the
 * job calls the source's workflow (same `uses`) with `environment` and `cloud`, needs the job of
 * the environment before it, and the job of the environment after it needs the new one instead.
 * The other cloud's chain is untouched; comments and order are kept. Nothing changes when the
 * workflow has no job for the source or already has one for the name.
 *
 * @returns a line for the report, or none
 */
export function addDeployJob(tree: Tree, job: DeployJob): string[] {
  const text = tree.read(DEPLOY_WORKFLOW, 'utf8');
  if (text === null) return [];
  const doc = parseDocument(text);
  const jobs = doc.get('jobs', true);
  if (!isMap(jobs) || jobs.has(job.name)) return [];
  const indexOf = (name: string | undefined) =>
    name === undefined
      ? -1
      : jobs.items.findIndex((pair) => isScalar(pair.key) && pair.key.value === name);
  const source = jobs.items[indexOf(job.from)]?.value;
  if (!isMap(source) || (source.getIn(['with', 'environment']) as unknown) !== job.from) return [];

  const after = indexOf(job.after) >= 0 ? job.after : undefined;
  const next = jobs.items[indexOf(job.before)]?.value;
  if (isMap(next)) needInstead(doc, next, after, job.name);

  const created = doc.createNode({
    ...(after ? { needs: after } : {}),
    uses: source.get('uses'),
    with: { environment: job.name, cloud: job.cloud },
  }) as YAMLMap;
  const at =
    after !== undefined
      ? indexOf(after) + 1
      : indexOf(job.before) >= 0
        ? indexOf(job.before)
        : indexOf(job.from) + 1;
  jobs.items.splice(at, 0, doc.createPair(job.name, created));
  tree.write(DEPLOY_WORKFLOW, doc.toString());
  return [
    after
      ? `${DEPLOY_WORKFLOW}: job ${job.name} after ${after}`
      : `${DEPLOY_WORKFLOW}: job ${job.name}, first of the ${job.cloud} chain`,
  ];
}

/** Makes `job` need `name` where it needed `previous` (or in addition, when `previous` is none). */
function needInstead(
  doc: ReturnType<typeof parseDocument>,
  job: YAMLMap,
  previous: string | undefined,
  name: string,
): void {
  const needs: unknown = job.get('needs', true);
  if (needs === undefined) {
    job.items.unshift(doc.createPair('needs', name));
  } else if (isScalar(needs)) {
    if (needs.value === previous) needs.value = name;
    else if (previous === undefined) job.set('needs', doc.createNode([needs.value, name]));
  } else if (isSeq(needs)) {
    const item = needs.items.find((i) => isScalar(i) && i.value === previous);
    if (isScalar(item)) item.value = name;
    else if (previous === undefined) needs.add(doc.createNode(name));
  }
}
