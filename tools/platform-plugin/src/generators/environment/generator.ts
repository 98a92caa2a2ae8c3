import { formatFiles, logger, type Tree, updateNxJson, readNxJson } from '@nx/devkit';
import { CLOUDS, type Cloud } from '@platform/config';
import { isScalar, parse } from 'yaml';
import {
  assertValid,
  environmentPath,
  type EnvironmentFile,
  readEnvironments,
} from '../../lib/environments';
import { awsEnvironment } from './aws';
import { CLOUD_OPTIONS, type CloudInput, type CloudOutcome } from './cloud';
import { addDeployJob } from './deploy-workflow';
import { gcpEnvironment } from './gcp';
import type { EnvironmentGeneratorSchema } from './schema';

const NAME = /^[a-z][a-z0-9]{1,11}$/;

/** How each cloud derives its environments. */
const DERIVE: Readonly<Record<Cloud, (input: CloudInput) => CloudOutcome>> = {
  aws: awsEnvironment,
  gcp: gcpEnvironment,
};

/**
 * `nx g @platform/plugin:environment <name> --from=<env> --accountId=<id>` (AWS) or
 * `--from=<gcp env> --projectId=<id> --projectNumber=<n>` (GCP): writes environments/<name>.yaml
 * derived from an existing environment of the same cloud, validated with the real schema (and
 * every other environment) first. Every stack family reads every environment file, so the
 * stacks `<family>-<name>` exist from the next synth; `diff`/`deploy` get a `-c <name>`
 * configuration in nx.json and the deploy workflow a job on the cloud's chain.
 *
 * Idempotent: when the file already holds exactly what these arguments produce, nothing changes;
 * a different file of that name is refused.
 */
export async function environmentGenerator(
  tree: Tree,
  options: EnvironmentGeneratorSchema,
): Promise<void> {
  const name = String(options.name ?? '').trim();
  const everyone = readEnvironments(tree);
  const existing = everyone.find((e) => e.name === name);
  const others = everyone.filter((e) => e.name !== name);
  const source = others.find((e) => e.name === options.from);
  const sourceCloud = source?.doc.get('cloud') as Cloud | undefined;
  const cloud = options.cloud ?? sourceCloud;
  // Every problem at once: the name's and the options', then (when the source and the cloud
  // are usable) the cloud's own options and ranges.
  const problems: string[] = [];
  if (!NAME.test(name)) {
    problems.push(
      `name "${name}": must be 2-12 lowercase letters or digits, starting with a letter`,
    );
  }
  if (!source) {
    problems.push(
      `--from "${options.from ?? ''}": no such environment (have ${others.map((e) => e.name).join(', ')})`,
    );
  }
  const knownCloud = cloud === undefined || (CLOUDS as readonly string[]).includes(cloud);
  if (!knownCloud) {
    problems.push(`--cloud "${cloud}": must be one of ${CLOUDS.join(', ')}`);
  } else if (source && cloud !== sourceCloud) {
    const candidates = others.filter((e) => e.doc.get('cloud') === cloud).map((e) => e.name);
    problems.push(
      `--cloud ${cloud}, but --from ${source.name} runs on ${String(sourceCloud)}: ${candidates.length > 0 ? `derive it from one of the ${cloud} environments (${candidates.join(', ')})` : `there is no ${cloud} environment to derive from yet`}`,
    );
  }
  if (!source || !cloud || !knownCloud || cloud !== sourceCloud) throw refusal(name, problems);
  for (const [owner, names] of Object.entries(CLOUD_OPTIONS)) {
    if (owner === cloud) continue;
    for (const option of names.filter((o) => options[o] !== undefined)) {
      problems.push(
        `--${option}: an option of ${owner} environments only; ${cloud} environments take ${CLOUD_OPTIONS[cloud].map((o) => `--${o}`).join(', ')}`,
      );
    }
  }

  const deployOrder = options.deployOrder ?? Number(source.doc.get('deployOrder')) + 1;
  const sameCloud = others.filter((e) => e.doc.get('cloud') === cloud);
  const order = (e: EnvironmentFile) => Number(e.doc.get('deployOrder'));
  const path = [
    ...sameCloud.filter((e) => order(e) < deployOrder).map((e) => e.name),
    name,
    ...sameCloud.filter((e) => order(e) >= deployOrder).map((e) => e.name),
  ];
  const derived = DERIVE[cloud]({
    name,
    source,
    sourceText: tree.read(source.path, 'utf8') ?? '',
    others,
    path,
    deployOrder,
    options,
  });
  if ('problems' in derived || problems.length > 0) {
    throw refusal(name, [...problems, ...('problems' in derived ? derived.problems : [])]);
  }

  const doc = derived.doc;
  const envPath = environmentPath(name);
  const changed: Record<string, string> = { [envPath]: doc.toString() };
  const report = [`${envPath}: new environment ${name} (from ${source.name})`, ...derived.notes];
  for (const moved of shiftDeployOrder(sameCloud, deployOrder)) {
    changed[moved.path] = moved.doc.toString();
    report.push(
      `${moved.path}: deployOrder ${Number(moved.doc.get('deployOrder')) - 1} → ${Number(moved.doc.get('deployOrder'))}`,
    );
  }

  if (existing) {
    const current = tree.read(existing.path, 'utf8') ?? '';
    if (JSON.stringify(parse(current)) === JSON.stringify(doc.toJS())) {
      logger.info(`${envPath}: environment ${name} is already there as asked, unchanged`);
      return;
    }
    throw refusal(name, [
      `${envPath} already exists (with other settings); choose another name or edit the file`,
    ]);
  }

  assertValid(tree, changed, `Creating environment "${name}"`);
  for (const [file, text] of Object.entries(changed)) tree.write(file, text);
  report.push(
    ...addNxConfigurations(
      tree,
      source.name,
      name,
      others.map((e) => e.name),
    ),
  );
  const at = path.indexOf(name);
  report.push(
    ...addDeployJob(tree, {
      name,
      cloud,
      from: source.name,
      after: path[at - 1],
      before: path[at + 1],
    }),
  );
  await formatFiles(tree);
  for (const line of report) logger.info(line);
  logger.info(
    [
      '',
      `Next steps for ${name} (${cloud}, network ${derived.cidr}):`,
      ...[
        ...derived.nextSteps,
        `npx nx run-many -t synth validate   # stacks <family>-${name} of every family`,
      ].map((step) => `  - ${step}`),
    ].join('\n'),
  );
}

/** Moves the environments at or after `deployOrder` one down when the position is taken. */
function shiftDeployOrder(
  others: readonly EnvironmentFile[],
  deployOrder: number,
): EnvironmentFile[] {
  const orders = others.map((e) => Number(e.doc.get('deployOrder')));
  if (!orders.includes(deployOrder)) return [];
  const moved = others.filter((e) => Number(e.doc.get('deployOrder')) >= deployOrder);
  for (const env of moved) {
    const node = env.doc.get('deployOrder', true);
    if (isScalar(node)) node.value = Number(node.value) + 1;
  }
  return moved;
}

/**
 * Adds `-c <name>` to every nx.json target default that has configurations per environment: a
 * copy of the source's, or (when the source has none, e.g. an environment added by hand) of
 * the first environment's that has one, its name replaced by the new one.
 */
function addNxConfigurations(
  tree: Tree,
  from: string,
  name: string,
  environments: readonly string[],
): string[] {
  const nxJson = readNxJson(tree);
  if (!nxJson?.targetDefaults) return [];
  const added: string[] = [];
  for (const [target, value] of Object.entries(nxJson.targetDefaults)) {
    for (const defaults of Array.isArray(value) ? value : [value]) {
      const configurations = defaults.configurations;
      if (!configurations || configurations[name]) continue;
      const template = [from, ...environments].find((env) => configurations[env]);
      if (template === undefined) continue;
      const token = new RegExp(`(?<![A-Za-z0-9])${template}(?![A-Za-z0-9])`, 'g');
      configurations[name] = JSON.parse(
        JSON.stringify(configurations[template]).replace(token, name),
      );
      added.push(target);
    }
  }
  if (added.length > 0) updateNxJson(tree, nxJson);
  return added.length > 0 ? [`nx.json: configuration "${name}" for ${added.join(', ')}`] : [];
}

function refusal(name: string, problems: readonly string[]): Error {
  return new Error(
    `Cannot create environment "${name}", nothing was written:\n${problems.map((p) => `  - ${p}`).join('\n')}`,
  );
}

export default environmentGenerator;
