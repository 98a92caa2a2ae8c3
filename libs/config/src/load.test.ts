import { editedEnvironments, ENVIRONMENTS_DIR, problems } from './test-support';
import type { Document } from 'yaml';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  ConfigError,
  environmentProblems,
  environmentsOf,
  environmentTextProblems,
  hasSection,
  loadEnvironments,
} from './index';

describe('environment files', () => {
  it('the example environments load in promotion order with computed subnets', () => {
    const envs = loadEnvironments(ENVIRONMENTS_DIR);
    // each cloud has its own promotion path; positions interleave, AWS first on a tie
    expect(envs.map((e) => e.name)).toEqual(['dev', 'gcpdev', 'staging', 'gcpprod', 'prod']);
    const prod = envs.find((e) => e.name === 'prod')!;
    expect(prod.subnets.filter((s) => s.tier === 'private').map((s) => s.cidr)).toEqual([
      '10.30.0.0/20',
      '10.30.16.0/20',
      '10.30.32.0/20',
    ]);
    expect(prod.subnets).toHaveLength(9);
  });

  it('rejects subnets that do not fit the VPC, naming the field', () => {
    const dir = editedEnvironments((d) => d['dev']!.setIn(['network', 'vpcCidr'], '10.10.0.0/24'));
    expect(problems(dir)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(
          /^dev\.yaml network\.subnets\.private\.prefixLength: \/20 does not fit inside the VPC's \/24/,
        ),
      ]),
    );
  });

  it('rejects a VPC range outside what AWS allows', () => {
    const dir = editedEnvironments((d) => d['dev']!.setIn(['network', 'vpcCidr'], '10.0.0.0/8'));
    expect(problems(dir)).toContain(
      'dev.yaml network.vpcCidr: a VPC range must be /16 to /28 (got /8)',
    );
  });

  it('rejects a range that does not start at its first address', () => {
    const dir = editedEnvironments((d) => d['dev']!.setIn(['network', 'vpcCidr'], '10.10.3.0/16'));
    expect(problems(dir)[0]).toMatch(
      /network\.vpcCidr: "10\.10\.3\.0\/16" is not an IPv4 range starting at its first address/,
    );
  });

  it('rejects VPC ranges that overlap between environments', () => {
    const dir = editedEnvironments((d) =>
      d['staging']!.setIn(['network', 'vpcCidr'], '10.10.0.0/16'),
    );
    expect(problems(dir)).toEqual([
      expect.stringMatching(
        /^staging\.yaml network\.vpcCidr: 10\.10\.0\.0\/16 overlaps 10\.10\.0\.0\/16 of .*dev\.yaml/,
      ),
    ]);
  });

  it('rejects an unknown region and lists the allowed ones', () => {
    const dir = editedEnvironments((d) => d['dev']!.setIn(['aws', 'region'], 'eu-middle-9'));
    const [first] = problems(dir);
    expect(first).toMatch(
      /^dev\.yaml aws.region: must be one of .*"eu-west-1".* \(got "eu-middle-9"\)/,
    );
  });

  it('rejects a production environment with one availability zone and a single NAT', () => {
    const dir = editedEnvironments((d) => {
      d['prod']!.setIn(['aws', 'availabilityZones'], ['eu-west-1a']);
      d['prod']!.setIn(['network', 'natStrategy'], 'single');
    });
    expect(problems(dir)).toEqual([
      'prod.yaml aws.availabilityZones: a production environment needs at least 2 availability zones (got 1)',
      'prod.yaml network.natStrategy: a production environment needs "one-per-az" so one zone\'s outage stays local (got "single")',
    ]);
  });

  it('rejects a zone of another region', () => {
    const dir = editedEnvironments((d) =>
      d['dev']!.setIn(['aws', 'availabilityZones'], ['eu-west-1a', 'us-east-1b']),
    );
    expect(problems(dir)).toEqual([
      'dev.yaml aws.availabilityZones.1: "us-east-1b" is not a zone of eu-west-1 (expected eu-west-1a, eu-west-1b, ...)',
    ]);
  });

  it("rejects a typo'd field with its line and the allowed names", () => {
    const dir = editedEnvironments((d) => {
      d['dev']!.deleteIn(['network', 'natStrategy']);
      d['dev']!.setIn(['network', 'natStrategi'], 'single');
    });
    const error = (() => {
      try {
        loadEnvironments(dir);
      } catch (e) {
        return e as ConfigError;
      }
      throw new Error('expected failure');
    })();
    const lines = readFileSync(join(dir, 'dev.yaml'), 'utf8').split('\n');
    // a missing field is reported at the first line of its mapping, an unknown one at its key
    expect(error.problems.map(({ line, field, message }) => ({ line, field, message }))).toEqual([
      {
        line: lines.findIndex((l) => /^ {2}vpcCidr:/.test(l)) + 1,
        field: 'network.natStrategy',
        message: 'is required: one of "single", "one-per-az"',
      },
      {
        line: lines.findIndex((l) => /^ {2}natStrategi:/.test(l)) + 1,
        field: 'network.natStrategi',
        message: 'unknown field; allowed here: vpcCidr, subnets, natStrategy, flowLogRetentionDays',
      },
    ]);
  });

  it('names every unknown field of a mapping, in a list item and in an optional section, with what is allowed there', () => {
    const at = (edit: (d: Document) => void) =>
      problems(editedEnvironments((d) => edit(d['dev']!)));
    expect(
      at((d) => {
        d.setIn(['network', 'natGateways'], 2);
        d.setIn(['network', 'ipv6'], true);
      }),
    ).toEqual([
      'dev.yaml network.natGateways: unknown fields "natGateways", "ipv6"; allowed here: vpcCidr, subnets, natStrategy, flowLogRetentionDays',
    ]);
    expect(at((d) => d.setIn(['services', 0, 'tasks', 'count'], 2))).toEqual([
      'dev.yaml services.0.tasks.count: unknown field; allowed here: desired, min, max',
    ]);
    expect(at((d) => d.setIn(['eks', 'endpoint', 'open'], true))).toEqual([
      'dev.yaml eks.endpoint.open: unknown field; allowed here: publicAccess, publicAccessCidrs',
    ]);
  });

  it('rejects a missing account id and a duplicated one', () => {
    const missing = editedEnvironments((d) => d['dev']!.deleteIn(['aws', 'accountId']));
    expect(problems(missing)).toEqual(['dev.yaml aws.accountId: is required (string)']);
    const duplicated = editedEnvironments((d) => {
      d['staging']!.setIn(['aws', 'accountId'], '111111111111');
      d['staging']!.setIn(
        ['aws', 'state', 'administratorRoleArn'],
        'arn:aws:iam::111111111111:role/platform-admins',
      );
    });
    expect(problems(duplicated)).toEqual([
      expect.stringMatching(
        /^staging\.yaml aws.accountId: account id "111111111111" is already used by .*dev\.yaml/,
      ),
    ]);
  });

  it('rejects an account id written as a number (YAML would drop leading zeros)', () => {
    const dir = editedEnvironments((d) => d['dev']!.setIn(['aws', 'accountId'], 11111111111));
    expect(problems(dir)[0]).toMatch(
      /^dev\.yaml aws.accountId: must be string \(got 11111111111\)/,
    );
  });

  it('rejects a flow-log retention CloudWatch would refuse', () => {
    const dir = editedEnvironments((d) => d['dev']!.setIn(['network', 'flowLogRetentionDays'], 10));
    expect(problems(dir)[0]).toMatch(
      /^dev\.yaml network\.flowLogRetentionDays: must be a retention CloudWatch Logs accepts: one of 1, 3, 5/,
    );
  });

  it('rejects a name that differs from the file name', () => {
    const dir = editedEnvironments((d) => d['dev']!.set('name', 'develop'));
    expect(problems(dir)).toEqual([
      'dev.yaml name: must equal the file name "dev" (got "develop")',
    ]);
  });

  it('reports YAML syntax errors with their line', () => {
    const dir = editedEnvironments(() => undefined);
    writeFileSync(join(dir, 'dev.yaml'), 'name: dev\nregion: [eu-west-1\n');
    const error = (() => {
      try {
        loadEnvironments(dir);
      } catch (e) {
        return e as ConfigError;
      }
      throw new Error('expected failure');
    })();
    expect(error.problems[0]?.message).toMatch(/^not valid YAML/);
    expect(error.message).toMatch(/dev\.yaml:\d+ \(file\): not valid YAML/);
  });
});

describe('what a problem says, word for word', () => {
  /** The problems of a folder holding exactly these files. */
  const only = (files: Record<string, string>) => {
    const dir = mkdtempSync(join(tmpdir(), 'platform-envs-'));
    for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
    return environmentProblems(dir);
  };

  it('an empty folder has no environment files', () => {
    expect(only({})).toEqual([
      expect.stringMatching(/ : no environment files \(\*\.yaml\) found$/),
    ]);
    expect(only({ 'notes.txt': 'x' })).toHaveLength(1);
  });

  it('says what the cloud was when it is not one of the clouds, and that it is required', () => {
    expect(only({ 'dev.yaml': 'cloud: [aws]\n' })).toEqual([
      'dev.yaml cloud: must be one of "aws", "gcp" (got a list)',
    ]);
    expect(only({ 'dev.yaml': 'cloud: { name: aws }\n' })).toEqual([
      'dev.yaml cloud: must be one of "aws", "gcp" (got a mapping)',
    ]);
    expect(only({ 'dev.yaml': 'cloud: null\n' })).toEqual([
      'dev.yaml cloud: must be one of "aws", "gcp" (got null)',
    ]);
    expect(only({ 'dev.yaml': 'cloud: azure\n' })).toEqual([
      'dev.yaml cloud: must be one of "aws", "gcp" (got "azure")',
    ]);
    expect(only({ 'dev.yaml': 'name: dev\n' })).toEqual([
      'dev.yaml cloud: is required: one of "aws", "gcp" (it chooses the rest of the file\'s shape)',
    ]);
  });

  it('refuses a key written twice, at the second one', () => {
    const dir = mkdtempSync(join(tmpdir(), 'platform-envs-'));
    writeFileSync(join(dir, 'dev.yaml'), 'cloud: aws\nname: dev\nname: dev\n');
    let error: ConfigError | undefined;
    try {
      loadEnvironments(dir);
    } catch (e) {
      error = e as ConfigError;
    }
    expect(error?.problems).toEqual([
      expect.objectContaining({
        line: 3,
        field: '',
        message: 'not valid YAML: Map keys must be unique',
      }),
    ]);
  });

  it('says what a value of the wrong type was, and what a missing one should be', () => {
    const edited = (value: unknown) =>
      problems(editedEnvironments((d) => d['dev']!.set('deployOrder', value)));
    expect(edited('first')).toEqual(['dev.yaml deployOrder: must be number (got "first")']);
    expect(edited([1])).toEqual(['dev.yaml deployOrder: must be number (got a list)']);
    expect(problems(editedEnvironments((d) => d['dev']!.delete('deployOrder')))).toEqual([
      'dev.yaml deployOrder: is required (number)',
    ]);
  });

  it('checks environment files given as text (the generators), naming them without a folder', () => {
    expect(environmentTextProblems({ 'dev.yaml': 'cloud: [aws]\n' })).toEqual([
      'dev.yaml cloud: must be one of "aws", "gcp" (got a list)',
    ]);
    // a problem that names another file names it without the scratch folder
    const text = (name: string) => readFileSync(join(ENVIRONMENTS_DIR, `${name}.yaml`), 'utf8');
    expect(
      environmentTextProblems({
        'dev.yaml': text('dev'),
        'staging.yaml': text('staging').replace(/^deployOrder: 2$/m, 'deployOrder: 1'),
      }),
    ).toEqual([
      'staging.yaml deployOrder: deploy order "1" is already used by dev.yaml; every environment needs its own',
    ]);
  });
});

describe('optional sections', () => {
  it('hasSection tells an environment that declares eks or baseline from one that leaves it out', () => {
    const dir = editedEnvironments((d) => {
      d['staging']!.delete('eks');
      d['prod']!.delete('baseline');
    });
    const aws = environmentsOf('aws', loadEnvironments(dir));
    expect(aws.map((e) => [e.name, hasSection(e, 'eks'), hasSection(e, 'baseline')])).toEqual([
      ['dev', true, true],
      ['staging', false, true],
      ['prod', true, false],
    ]);
  });
});
