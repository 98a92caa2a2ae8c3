import type { ConfigProblem } from './errors';
import { cidrsOverlap } from './cidr';
import type { EnvironmentConfig } from './schema/environment';
import { lineOf, type ParsedYaml } from './yaml-lines';

/** An environment file as parsed; `config` only when it passed the schema. */
export interface ParsedFile extends ParsedYaml {
  readonly config?: EnvironmentConfig;
}

type ValidFile = ParsedFile & { readonly config: EnvironmentConfig };

/**
 * Rules that span files: one account, one VPC range, one bucket, one position per environment;
 * positions 1, 2, 3… with no gap; images and pipelines only for services the first
 * environment builds.
 */
export function crossFileProblems(files: readonly ParsedFile[]): ConfigProblem[] {
  const valid = files.filter(
    (f): f is ParsedFile & { config: EnvironmentConfig } => f.config !== undefined,
  );
  const problems: ConfigProblem[] = [];
  const unique = (
    field: string[],
    value: (c: EnvironmentConfig) => string | number,
    what: string,
  ) => {
    const seen = new Map<string | number, ParsedFile>();
    for (const f of valid) {
      const v = value(f.config);
      const first = seen.get(v);
      if (first) {
        problems.push({
          file: f.file,
          line: lineOf(f.doc, f.lines, field),
          field: field.join('.'),
          message: `${what} "${v}" is already used by ${first.file}; every environment needs its own`,
        });
      } else seen.set(v, f);
    }
  };
  unique(['name'], (c) => c.name, 'name');
  unique(['accountId'], (c) => c.accountId, 'account id');
  unique(['state', 'bucket'], (c) => c.state.bucket, 'state bucket');
  unique(['deployOrder'], (c) => c.deployOrder, 'deploy order');
  // Only when every file is valid: otherwise the pipeline environment may be the invalid one.
  const first =
    valid.length === files.length
      ? [...valid].sort((a, b) => a.config.deployOrder - b.config.deployOrder)[0]
      : undefined;
  const connected = first?.config.services.findIndex(
    (s) => s.source?.provider === 'codestar-connection',
  );
  if (first && connected !== undefined && connected >= 0 && !first.config.delivery.connectionArn) {
    problems.push({
      file: first.file,
      line: lineOf(first.doc, first.lines, ['delivery']),
      field: 'delivery.connectionArn',
      message: `is required: services.${connected} pulls its source through a CodeStar connection, and the pipelines run in this environment (the lowest deployOrder)`,
    });
  }
  valid.forEach((a, i) =>
    valid.slice(i + 1).forEach((b) => {
      if (cidrsOverlap(a.config.network.vpcCidr, b.config.network.vpcCidr)) {
        problems.push({
          file: b.file,
          line: lineOf(b.doc, b.lines, ['network', 'vpcCidr']),
          field: 'network.vpcCidr',
          message: `${b.config.network.vpcCidr} overlaps ${a.config.network.vpcCidr} of ${a.file}; VPC ranges must not overlap so environments can be connected later`,
        });
      }
    }),
  );
  if (valid.length === files.length) {
    problems.push(...deployOrderProblems(valid), ...imageSourceProblems(valid));
  }
  return problems;
}

/**
 * deployOrder runs 1, 2, 3… without a gap: a missing position means an environment file
 * disappeared while the promotion path (pipeline stages, replication, the deploy workflow)
 * still runs through it, and its stacks and stages would be dropped without a word.
 */
function deployOrderProblems(valid: readonly ValidFile[]): ConfigProblem[] {
  const ordered = [...valid].sort((a, b) => a.config.deployOrder - b.config.deployOrder);
  const problems: ConfigProblem[] = [];
  ordered.forEach((f, index) => {
    const previous = ordered[index - 1];
    const after = previous?.config.deployOrder ?? 0;
    if (f.config.deployOrder <= after + 1) return;
    const missing =
      after + 1 === f.config.deployOrder - 1
        ? `${after + 1}`
        : `${after + 1} to ${f.config.deployOrder - 1}`;
    problems.push({
      file: f.file,
      line: lineOf(f.doc, f.lines, ['deployOrder']),
      field: 'deployOrder',
      message: `no environment has deployOrder ${missing}${previous ? ` (after ${previous.file})` : ''}: was an environment file removed? Restore it, or renumber the environments 1, 2, 3… in promotion order (the pipelines and the deploy workflow follow this order)`,
    });
  });
  return problems;
}

/**
 * Images are built and released from the first environment (lowest deployOrder): its registry
 * replicates to the others and its account runs the pipelines. A later environment's service
 * whose repository the first environment lacks has no image; one with a `source` that the
 * first environment does not release has no pipeline.
 */
function imageSourceProblems(valid: readonly ValidFile[]): ConfigProblem[] {
  const [first, ...later] = [...valid].sort((a, b) => a.config.deployOrder - b.config.deployOrder);
  if (!first) return [];
  const repositories = new Set(first.config.services.map((s) => s.repository));
  const released = new Set(first.config.services.filter((s) => s.source).map((s) => s.name));
  const problems: ConfigProblem[] = [];
  for (const f of later) {
    const releasedHere = f.config.services.filter((s) => released.has(s.name)).map((s) => s.name);
    if (f.config.region !== first.config.region && releasedHere.length > 0) {
      problems.push({
        file: f.file,
        line: lineOf(f.doc, f.lines, ['region']),
        field: 'region',
        message: `${f.config.region} differs from ${first.config.region} of ${first.file}, whose pipelines deploy ${releasedHere.join(', ')} here: cross-region deploys need a regional artifact store, which the pipelines do not have; use ${first.config.region}`,
      });
    }
    f.config.services.forEach((service, index) => {
      const at = (field: string) => ({
        file: f.file,
        line: lineOf(f.doc, f.lines, ['services', index, field]),
        field: `services.${index}.${field}`,
      });
      if (!repositories.has(service.repository)) {
        problems.push({
          ...at('repository'),
          message: `"${service.repository}" is not a repository of ${first.file}, where images are built (the lowest deployOrder) and replicated from: declare service "${service.name}" there too, or use one of its repositories (${[...repositories].join(', ') || 'none'})`,
        });
      }
      if (service.source && !released.has(service.name)) {
        problems.push({
          ...at('source'),
          message: `no pipeline releases "${service.name}": pipelines run in ${first.file} (the lowest deployOrder) and release the services declared there with a source; declare "${service.name}" with its source there`,
        });
      }
    });
  }
  return problems;
}
