import { formatFiles, logger, type Tree, updateNxJson, readNxJson } from '@nx/devkit';
import { AWS_REGIONS, cidrsOverlap, isCanonicalCidr } from '@platform/config';
import { isScalar, parse, type YAMLSeq } from 'yaml';
import {
  assertValid,
  environmentPath,
  type EnvironmentFile,
  readEnvironments,
  splitList,
} from '../../lib/environments';
import { addDeployJob } from './deploy-workflow';
import { deriveEnvironment } from './derive';
import { suggestCidr, zonesOf } from './network';
import type { EnvironmentGeneratorSchema } from './schema';

const NAME = /^[a-z][a-z0-9]{1,11}$/;

/**
 * `nx g @platform/plugin:environment <name> --from=<env> --accountId=<id>`: writes
 * environments/<name>.yaml derived from an existing environment, validated with the real schema
 * (and every other environment) first. Every stack family reads every environment file, so
 * the stacks `<family>-<name>` exist from the next synth; `diff`/`deploy` get a `-c <name>`
 * configuration in nx.json.
 *
 * Idempotent: when the file already holds exactly what these arguments produce, nothing changes;
 * a different file of that name is refused.
 */
export async function environmentGenerator(
  tree: Tree,
  options: EnvironmentGeneratorSchema,
): Promise<void> {
  const name = String(options.name ?? '').trim();
  const accountId = String(options.accountId ?? '').trim();
  const everyone = readEnvironments(tree);
  const existing = everyone.find((e) => e.name === name);
  const others = everyone.filter((e) => e.name !== name);
  const source = others.find((e) => e.name === options.from);
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
  } else if (source.doc.get('cloud') !== 'aws') {
    problems.push(
      `--from "${source.name}": a ${String(source.doc.get('cloud'))} environment; derive an AWS environment from an AWS one`,
    );
  }
  if (!/^\d{12}$/.test(accountId)) {
    problems.push(`--accountId "${accountId}": must be a 12-digit AWS account id`);
  }
  const owner = others.find((e) => String(e.doc.getIn(['aws', 'accountId'])) === accountId);
  if (owner) {
    problems.push(
      `--accountId ${accountId} is ${owner.name}'s account; every environment needs its own`,
    );
  }
  const region = options.region ?? String(source?.doc.getIn(['aws', 'region']) ?? '');
  if (!(AWS_REGIONS as readonly string[]).includes(region)) {
    problems.push(`--region "${region}": not an AWS region this platform knows`);
  }
  if (problems.length > 0 || !source) throw refusal(name, problems);

  const sourceZones = (source.doc.getIn(['aws', 'availabilityZones'], true) as YAMLSeq).items
    .length;
  const zones = splitList(options.availabilityZones);
  const sourceCidr = networkCidrOf(source);
  const taken = others.map(networkCidrOf);
  const vpcCidr = options.cidr ?? suggestCidr(Number(sourceCidr.split('/')[1]), taken);
  if (!vpcCidr) throw refusal(name, ['no free VPC range in 10.0.0.0/8: pass --cidr']);
  const overlapping = others.find((e) => {
    const cidr = networkCidrOf(e);
    return isCanonicalCidr(vpcCidr) && isCanonicalCidr(cidr) && cidrsOverlap(vpcCidr, cidr);
  });
  if (overlapping) {
    throw refusal(name, [
      `--cidr ${vpcCidr} overlaps ${overlapping.name}'s ${networkCidrOf(overlapping)}; network ranges must not overlap`,
    ]);
  }
  const deployOrder = options.deployOrder ?? Number(source.doc.get('deployOrder')) + 1;

  const doc = deriveEnvironment(tree.read(source.path, 'utf8') ?? '', {
    from: source.name,
    name,
    fromAccountId: String(source.doc.getIn(['aws', 'accountId'])),
    accountId,
    fromRegion: String(source.doc.getIn(['aws', 'region'])),
    region,
    availabilityZones: zones.length > 0 ? zones : zonesOf(region, sourceZones),
    vpcCidr,
    deployOrder,
    production: options.production ?? source.doc.get('production') === true,
    hostedZoneId: options.hostedZoneId,
  });
  const path = environmentPath(name);
  const changed: Record<string, string> = { [path]: doc.toString() };
  const report = [`${path}: new environment ${name} (from ${source.name})`];
  const sameCloud = others.filter((e) => e.doc.get('cloud') === source.doc.get('cloud'));
  for (const moved of shiftDeployOrder(sameCloud, deployOrder)) {
    changed[moved.path] = moved.doc.toString();
    report.push(
      `${moved.path}: deployOrder ${Number(moved.doc.get('deployOrder')) - 1} → ${Number(moved.doc.get('deployOrder'))}`,
    );
  }

  if (existing) {
    const current = tree.read(existing.path, 'utf8') ?? '';
    if (JSON.stringify(parse(current)) === JSON.stringify(doc.toJS())) {
      logger.info(`${path}: environment ${name} is already there as asked, unchanged`);
      return;
    }
    throw refusal(name, [
      `${path} already exists (with other settings); choose another name or edit the file`,
    ]);
  }

  assertValid(tree, changed, `Creating environment "${name}"`);
  for (const [file, text] of Object.entries(changed)) tree.write(file, text);
  report.push(...addNxConfigurations(tree, source.name, name));
  report.push(...addDeployJob(tree, source.name, name));
  await formatFiles(tree);
  for (const line of report) logger.info(line);
  logger.info(nextSteps(name, vpcCidr, options.hostedZoneId === undefined));
}

/** The primary network range of an environment file, whatever its cloud. */
function networkCidrOf(env: EnvironmentFile): string {
  return String(env.doc.getIn(['network', 'vpcCidr']) ?? env.doc.getIn(['network', 'cidr']));
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

/** Adds `-c <name>` to every nx.json target default that has a configuration for the source. */
function addNxConfigurations(tree: Tree, from: string, name: string): string[] {
  const nxJson = readNxJson(tree);
  if (!nxJson?.targetDefaults) return [];
  const added: string[] = [];
  for (const [target, value] of Object.entries(nxJson.targetDefaults)) {
    for (const defaults of Array.isArray(value) ? value : [value]) {
      const configurations = defaults.configurations;
      if (!configurations?.[from] || configurations[name]) continue;
      const token = new RegExp(`(?<![A-Za-z0-9])${from}(?![A-Za-z0-9])`, 'g');
      configurations[name] = JSON.parse(JSON.stringify(configurations[from]).replace(token, name));
      added.push(target);
    }
  }
  if (added.length > 0) updateNxJson(tree, nxJson);
  return added.length > 0 ? [`nx.json: configuration "${name}" for ${added.join(', ')}`] : [];
}

function nextSteps(name: string, cidr: string, placeholderZone: boolean): string {
  return [
    '',
    `Next steps for ${name} (VPC ${cidr}):`,
    ...(placeholderZone
      ? [
          `  - set ecs.hostedZone.id in environments/${name}.yaml to the zone's id in the new account`,
        ]
      : []),
    `  - create the secrets its services reference, then bootstrap the account: npx nx run bootstrap:deploy -c ${name}`,
    `  - GitHub: an environment "${name}" (with reviewers if it serves customers), its DEPLOY_ROLE_ARN, the variable PLAN_ROLE_ARN_${name.toUpperCase()}`,
    `  - npx nx run-many -t synth validate   # stacks <family>-${name} of every family`,
  ].join('\n');
}

function refusal(name: string, problems: readonly string[]): Error {
  return new Error(
    `Cannot create environment "${name}", nothing was written:\n${problems.map((p) => `  - ${p}`).join('\n')}`,
  );
}

export default environmentGenerator;
