import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serviceEndpoint, awsManagedPolicyArn, s3Arn } from './arn';
import { pipelineEnvironment } from './delivery-naming';
import { ecsServiceArns, ecsServiceNames } from './ecs-naming';
import { platformIamNamePatterns } from './iam-naming';
import { fieldsWithoutDescription } from './json-schema';
import { gcpLabelValue, gcpStateKmsKeyId, statePrefix } from './naming';
import { environmentsDir, findWorkspaceRoot } from './workspace';

// Pure functions of the naming modules, each checked on its own (the environment tests reach
// them only through whole loads).

describe('names', () => {
  it('state prefixes and the GCP state key', () => {
    expect(statePrefix('network', { name: 'gcpdev' })).toBe('stacks/network-gcpdev');
    expect(
      gcpStateKmsKeyId({
        gcp: { projectId: 'p-1', region: 'europe-west1', state: { keyRing: 'ring' } },
      } as never),
    ).toBe('projects/p-1/locations/europe-west1/keyRings/ring/cryptoKeys/terraform-state');
  });

  it('GCP label values: lower case, other characters as _, at most 63', () => {
    expect(gcpLabelValue('Acme/Platform.X_y-1')).toBe('acme_platform_x_y-1');
    expect(gcpLabelValue('a'.repeat(70))).toHaveLength(63);
  });

  it('IAM name patterns: the environment prefix and every release role', () => {
    expect(platformIamNamePatterns({ name: 'prod' })).toEqual([
      'prod-*',
      '*-release-pipeline',
      '*-release-build',
      '*-release-steps',
      '*-release-trigger',
    ]);
  });

  it('the pipeline environment is the first to deploy; none is an error', () => {
    expect(
      pipelineEnvironment([
        { name: 'b', deployOrder: 2 },
        { name: 'a', deployOrder: 1 },
      ]).name,
    ).toBe('a');
    expect(() => pipelineEnvironment([])).toThrow('pipelineEnvironment: no environments');
  });

  it('ARNs of a service, in its cluster and region', () => {
    const env = { name: 'prod', aws: { region: 'eu-west-1', accountId: '111111111111' } };
    const names = ecsServiceNames(env, { name: 'web' });
    const arns = ecsServiceArns(env, { name: 'web' });
    const regional = (service: string, resource: string) =>
      `arn:aws:${service}:eu-west-1:111111111111:${resource}`;
    expect(arns.taskDefinitionArns).toBe(regional('ecs', `task-definition/${names.taskFamily}:*`));
    expect(arns.taskArns).toBe(regional('ecs', `task/${names.cluster}/*`));
    expect(arns.containerInstanceArns).toBe(
      regional('ecs', `container-instance/${names.cluster}/*`),
    );
    expect(arns.codeDeployApplicationArn).toBe(
      regional('codedeploy', `application:${names.codeDeployApplication}`),
    );
    expect(arns.appRunnerServiceArns).toBe(
      regional('apprunner', `service/${names.appRunnerService}/*`),
    );
  });

  it('endpoints and global ARNs carry no account of ours', () => {
    expect(serviceEndpoint('cn-north-1', 'ecr')).toBe('ecr.cn-north-1.amazonaws.com.cn');
    expect(serviceEndpoint('eu-west-1', 'logs')).toBe('logs.eu-west-1.amazonaws.com');
    expect(awsManagedPolicyArn({ region: 'eu-west-1' }, 'ReadOnlyAccess')).toBe(
      'arn:aws:iam::aws:policy/ReadOnlyAccess',
    );
    expect(s3Arn({ region: 'eu-west-1' }, 'b/k')).toBe('arn:aws:s3:::b/k');
  });
});

describe('the workspace', () => {
  const root = mkdtempSync(join(tmpdir(), 'workspace-'));
  writeFileSync(join(root, 'nx.json'), '{}');
  mkdirSync(join(root, 'apps', 'x'), { recursive: true });

  it('is the nearest folder with nx.json; none above is an error naming the start', () => {
    expect(findWorkspaceRoot(join(root, 'apps', 'x'))).toBe(root);
    expect(findWorkspaceRoot(root)).toBe(root);
    expect(() => findWorkspaceRoot(tmpdir())).toThrow(`no nx.json found at or above ${tmpdir()}`);
  });

  it('environments come from PLATFORM_ENVIRONMENTS_DIR when set, else environments/ at the root', () => {
    const saved = process.env['PLATFORM_ENVIRONMENTS_DIR'];
    try {
      process.env['PLATFORM_ENVIRONMENTS_DIR'] = 'some/dir';
      expect(environmentsDir()).toBe(join(process.cwd(), 'some', 'dir'));
      delete process.env['PLATFORM_ENVIRONMENTS_DIR'];
      expect(environmentsDir()).toBe(join(findWorkspaceRoot(), 'environments'));
    } finally {
      if (saved === undefined) delete process.env['PLATFORM_ENVIRONMENTS_DIR'];
      else process.env['PLATFORM_ENVIRONMENTS_DIR'] = saved;
    }
  });
});

describe('fields without a description in a JSON schema', () => {
  it('are found in properties, list items, record values and every branch of a union', () => {
    expect(
      fieldsWithoutDescription({
        properties: {
          a: { description: 'ok', properties: { b: {} } },
          list: { description: 'ok', items: { properties: { c: {} } } },
          tuple: { description: 'ok', items: [{ properties: { t: {} } }] },
          record: { description: 'ok', additionalProperties: { properties: { d: {} } } },
          open: { description: 'ok', additionalProperties: true },
          union: {
            description: 'ok',
            anyOf: [{ properties: { e: {} } }],
            oneOf: [{ properties: { f: {} } }],
            allOf: [{ properties: { g: {} } }],
          },
        },
      }),
    ).toEqual(['a.b', 'list[].c', 'tuple[].t', 'record.*.d', 'union.e', 'union.f', 'union.g']);
    expect(fieldsWithoutDescription(null)).toEqual([]);
    expect(fieldsWithoutDescription('schema')).toEqual([]);
  });
});
