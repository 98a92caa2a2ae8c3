import { formatFiles, logger, type Tree } from '@nx/devkit';
import { isMap, isSeq, type YAMLMap, type YAMLSeq } from 'yaml';
import {
  assertValid,
  type EnvironmentFile,
  readEnvironments,
  splitList,
} from '../../lib/environments';
import type { ServiceGeneratorSchema } from './schema';
import {
  FLOW_KEYS,
  type ResolvedOptions,
  serviceBlock,
  type TargetEnvironment,
} from './service-block';
import { optionProblems } from './options';

/**
 * `nx g @platform/plugin:service <name>`: adds the service block to each chosen environment
 * file, validated with the real schema before anything is written.
 *
 * Idempotent: an environment that already has exactly this block is left alone (a second run
 * with the same arguments changes nothing); a different service of the same name is refused.
 */
export async function serviceGenerator(tree: Tree, schema: ServiceGeneratorSchema): Promise<void> {
  const options: ResolvedOptions = {
    runtime: 'ecs',
    strategy: 'rolling',
    port: 8080,
    healthCheckPath: '/healthz',
    cpu: 512,
    memoryMiB: 1024,
    ...schema,
    name: String(schema.name ?? '').trim(),
  };
  // AWS environments: their service blocks are the ECS/App Runner shape this generator writes.
  const all = readEnvironments(tree).filter((e) => e.doc.get('cloud') === 'aws');
  const requested = splitList(schema.environments);
  const chosen = requested.length > 0 ? requested : all.map((e) => e.name);
  const problems = optionProblems(options, chosen, all);
  if (problems.length > 0) throw refusal(options.name, problems);

  const [first] = all;
  if (!first) throw refusal(options.name, ['no environment files in environments/']);
  const targets = all.filter((e) => chosen.includes(e.name));
  const changed: Record<string, string> = {};
  const report: string[] = [];
  for (const env of targets) {
    const block = serviceBlock(options, targetOf(env, env === first));
    const services = env.doc.get('services', true) as YAMLSeq | undefined;
    const existing = isSeq(services)
      ? services.items.find((item) => isMap(item) && item.get('name') === options.name)
      : undefined;
    if (existing) {
      if (sameJson((existing as YAMLMap).toJSON(), block)) {
        report.push(`${env.path}: service "${options.name}" is already there as asked, unchanged`);
        continue;
      }
      problems.push(
        `${env.path}: a service named "${options.name}" already exists (with other settings); choose another name or edit the file`,
      );
      continue;
    }
    problems.push(...collisions(env, options, block));
    const node = env.doc.createNode(block) as YAMLMap;
    for (const key of FLOW_KEYS) {
      const child = node.get(key, true);
      if (isMap(child)) child.flow = true;
    }
    node.commentBefore = ` ${describe(options)}; added by nx g @platform/plugin:service.`;
    if (isSeq(services)) {
      services.flow = false; // an empty `services: []` becomes a block list
      services.items.push(node);
    } else env.doc.set('services', env.doc.createNode([node]));
    changed[env.path] = env.doc.toString();
    const tasks = block['tasks'] as { desired: number; min: number; max: number };
    const route = block['route'] as { host: string; path?: string } | undefined;
    report.push(
      `${env.path}: + service "${options.name}" (${options.runtime}, ${options.strategy}, tasks ${tasks.min}-${tasks.max}${route ? `, https://${route.host}${route.path ?? ''}` : ''})`,
    );
  }
  if (problems.length > 0) throw refusal(options.name, problems);

  const repositoryOf = first.doc.getIn(['services']) as YAMLSeq | undefined;
  const firstHasIt =
    changed[first.path] !== undefined ||
    (isSeq(repositoryOf) &&
      repositoryOf.items.some((i) => isMap(i) && i.get('repository') === options.name));
  if (!firstHasIt) {
    throw refusal(options.name, [
      `${first.path} is where images are built (first in deployOrder) and has no "${options.name}": include ${first.name} in --environments`,
    ]);
  }

  if (Object.keys(changed).length > 0) {
    assertValid(tree, changed, `Adding service "${options.name}"`);
    for (const [path, text] of Object.entries(changed)) tree.write(path, text);
    await formatFiles(tree);
  }
  for (const line of report) logger.info(line);
}

function targetOf(env: EnvironmentFile, first: boolean): TargetEnvironment {
  const github = String(env.doc.getIn(['github', 'repository']) ?? '');
  return {
    name: env.name,
    production: env.doc.get('production') === true,
    first,
    zoneCount:
      (env.doc.getIn(['aws', 'availabilityZones'], true) as YAMLSeq | undefined)?.items.length ?? 0,
    hostedZone: String(env.doc.getIn(['ecs', 'hostedZone', 'name']) ?? ''),
    githubOwner: github.split('/')[0] ?? '',
  };
}

/** A new service's route or repository taken by another service of the environment. */
function collisions(
  env: EnvironmentFile,
  options: ResolvedOptions,
  block: Record<string, unknown>,
): string[] {
  const services = env.doc.get('services', true);
  if (!isSeq(services)) return [];
  const problems: string[] = [];
  const route = block['route'] as { host?: string; path?: string } | undefined;
  for (const item of services.items) {
    if (!isMap(item)) continue;
    const other = item.toJSON() as {
      name: string;
      repository: string;
      route?: { host?: string; path?: string };
    };
    if (other.repository === options.name) {
      problems.push(
        `${env.path}: ECR repository "${options.name}" is already used by service "${other.name}"`,
      );
    }
    if (
      route &&
      other.route &&
      (other.route.host ?? '') === (route.host ?? '') &&
      (other.route.path ?? '/*') === (route.path ?? '/*')
    ) {
      problems.push(
        `${env.path}: route ${route.host ?? ''}${route.path ?? ''} is already served by service "${other.name}"; pass --host or --path`,
      );
    }
  }
  return problems;
}

function describe(options: ResolvedOptions): string {
  const how =
    options.strategy === 'blue-green'
      ? `blue/green, ${options.traffic ?? 'canary'} traffic shifting`
      : 'rolling updates';
  return `${options.name}: ${options.runtime === 'ecs' ? 'ECS' : 'App Runner'}, ${how}`;
}

function refusal(name: string, problems: readonly string[]): Error {
  return new Error(
    `Cannot add service "${name}", nothing was written:\n${problems.map((p) => `  - ${p}`).join('\n')}`,
  );
}

function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(sortKeys(a)) === JSON.stringify(sortKeys(b));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([k, v]) => [k, sortKeys(v)]),
    );
  }
  return value;
}

export default serviceGenerator;
