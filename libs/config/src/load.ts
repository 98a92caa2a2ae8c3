import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { type Document, isMap, isScalar, LineCounter, parseDocument, type Node } from 'yaml';
import { z } from 'zod';
import { planGcpSubnets, planSubnets, type PlannedGcpSubnet, type PlannedSubnet } from './cidr';
import { crossFileProblems, type ParsedFile } from './cross-file';
import { ConfigError, type ConfigProblem } from './errors';
import { awsEnvironmentSchema, type AwsEnvironmentConfig } from './schema/aws-environment';
import { environmentSchema, type EnvironmentConfig } from './schema/environment';
import { gcpEnvironmentSchema, type GcpEnvironmentConfig } from './schema/gcp-environment';
import { workflowEnvironmentProblems } from './workflow-references';
import { displayPath, lineOf } from './yaml-lines';
import { environmentsDir } from './workspace';

/** A validated AWS environment with the values derived from it at synth. */
export interface AwsEnvironment extends AwsEnvironmentConfig {
  /** The file the environment was read from, relative to the working directory. */
  readonly file: string;
  /** Every subnet of the VPC, computed from the tier sizes. */
  readonly subnets: readonly PlannedSubnet[];
}

/** A validated Google Cloud environment with the values derived from it at synth. */
export interface GcpEnvironment extends GcpEnvironmentConfig {
  /** The file the environment was read from, relative to the working directory. */
  readonly file: string;
  /** The network's regional subnets, one per tier, computed from the tier sizes. */
  readonly subnets: readonly PlannedGcpSubnet[];
}

/** The sections an AWS environment may leave out (the family then has no stack there). */
export type OptionalAwsSection = 'eks' | 'baseline';

/** An AWS environment that declares the optional section `S`. */
export type AwsEnvironmentWith<S extends OptionalAwsSection> = AwsEnvironment & {
  readonly [K in S]-?: NonNullable<AwsEnvironment[K]>;
};

/** Whether an AWS environment declares the optional section (switched on or off). */
export function hasSection<S extends OptionalAwsSection>(
  env: AwsEnvironment,
  section: S,
): env is AwsEnvironmentWith<S> {
  return env[section] !== undefined;
}

/** A validated environment of any cloud; `cloud` tells which. */
export type Environment = AwsEnvironment | GcpEnvironment;

/** The environments of one cloud, in the order given. */
export function environmentsOf<C extends Environment['cloud']>(
  cloud: C,
  environments: readonly Environment[],
): Extract<Environment, { cloud: C }>[] {
  return environments.filter((e): e is Extract<Environment, { cloud: C }> => e.cloud === cloud);
}

/**
 * Reads and validates every `*.yaml` file of the environments folder.
 *
 * @throws ConfigError listing every problem of every file (file, line, field, what is allowed).
 * @returns the environments in promotion order (dev → staging → prod).
 */
export function loadEnvironments(dir: string = environmentsDir()): Environment[] {
  const names = readdirSync(dir).sort();
  const files = names.filter((name) => name.endsWith('.yaml')).map((name) => join(dir, name));
  if (files.length === 0) {
    throw new ConfigError([
      { file: displayPath(dir), field: '', message: 'no environment files (*.yaml) found' },
    ]);
  }
  const problems: ConfigProblem[] = names
    .filter((name) => name.endsWith('.yml'))
    .map((name) => ({
      file: displayPath(join(dir, name)),
      field: '',
      message: `is not read: environment files end in .yaml; rename it to ${basename(name, '.yml')}.yaml`,
    }));
  const parsed = files.map((file) => parseEnvironmentFile(file, problems));
  problems.push(...crossFileProblems(parsed));
  const complete = parsed.every((f) => f.config !== undefined);
  problems.push(
    ...workflowEnvironmentProblems(
      dir,
      parsed.map((f) => ({
        name: basename(f.file, '.yaml'),
        deployEnvironment: f.config?.github.deployEnvironment,
      })),
      complete,
    ),
  );
  if (problems.length > 0) throw new ConfigError(problems);
  return parsed
    .flatMap(({ file, config }) => (config ? [{ file, config }] : []))
    .map(({ file, config }) => withDerivedValues(file, config))
    .sort((a, b) => a.deployOrder - b.deployOrder || a.cloud.localeCompare(b.cloud));
}

function withDerivedValues(file: string, config: EnvironmentConfig): Environment {
  // services by name: nothing any family builds may depend on their order in the file
  const byName = <S extends { name: string }>(services: readonly S[]) =>
    [...services].sort((a, b) => a.name.localeCompare(b.name));
  if (config.cloud === 'gcp') {
    const plan = planGcpSubnets(config.network);
    const services = byName(config.services);
    return { ...config, services, file, subnets: 'subnets' in plan ? plan.subnets : [] };
  }
  const plan = planSubnets(config.network, config.aws.availabilityZones);
  const services = byName(config.services);
  return { ...config, services, file, subnets: 'subnets' in plan ? plan.subnets : [] };
}

function parseEnvironmentFile(path: string, problems: ConfigProblem[]): ParsedFile {
  const file = displayPath(path);
  const lines = new LineCounter();
  const doc = parseDocument(readFileSync(path, 'utf8'), {
    lineCounter: lines,
    prettyErrors: false,
    uniqueKeys: true,
  });
  if (doc.errors.length > 0) {
    for (const error of doc.errors) {
      problems.push({
        file,
        line: lines.linePos(error.pos[0]).line,
        field: '',
        message: `not valid YAML: ${error.message.split('\n')[0]}`,
      });
    }
    return { file, doc, lines };
  }
  const result = environmentSchema.safeParse(doc.toJS(), { error: describeIssue });
  if (!result.success) {
    for (const issue of result.error.issues) problems.push(toProblem(file, doc, lines, issue));
    return { file, doc, lines };
  }
  const expectedName = basename(path, '.yaml');
  if (result.data.name !== expectedName) {
    problems.push({
      file,
      line: lineOf(doc, lines, ['name']),
      field: 'name',
      message: `must equal the file name "${expectedName}" (got "${result.data.name}")`,
    });
  }
  return { file, doc, lines, config: result.data };
}

/** Wording for the issues zod reports without a message of ours. */
function describeIssue(issue: z.core.$ZodRawIssue): string | undefined {
  if (issue.code === 'invalid_union' && 'discriminator' in issue && issue.discriminator) {
    const options = ((issue as { options?: unknown[] }).options ?? [])
      .map((v) => JSON.stringify(v))
      .join(', ');
    const value = (issue.input as Record<string, unknown> | undefined)?.[issue.discriminator];
    return value === undefined
      ? `is required: one of ${options} (it chooses the rest of the file's shape)`
      : `must be one of ${options} (got ${describeValue(value)})`;
  }
  if (issue.code === 'invalid_type' && issue.input === undefined)
    return `is required (${issue.expected})`;
  if (issue.code === 'invalid_type')
    return `must be ${issue.expected} (got ${describeValue(issue.input)})`;
  if (issue.code === 'invalid_value' && issue.input === undefined) {
    return `is required: one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
  }
  if (issue.code === 'invalid_value') {
    return `must be one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')} (got ${describeValue(issue.input)})`;
  }
  return undefined;
}

function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  return JSON.stringify(value);
}

function toProblem(
  file: string,
  doc: Document,
  lines: LineCounter,
  issue: z.core.$ZodIssue,
): ConfigProblem {
  const path = issue.path.map((p) => (typeof p === 'number' ? p : String(p)));
  if (issue.code === 'unrecognized_keys') {
    const allowed = allowedKeys(branchOf(doc.get('cloud')), path);
    const parent = doc.getIn(path, true) as Node | undefined;
    const key = issue.keys[0];
    let line = lineOf(doc, lines, path);
    if (isMap(parent)) {
      const pair = parent.items.find((item) => isScalar(item.key) && item.key.value === key);
      if (pair && isScalar(pair.key) && pair.key.range)
        line = lines.linePos(pair.key.range[0]).line;
    }
    return {
      file,
      line,
      field: [...path, key].join('.'),
      message: `unknown field${issue.keys.length > 1 ? `s ${issue.keys.map((k) => `"${k}"`).join(', ')}` : ''}; allowed here: ${allowed.join(', ')}`,
    };
  }
  // A record key that breaks its rule (a flag or variable name): report the key's own message.
  const message =
    issue.code === 'invalid_key' ? (issue.issues[0]?.message ?? issue.message) : issue.message;
  return { file, line: lineOf(doc, lines, path), field: path.join('.'), message };
}

/** The schema of the environment's cloud (the AWS one when `cloud` is missing or unknown). */
function branchOf(cloud: unknown): z.ZodType {
  return cloud === 'gcp' ? gcpEnvironmentSchema : awsEnvironmentSchema;
}

/** The field names the schema accepts at `path`. */
function allowedKeys(schema: z.ZodType, path: readonly (string | number)[]): string[] {
  let current: z.ZodType | undefined = schema;
  for (const segment of path) {
    current = unwrap(current);
    if (current instanceof z.ZodObject)
      current = current.shape[segment as string] as z.ZodType | undefined;
    else if (current instanceof z.ZodArray) current = current.element as z.ZodType;
    else return [];
  }
  current = unwrap(current);
  return current instanceof z.ZodObject ? Object.keys(current.shape) : [];
}

function unwrap(schema: z.ZodType | undefined): z.ZodType | undefined {
  let current = schema;
  while (
    current instanceof z.ZodOptional ||
    current instanceof z.ZodDefault ||
    current instanceof z.ZodNullable
  ) {
    current = current.unwrap() as z.ZodType;
  }
  return current;
}

/**
 * Validates an environments folder without throwing: one line per problem,
 * `<file name> <field>: <message>`, or none when every file is valid.
 */
export function environmentProblems(dir: string): string[] {
  try {
    loadEnvironments(dir);
    return [];
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    return error.problems.map((p) => `${basename(p.file)} ${p.field}: ${p.message}`);
  }
}
