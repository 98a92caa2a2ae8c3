import {
  cpSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { type Document, isMap, type YAMLMap } from 'yaml';
import { ConfigError } from './errors';
import { loadEnvironments } from './load';
import { editedEnvironments, ENVIRONMENTS_DIR } from './test-support';

const WORKFLOWS_DIR = join(ENVIRONMENTS_DIR, '..', '.github', 'workflows');

/** Every problem as `file:line field: message` (file name only), or [] when the folder loads. */
function located(dir: string): string[] {
  try {
    loadEnvironments(dir);
    return [];
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    return error.problems.map(
      (p) => `${basename(p.file)}:${p.line ?? '-'} ${p.field}: ${p.message}`,
    );
  }
}

/**
 * A scratch workspace: nx.json, the real workflows and a copy of the example environments with
 * `edit` applied. Returns its environments folder.
 */
function workspace(edit: (docs: Record<string, Document>) => void = () => undefined): string {
  const root = mkdtempSync(join(tmpdir(), 'platform-workspace-'));
  writeFileSync(join(root, 'nx.json'), '{}\n');
  cpSync(WORKFLOWS_DIR, join(root, '.github', 'workflows'), { recursive: true });
  cpSync(editedEnvironments(edit), join(root, 'environments'), { recursive: true });
  return join(root, 'environments');
}

/** A copy of prod's second service under another name, repository and host. */
function addService(doc: Document, name: string): void {
  const service = (doc.getIn(['services', 1], true) as YAMLMap).clone() as YAMLMap;
  const zone = String(doc.getIn(['ecs', 'hostedZone', 'name']));
  service.set('name', name);
  service.set('repository', name);
  service.setIn(['route', 'host'], `${name}.${zone}`);
  service.setIn(['source', 'repository'], `acme/${name}`);
  if (isMap(service.get('appConfig', true))) service.delete('appConfig');
  (doc.get('services', true) as { add(v: unknown): void }).add(service);
}

describe('an environment file that disappears while others still expect it', () => {
  it('the example environments and workflows agree', () => {
    expect(located(workspace())).toEqual([]);
  });

  it('a removed middle environment leaves a gap in deployOrder: refused at the next file', () => {
    const dir = editedEnvironments(() => undefined);
    rmSync(join(dir, 'staging.yaml'));
    expect(located(dir)).toEqual([
      expect.stringMatching(
        /^prod\.yaml:\d+ deployOrder: no environment has deployOrder 2 \(after .*dev\.yaml\): was an environment file removed\?/,
      ),
    ]);
  });

  it('a removed first environment leaves no deployOrder 1: refused, the pipelines would move silently', () => {
    const dir = editedEnvironments(() => undefined);
    rmSync(join(dir, 'dev.yaml'));
    const problems = located(dir);
    expect(problems).toContainEqual(
      expect.stringMatching(/^staging\.yaml:\d+ deployOrder: no environment has deployOrder 1:/),
    );
    expect(problems.filter((p) => p.includes('deployOrder:'))).toHaveLength(1);
  });

  it('once the remaining environments are renumbered 1, 2 they load', () => {
    const dir = editedEnvironments((d) => (d['prod'] as Document).set('deployOrder', 2));
    rmSync(join(dir, 'staging.yaml'));
    expect(located(dir)).toEqual([]);
  });

  it('a deploy workflow job for a removed environment is refused, naming the job’s line and field', () => {
    const dir = workspace();
    rmSync(join(dir, 'prod.yaml'));
    expect(located(dir)).toEqual([
      expect.stringMatching(
        /^deploy\.yml:\d+ jobs\.prod\.with\.environment: deploys environment "prod", which has no file .*prod\.yaml \(environments: dev, gcpdev, gcpprod, staging\): restore the file, or remove this job/,
      ),
    ]);
  });

  it('an environment file renamed to .yml is reported, not silently skipped', () => {
    const dir = workspace();
    renameSync(join(dir, 'prod.yaml'), join(dir, 'prod.yml'));
    expect(located(dir)).toEqual([
      'prod.yml:- : is not read: environment files end in .yaml; rename it to prod.yaml',
      expect.stringMatching(
        /^deploy\.yml:\d+ jobs\.prod\.with\.environment: deploys environment "prod"/,
      ),
    ]);
  });

  it('a job whose own GitHub environment no environment file deploys through is refused; expressions are not followed', () => {
    const dir = workspace();
    const workflows = join(dir, '..', '.github', 'workflows');
    mkdirSync(workflows, { recursive: true });
    writeFileSync(
      join(workflows, 'smoke.yml'),
      [
        'on: push',
        'jobs:',
        '  qa:',
        '    runs-on: ubuntu-latest',
        '    environment: qa',
        '    steps: [{ run: "true" }]',
        '  any:',
        '    runs-on: ubuntu-latest',
        '    environment: ${{ inputs.environment }}',
        '    steps: [{ run: "true" }]',
        '  prod:',
        '    runs-on: ubuntu-latest',
        '    environment: { name: prod }',
        '    steps: [{ run: "true" }]',
        '',
      ].join('\n'),
    );
    expect(located(dir)).toEqual([
      'smoke.yml:5 jobs.qa.environment: runs in GitHub environment "qa", which no environment file deploys through (dev, gcpdev, gcpprod, prod, staging): restore its environment file, or remove this job',
    ]);
  });
});

/** Moves prod to `region`: its zones and the regional secret ARNs its services read. */
function moveProd(d: Record<string, Document>, region: string): void {
  const prod = d['prod'] as Document;
  prod.setIn(['aws', 'region'], region);
  prod.setIn(
    ['aws', 'availabilityZones'],
    ['a', 'b', 'c'].map((z) => `${region}${z}`),
  );
  prod.setIn(
    ['services'],
    (prod.toJS().services as { secrets?: Record<string, string> }[]).map((s) => ({
      ...s,
      secrets: Object.fromEntries(
        Object.entries(s.secrets ?? {}).map(([k, v]) => [k, v.replace(/eu-west-1/, region)]),
      ),
    })),
  );
}

describe('services across files: images are built and released in the first environment', () => {
  it('a service declared in prod but not in dev (where images are built) is refused at its repository and source', () => {
    const dir = editedEnvironments((d) => addService(d['prod'] as Document, 'billing'));
    expect(located(dir)).toEqual([
      expect.stringMatching(
        /^prod\.yaml:\d+ services\.2\.repository: "billing" is not a repository of .*dev\.yaml, where images are built \(the lowest deployOrder\) and replicated from: declare service "billing" there too/,
      ),
      expect.stringMatching(
        /^prod\.yaml:\d+ services\.2\.source: no pipeline releases "billing": pipelines run in .*dev\.yaml/,
      ),
    ]);
  });

  it('the same service declared in dev too loads (staging may skip it)', () => {
    const dir = editedEnvironments((d) => {
      addService(d['prod'] as Document, 'billing');
      addService(d['dev'] as Document, 'billing');
    });
    expect(located(dir)).toEqual([]);
  });

  it('a later environment’s source is refused when dev declares the service without one', () => {
    const dir = editedEnvironments((d) => {
      addService(d['prod'] as Document, 'billing');
      addService(d['dev'] as Document, 'billing');
      const dev = d['dev'] as Document;
      const index = (dev.get('services') as { items: unknown[] }).items.length - 1;
      dev.deleteIn(['services', index, 'source']);
    });
    expect(located(dir)).toEqual([
      expect.stringMatching(/^prod\.yaml:\d+ services\.2\.source: no pipeline releases "billing"/),
    ]);
  });

  it('a later environment in another region than the pipelines is refused at its region; the same region loads', () => {
    const dir = editedEnvironments((d) => moveProd(d, 'eu-central-1'));
    expect(located(dir)).toEqual([
      expect.stringMatching(
        new RegExp(
          `^prod\\.yaml:${textLine(dir, 'prod.yaml', /^ {2}region: eu-central-1$/)} aws.region: eu-central-1 differs from eu-west-1 of .*dev\\.yaml, whose pipelines deploy web, api here: cross-region deploys need a regional artifact store`,
        ),
      ),
    ]);
    expect(located(editedEnvironments((d) => moveProd(d, 'eu-west-1')))).toEqual([]);
  });

  it('another region is fine for an environment the pipelines deploy nothing to, and names only what they deploy', () => {
    const empty = editedEnvironments((d) => {
      moveProd(d, 'eu-central-1');
      d['prod']!.set('services', []);
    });
    expect(located(empty)).toEqual([]);
    // a service declared without a source (in dev too) is not released: not named
    const dir = editedEnvironments((d) => {
      addService(d['dev']!, 'worker');
      addService(d['prod']!, 'worker');
      d['dev']!.deleteIn(['services', 2, 'source']);
      d['prod']!.deleteIn(['services', 2, 'source']);
      moveProd(d, 'eu-central-1');
    });
    expect(located(dir)).toEqual([
      expect.stringMatching(/^prod\.yaml:\d+ aws.region: .* whose pipelines deploy web, api here:/),
    ]);
  });
});

/** The 1-based line of the first line of `file` in `dir` that matches (read from the text itself). */
function textLine(dir: string, file: string, pattern: RegExp): number {
  return (
    readFileSync(join(dir, file), 'utf8')
      .split('\n')
      .findIndex((l) => pattern.test(l)) + 1
  );
}

describe('values every environment needs its own, refused at the line of the later file', () => {
  // files are read in name order: the second of a pair (staging after prod, gcpprod after gcpdev)
  // is the one refused
  it.each([
    [
      'staging',
      'prod',
      ['aws', 'state', 'bucket'],
      /^ {4}bucket:/,
      'aws.state.bucket',
      'state bucket',
    ],
    ['staging', 'prod', ['deployOrder'], /^deployOrder:/, 'deployOrder', 'deploy order'],
    ['gcpprod', 'gcpdev', ['gcp', 'projectId'], /^ {2}projectId:/, 'gcp.projectId', 'project id'],
    [
      'gcpprod',
      'gcpdev',
      ['gcp', 'projectNumber'],
      /^ {2}projectNumber:/,
      'gcp.projectNumber',
      'project number',
    ],
    [
      'gcpprod',
      'gcpdev',
      ['gcp', 'state', 'bucket'],
      /^ {4}bucket:/,
      'gcp.state.bucket',
      'state bucket',
    ],
    ['gcpprod', 'gcpdev', ['deployOrder'], /^deployOrder:/, 'deployOrder', 'deploy order'],
  ] as const)('%s given %s’s %j', (later, earlier, path, pattern, field, what) => {
    const dir = editedEnvironments((d) => d[later]!.setIn([...path], d[earlier]!.getIn([...path])));
    const problems = located(dir).filter((p) => p.includes(`${field}:`) && p.includes(what));
    expect(problems).toEqual([
      expect.stringMatching(
        new RegExp(
          `^${later}\\.yaml:${textLine(dir, `${later}.yaml`, pattern)} ${field.replace(/\./g, '\\.')}: ${what} ".+" is already used by .*${earlier}\\.yaml; every environment needs its own$`,
        ),
      ),
    ]);
  });

  it('names a duplicated environment name at its line', () => {
    const dir = editedEnvironments((d) => d['prod']!.set('name', 'staging'));
    expect(located(dir)).toContainEqual(
      expect.stringMatching(
        new RegExp(
          `^staging\\.yaml:${textLine(dir, 'staging.yaml', /^name:/)} name: name "staging" is already used by .*prod\\.yaml`,
        ),
      ),
    );
  });
});

describe('promotion order and images, refused at the exact line', () => {
  it('a gap of two positions names both, at the deployOrder line', () => {
    const dir = editedEnvironments((d) => d['prod']!.set('deployOrder', 5));
    expect(located(dir)).toContainEqual(
      expect.stringMatching(
        new RegExp(
          `^prod\\.yaml:${textLine(dir, 'prod.yaml', /^deployOrder:/)} deployOrder: no environment has deployOrder 3 to 4 \\(after .*staging\\.yaml\\)`,
        ),
      ),
    );
  });

  it('a service dev lacks is refused at its repository and source lines; the region at its line', () => {
    const dir = editedEnvironments((d) => addService(d['prod'] as Document, 'billing'));
    const text = readFileSync(join(dir, 'prod.yaml'), 'utf8').split('\n');
    const billing = text.findIndex((l) => /^ {4}repository: billing$/.test(l)) + 1;
    const problems = located(dir);
    expect(problems[0]).toMatch(new RegExp(`^prod\\.yaml:${billing} services\\.2\\.repository: `));
    expect(problems[0]).toMatch(/use one of its repositories \(web, api\)$/);
    const source = text.findIndex((l, i) => i >= billing && /^ {4}source:/.test(l)) + 1;
    expect(problems[1]).toMatch(new RegExp(`^prod\\.yaml:${source} services\\.2\\.source: `));
  });
});

/** The line where a section's value starts: the first line after its key that is not a comment. */
function sectionLine(dir: string, file: string, key: RegExp): number {
  const lines = readFileSync(join(dir, file), 'utf8').split('\n');
  const at = lines.findIndex((l) => key.test(l));
  return lines.findIndex((l, i) => i > at && !/^\s*(#|$)/.test(l)) + 1;
}

describe('what the first environment of each cloud must declare, refused at its section', () => {
  it('the CodeStar connection where the AWS pipelines run', () => {
    const dir = editedEnvironments((d) => d['dev']!.deleteIn(['delivery', 'connectionArn']));
    expect(located(dir)).toEqual([
      `dev.yaml:${sectionLine(dir, 'dev.yaml', /^delivery:/)} delivery.connectionArn: is required: services.0 pulls its source through a CodeStar connection, and the pipelines run in this environment (the lowest deployOrder)`,
    ]);
  });

  it('the CodeStar connection only for a service that pulls through one, named by its index', () => {
    const codecommit = (d: Record<string, Document>, index: number) =>
      d['dev']!.setIn(['services', index, 'source', 'provider'], 'codecommit');
    const dir = editedEnvironments((d) => {
      d['dev']!.deleteIn(['delivery', 'connectionArn']);
      codecommit(d, 0);
    });
    expect(located(dir)).toEqual([
      `dev.yaml:${sectionLine(dir, 'dev.yaml', /^delivery:/)} delivery.connectionArn: is required: services.1 pulls its source through a CodeStar connection, and the pipelines run in this environment (the lowest deployOrder)`,
    ]);
    const allCodecommit = editedEnvironments((d) => {
      d['dev']!.deleteIn(['delivery', 'connectionArn']);
      codecommit(d, 0);
      codecommit(d, 1);
    });
    expect(located(allCodecommit)).toEqual([]);
  });

  it('no GitHub connection where Cloud Build builds nothing', () => {
    const dir = editedEnvironments((d) => {
      d['gcpdev']!.deleteIn(['delivery', 'github']);
      d['gcpdev']!.set('services', []);
      d['gcpprod']!.set('services', []);
    });
    expect(located(dir)).toEqual([]);
  });

  it('the GitHub connection where Cloud Build builds, and every later GCP service built there', () => {
    const dir = editedEnvironments((d) => {
      d['gcpdev']!.deleteIn(['delivery', 'github']);
      d['gcpprod']!.setIn(['services', 0, 'name'], 'billing');
    });
    const problems = located(dir);
    expect(problems).toContain(
      `gcpdev.yaml:${sectionLine(dir, 'gcpdev.yaml', /^delivery:/)} delivery.github: is required: Cloud Build builds the services' images in this environment (the lowest deployOrder of the GCP environments) through a GitHub connection`,
    );
    expect(problems).toContainEqual(
      expect.stringMatching(
        new RegExp(
          `^gcpprod\\.yaml:${textLine(dir, 'gcpprod.yaml', /^ {2}- name: billing$/)} services\\.0\\.name: "billing" is not built anywhere: images are built in .*gcpdev\\.yaml`,
        ),
      ),
    );
  });
});

describe('the first environment is the lowest deployOrder, not the first file name', () => {
  /** The example environments with dev renamed to `zdev` and gcpdev to `zgcpdev` (sorting last). */
  const renamedFirst = (edit: (docs: Record<string, Document>) => void = () => undefined) => {
    const dir = editedEnvironments((d) => {
      d['dev']!.set('name', 'zdev');
      d['gcpdev']!.set('name', 'zgcpdev');
      edit(d);
    });
    renameSync(join(dir, 'dev.yaml'), join(dir, 'zdev.yaml'));
    renameSync(join(dir, 'gcpdev.yaml'), join(dir, 'zgcpdev.yaml'));
    return dir;
  };

  it('environments whose names sort after the later ones load', () => {
    expect(located(renamedFirst())).toEqual([]);
  });

  it('the requirements of the first environment land on it wherever its name sorts', () => {
    const dir = renamedFirst((d) => {
      d['dev']!.deleteIn(['delivery', 'connectionArn']);
      d['gcpdev']!.deleteIn(['delivery', 'github']);
    });
    expect(located(dir)).toEqual([
      `zdev.yaml:${sectionLine(dir, 'zdev.yaml', /^delivery:/)} delivery.connectionArn: is required: services.0 pulls its source through a CodeStar connection, and the pipelines run in this environment (the lowest deployOrder)`,
      `zgcpdev.yaml:${sectionLine(dir, 'zgcpdev.yaml', /^delivery:/)} delivery.github: is required: Cloud Build builds the services' images in this environment (the lowest deployOrder of the GCP environments) through a GitHub connection`,
    ]);
  });

  it('a later environment in another region is refused at its region, naming the services the pipelines deploy there', () => {
    const dir = renamedFirst((d) => moveProd(d, 'eu-central-1'));
    expect(located(dir)).toEqual([
      expect.stringMatching(
        new RegExp(
          `^prod\\.yaml:${textLine(dir, 'prod.yaml', /^ {2}region: eu-central-1$/)} aws\\.region: eu-central-1 differs from eu-west-1 of .*zdev\\.yaml, whose pipelines deploy web, api here:`,
        ),
      ),
    ]);
  });
});

describe('workflows that name environments', () => {
  /** A workspace (environments edited by `edit`) with one more workflow file beside the real ones. */
  const withWorkflow = (
    name: string,
    text: string,
    edit?: (docs: Record<string, Document>) => void,
  ) => {
    const dir = workspace(edit);
    writeFileSync(join(dir, '..', '.github', 'workflows', name), text);
    return dir;
  };
  const job = (environment: string) =>
    `on: push\njobs:\n  qa:\n    runs-on: ubuntu-latest\n    environment: ${environment}\n    steps: [{ run: "true" }]\n`;

  it('reads the mapping form of a job environment and .yaml workflow files', () => {
    expect(located(withWorkflow('smoke.yaml', job('{ name: qa }')))).toEqual([
      'smoke.yaml:5 jobs.qa.environment.name: runs in GitHub environment "qa", which no environment file deploys through (dev, gcpdev, gcpprod, prod, staging): restore its environment file, or remove this job',
    ]);
  });

  it('ignores files that are not workflows, broken YAML (its own tests report it) and jobs that are not a mapping', () => {
    expect(located(withWorkflow('notes.md', job('qa')))).toEqual([]);
    expect(located(withWorkflow('broken.yml', `${job('qa')}  bad: [\n`))).toEqual([]);
    expect(located(withWorkflow('list.yml', 'on: push\njobs: [qa]\n'))).toEqual([]);
  });

  it('ignores a backup of a workflow, jobs given as a scalar, and environments that are not literal names', () => {
    expect(located(withWorkflow('scalar.yml', 'on: push\njobs: none\n'))).toEqual([]);
    expect(located(withWorkflow('smoke.yml.orig', job('qa')))).toEqual([]);
    // only a literal name is checked: not a number, not an expression
    expect(located(withWorkflow('number.yml', job('42')))).toEqual([]);
    expect(located(withWorkflow('expr.yml', job('${{ inputs.environment }}')))).toEqual([]);
  });

  it('a job in the GitHub environment of a file that fails the schema is not reported too: only the file’s own problem', () => {
    const dir = withWorkflow('smoke.yml', job('production'), (d) => {
      d['prod']!.setIn(['github', 'deployEnvironment'], 'production');
      d['prod']!.set('deployOrder', 'three');
    });
    expect(located(dir)).toEqual([
      `prod.yaml:${textLine(dir, 'prod.yaml', /^deployOrder:/)} deployOrder: must be number (got "three")`,
    ]);
  });

  it('checks nothing outside an Nx workspace', () => {
    const dir = workspace();
    rmSync(join(dir, '..', 'nx.json'));
    writeFileSync(join(dir, '..', '.github', 'workflows', 'smoke.yml'), job('qa'));
    expect(located(dir)).toEqual([]);
  });
});
