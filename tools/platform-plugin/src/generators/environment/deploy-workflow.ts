import type { Tree } from '@nx/devkit';
import { isMap, isScalar, isSeq, parseDocument, type YAMLMap } from 'yaml';

/** The workflow that deploys environments one after the other on merges to main. */
export const DEPLOY_WORKFLOW = '.github/workflows/deploy.yml';

/**
 * Adds the new environment's job to the deploy workflow, right after its source's job: the job
 * reuses the source's (same `uses`, `with.environment` set to the new name), needs the source,
 * and the jobs that needed the source need the new one instead. Comments and order are kept.
 * Nothing changes when the workflow has no job for the source or already has one for the name.
 *
 * @returns a line for the report, or none
 */
export function addDeployJob(tree: Tree, from: string, name: string): string[] {
  const text = tree.read(DEPLOY_WORKFLOW, 'utf8');
  if (text === null) return [];
  const doc = parseDocument(text);
  const jobs = doc.get('jobs', true);
  if (!isMap(jobs) || jobs.has(name)) return [];
  const index = jobs.items.findIndex((pair) => isScalar(pair.key) && pair.key.value === from);
  const source = jobs.items[index]?.value;
  if (!isMap(source) || (source.getIn(['with', 'environment']) as unknown) !== from) return [];

  for (const pair of jobs.items) {
    if (!isMap(pair.value)) continue;
    const needs = pair.value.get('needs', true);
    if (isScalar(needs) && needs.value === from) needs.value = name;
    if (isSeq(needs)) {
      for (const item of needs.items) if (isScalar(item) && item.value === from) item.value = name;
    }
  }
  const job = doc.createNode({
    needs: from,
    uses: source.get('uses'),
    // the same cloud as the job it follows (a derived environment keeps its source's cloud)
    with: { environment: name, cloud: (source.get('with') as YAMLMap | undefined)?.get('cloud') },
  }) as YAMLMap;
  jobs.items.splice(index + 1, 0, doc.createPair(name, job));
  tree.write(DEPLOY_WORKFLOW, doc.toString());
  return [`${DEPLOY_WORKFLOW}: job ${name} after ${from}`];
}
