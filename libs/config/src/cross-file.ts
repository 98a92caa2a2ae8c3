import type { ConfigProblem } from './errors';
import { cidrsOverlap } from './cidr';
import type { AwsEnvironmentConfig } from './schema/aws-environment';
import type { EnvironmentConfig } from './schema/environment';
import type { GcpEnvironmentConfig } from './schema/gcp-environment';
import { lineOf, type ParsedYaml } from './yaml-lines';

/** An environment file as parsed; `config` only when it passed the schema. */
export interface ParsedFile extends ParsedYaml {
  readonly config?: EnvironmentConfig;
}

type ValidFile = ParsedFile & { readonly config: EnvironmentConfig };
type AwsFile = ParsedFile & { readonly config: AwsEnvironmentConfig };
type GcpFile = ParsedFile & { readonly config: GcpEnvironmentConfig };

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
  const unique = <F extends ValidFile>(
    among: readonly F[],
    field: string[],
    value: (c: F['config']) => string | number,
    what: string,
  ) => {
    const seen = new Map<string | number, ParsedFile>();
    for (const f of among) {
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
  const aws = valid.filter((f): f is AwsFile => f.config.cloud === 'aws');
  const gcp = valid.filter((f): f is GcpFile => f.config.cloud === 'gcp');
  unique(valid, ['name'], (c) => c.name, 'name');
  unique(aws, ['aws', 'accountId'], (c) => c.aws.accountId, 'account id');
  unique(aws, ['aws', 'state', 'bucket'], (c) => c.aws.state.bucket, 'state bucket');
  unique(aws, ['deployOrder'], (c) => c.deployOrder, 'deploy order');
  unique(gcp, ['gcp', 'projectId'], (c) => c.gcp.projectId, 'project id');
  unique(gcp, ['gcp', 'projectNumber'], (c) => c.gcp.projectNumber, 'project number');
  unique(gcp, ['gcp', 'state', 'bucket'], (c) => c.gcp.state.bucket, 'state bucket');
  unique(gcp, ['deployOrder'], (c) => c.deployOrder, 'deploy order');
  const complete = valid.length === files.length;
  problems.push(...awsProblems(aws, complete));
  problems.push(...networkOverlapProblems(valid));
  if (complete) {
    problems.push(
      ...deployOrderProblems(aws),
      ...deployOrderProblems(gcp),
      ...imageSourceProblems(aws),
      ...gcpImageSourceProblems(gcp),
    );
  }
  return problems;
}

/** The primary range of an environment's network, whatever its cloud. */
const networkRange = (f: ValidFile): { field: string[]; cidr: string } =>
  f.config.cloud === 'aws'
    ? { field: ['network', 'vpcCidr'], cidr: f.config.network.vpcCidr }
    : { field: ['network', 'cidr'], cidr: f.config.network.cidr };

/** Network ranges never overlap, across clouds too: environments can be connected later. */
function networkOverlapProblems(valid: readonly ValidFile[]): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  valid.forEach((a, i) =>
    valid.slice(i + 1).forEach((b) => {
      const [ra, rb] = [networkRange(a), networkRange(b)];
      if (cidrsOverlap(ra.cidr, rb.cidr)) {
        problems.push({
          file: b.file,
          line: lineOf(b.doc, b.lines, rb.field),
          field: rb.field.join('.'),
          message: `${rb.cidr} overlaps ${ra.cidr} of ${a.file}; network ranges must not overlap so environments can be connected later`,
        });
      }
    }),
  );
  return problems;
}

/** The pipelines run in the first AWS environment: its CodeStar connection must be named. */
function awsProblems(aws: readonly AwsFile[], complete: boolean): ConfigProblem[] {
  // Only when every file is valid: otherwise the pipeline environment may be the invalid one.
  const first = complete
    ? [...aws].sort((a, b) => a.config.deployOrder - b.config.deployOrder)[0]
    : undefined;
  const connected = first?.config.services.findIndex(
    (s) => s.source?.provider === 'codestar-connection',
  );
  if (first && connected !== undefined && connected >= 0 && !first.config.delivery.connectionArn) {
    return [
      {
        file: first.file,
        line: lineOf(first.doc, first.lines, ['delivery']),
        field: 'delivery.connectionArn',
        message: `is required: services.${connected} pulls its source through a CodeStar connection, and the pipelines run in this environment (the lowest deployOrder)`,
      },
    ];
  }
  return [];
}

/**
 * GCP images are built in the first GCP environment (Cloud Build, its Artifact Registry) and
 * promoted by Cloud Deploy: a later environment's service the first does not declare has no
 * image and no pipeline, and the first needs the GitHub connection when it builds anything.
 */
function gcpImageSourceProblems(gcp: readonly GcpFile[]): ConfigProblem[] {
  const [first, ...later] = [...gcp].sort((a, b) => a.config.deployOrder - b.config.deployOrder);
  if (!first) return [];
  const problems: ConfigProblem[] = [];
  if (first.config.services.length > 0 && !first.config.delivery.github) {
    problems.push({
      file: first.file,
      line: lineOf(first.doc, first.lines, ['delivery']),
      field: 'delivery.github',
      message: `is required: Cloud Build builds the services' images in this environment (the lowest deployOrder of the GCP environments) through a GitHub connection`,
    });
  }
  const built = new Set(first.config.services.map((s) => s.name));
  for (const f of later) {
    f.config.services.forEach((service, index) => {
      if (!built.has(service.name)) {
        problems.push({
          file: f.file,
          line: lineOf(f.doc, f.lines, ['services', index, 'name']),
          field: `services.${index}.name`,
          message: `"${service.name}" is not built anywhere: images are built in ${first.file} (the lowest deployOrder of the GCP environments) and promoted from there; declare "${service.name}" there too`,
        });
      }
    });
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
function imageSourceProblems(valid: readonly AwsFile[]): ConfigProblem[] {
  const [first, ...later] = [...valid].sort((a, b) => a.config.deployOrder - b.config.deployOrder);
  if (!first) return [];
  const repositories = new Set(first.config.services.map((s) => s.repository));
  const released = new Set(first.config.services.filter((s) => s.source).map((s) => s.name));
  const problems: ConfigProblem[] = [];
  for (const f of later) {
    const releasedHere = f.config.services.filter((s) => released.has(s.name)).map((s) => s.name);
    if (f.config.aws.region !== first.config.aws.region && releasedHere.length > 0) {
      problems.push({
        file: f.file,
        line: lineOf(f.doc, f.lines, ['aws', 'region']),
        field: 'aws.region',
        message: `${f.config.aws.region} differs from ${first.config.aws.region} of ${first.file}, whose pipelines deploy ${releasedHere.join(', ')} here: cross-region deploys need a regional artifact store, which the pipelines do not have; use ${first.config.aws.region}`,
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
