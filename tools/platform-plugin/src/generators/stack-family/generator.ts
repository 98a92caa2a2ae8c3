import {
  formatFiles,
  generateFiles,
  logger,
  names,
  type Tree,
  updateJson,
  visitNotIgnoredFiles,
} from '@nx/devkit';
import { join } from 'node:path';
import { readEnvironments, splitList } from '../../lib/environments';
import { addFamilyRow, addStackFamily } from './registration';
import type { StackFamilyGeneratorSchema } from './schema';

const NAME = /^[a-z][a-z0-9]{1,19}$/;

/**
 * `nx g @platform/plugin:stack-family <name>`: scaffolds apps/<name> and libs/aws/<name> the
 * way the existing families are built, and registers the family (STACK_FAMILIES, the
 * `@platform/aws-<name>` path, the README families table).
 *
 * Idempotent: when the family already is exactly what the generator writes, nothing changes;
 * an existing family with other content is refused.
 */
export async function stackFamilyGenerator(
  tree: Tree,
  options: StackFamilyGeneratorSchema,
): Promise<void> {
  const name = String(options.name ?? '').trim();
  const dependsOn = splitList(options.dependsOn);
  const apps = tree.exists('apps') ? tree.children('apps') : [];
  const problems: string[] = [];
  if (!NAME.test(name)) {
    problems.push(
      `name "${name}": must be 2-20 lowercase letters or digits, starting with a letter`,
    );
  }
  const unknown = dependsOn.filter((d) => !apps.includes(d));
  if (unknown.length > 0) {
    problems.push(
      `--dependsOn: no family ${unknown.map((u) => `"${u}"`).join(', ')} (have ${apps.join(', ')})`,
    );
  }
  if (dependsOn.includes(name)) problems.push(`--dependsOn: a family cannot depend on itself`);
  // An AWS family: its example is the last AWS environment on the promotion path.
  const envs = readEnvironments(tree).filter((e) => e.doc.get('cloud') === 'aws');
  const example = envs[envs.length - 1];
  if (!example) problems.push('no environment files in environments/: create one first');
  if (problems.length > 0 || !example) throw refusal(name, problems);

  const folders = [join('apps', name), join('libs', 'aws', name)];
  const before = snapshot(tree, folders);
  const substitutions = {
    ...names(name),
    name,
    dependsOn,
    description: options.description ?? "the family's resources (describe them here)",
    envName: example.name,
    accountId: String(example.doc.getIn(['aws', 'accountId'])),
    stateBucket: String(example.doc.getIn(['aws', 'state', 'bucket'])),
    tmpl: '',
  };
  generateFiles(tree, join(__dirname, 'files', 'app'), folders[0] ?? '', substitutions);
  generateFiles(tree, join(__dirname, 'files', 'lib'), folders[1] ?? '', substitutions);
  await formatFiles(tree);

  if (before.size > 0) {
    const after = snapshot(tree, folders);
    const differ = [...after].filter(([path, text]) => before.get(path) !== text).map(([p]) => p);
    if (differ.length > 0) {
      restore(tree, before, after);
      throw refusal(name, [
        `apps/${name} or libs/aws/${name} already exists with other content (${differ.slice(0, 3).join(', ')}); choose another name`,
      ]);
    }
  }

  const report: string[] = [];
  updateJson(tree, 'tsconfig.base.json', (json) => {
    const paths = (json.compilerOptions.paths ??= {});
    const alias = `@platform/aws-${name}`;
    if (!paths[alias]) {
      paths[alias] = [`./libs/aws/${name}/src/index.ts`];
      report.push(`tsconfig.base.json: path ${alias}`);
    }
    return json;
  });
  report.push(...addStackFamily(tree, name));
  report.push(...addFamilyRow(tree, name, substitutions.description, dependsOn));
  await formatFiles(tree);

  const changes = tree.listChanges();
  if (changes.length === 0) {
    logger.info(`stack family ${name} is already there as asked, unchanged`);
    return;
  }
  logger.info(
    [
      '',
      `Next: add constructs to libs/aws/${name}/src, then`,
      `  npx nx run-many -t lint typecheck test -p ${name} aws-${name}`,
      `  npx nx run ${name}:validate      # synth + terraform validate of ${envs.map((e) => `${name}-${e.name}`).join(', ')}`,
    ].join('\n'),
  );
}

/** Every file below the folders: path → content. */
function snapshot(tree: Tree, folders: readonly string[]): Map<string, string> {
  const files = new Map<string, string>();
  for (const folder of folders) {
    if (tree.exists(folder)) {
      visitNotIgnoredFiles(tree, folder, (path) => files.set(path, tree.read(path, 'utf8') ?? ''));
    }
  }
  return files;
}

/** Puts the folders back as they were: the refused run leaves the tree untouched. */
function restore(tree: Tree, before: Map<string, string>, after: Map<string, string>): void {
  for (const path of after.keys()) if (!before.has(path)) tree.delete(path);
  for (const [path, text] of before) tree.write(path, text);
}

function refusal(name: string, problems: readonly string[]): Error {
  return new Error(
    `Cannot scaffold stack family "${name}", nothing was written:\n${problems.map((p) => `  - ${p}`).join('\n')}`,
  );
}

export default stackFamilyGenerator;
