import { validateWorkflow } from '@action-validator/core';
import { readNxJson, type Tree } from '@nx/devkit';
import { parse } from 'yaml';
import { contents, envOf, workspaceTree } from '../../testing/tree';
import { environmentGenerator } from './generator';
import { suggestCidr, zonesOf } from './network';
import type { EnvironmentGeneratorSchema } from './schema';

const qa: EnvironmentGeneratorSchema = { name: 'qa', from: 'staging', accountId: '444444444444' };

describe('environment generator', () => {
  describe('given staging, when deriving qa in the same region', () => {
    let tree: Tree;
    let env: Record<string, any>;
    beforeAll(async () => {
      tree = workspaceTree();
      await environmentGenerator(tree, qa);
      env = envOf(tree, 'qa');
    });

    it("writes environments/qa.yaml with qa's identity", () => {
      expect(env).toMatchObject({
        name: 'qa',
        aws: {
          accountId: '444444444444',
          region: 'eu-west-1',
          availabilityZones: ['eu-west-1a', 'eu-west-1b'],
        },
        production: false,
      });
    });

    it('suggests the next free VPC range', () => {
      expect(env['network']['vpcCidr']).toBe('10.40.0.0/16');
    });

    it('rewrites state bucket, hosts, secret and role ARNs and alert addresses for qa', () => {
      expect(env['aws']['state']['bucket']).toBe('acme-platform-tfstate-qa');
      expect(env['ecs']['hostedZone']['name']).toBe('qa.acme-platform.example');
      expect(env['services'][0]['route']['host']).toBe('www.qa.acme-platform.example');
      expect(env['services'][0]['secrets']['SESSION_KEY']).toBe(
        'arn:aws:secretsmanager:eu-west-1:444444444444:secret:qa/web/session-key',
      );
      expect(env['eks']['access']['admins']).toEqual([
        'arn:aws:iam::444444444444:role/platform-admins',
      ]);
      expect(env['alerting']['subscriptions'][0]['endpoint']).toBe(
        'platform-qa-alerts@example.com',
      );
    });

    it('copies every section of the source, whatever families it configures', () => {
      expect(Object.keys(env)).toEqual(Object.keys(envOf(tree, 'staging')));
    });

    it('deploys right after staging: prod moves one down, its comments kept', () => {
      expect(env['deployOrder']).toBe(3);
      expect(envOf(tree, 'prod')['deployOrder']).toBe(4);
      expect(tree.read('environments/prod.yaml', 'utf8')).toContain(
        '# Production: serves customers',
      );
    });

    it('marks the hosted zone id as a placeholder and keeps the editor schema line', () => {
      const text = tree.read('environments/qa.yaml', 'utf8') ?? '';
      expect(text.split('\n')[0]).toBe('# yaml-language-server: $schema=./environment.schema.json');
      expect(text).toMatch(/id: Z0QA444444444444 # REPLACE/);
      expect(text).not.toContain('Staging:');
    });

    it('gives diff and deploy a -c qa configuration', () => {
      const defaults = readNxJson(tree)?.targetDefaults as Record<string, any>;
      expect(defaults['deploy'].configurations.qa).toEqual({ args: '--env=qa' });
      expect(defaults['diff'].configurations.qa).toEqual({ args: '--env=qa' });
    });

    it('deploys qa between staging and prod on merges to main, the GCP chain untouched', () => {
      const text = tree.read('.github/workflows/deploy.yml', 'utf8') ?? '';
      const jobs = parse(text)['jobs'];
      expect(Object.keys(jobs)).toEqual(['dev', 'staging', 'qa', 'prod', 'gcpdev', 'gcpprod']);
      expect(jobs['qa']).toEqual({
        needs: 'staging',
        uses: './.github/workflows/deploy-environment.yml',
        with: { environment: 'qa', cloud: 'aws' },
      });
      expect(jobs['prod']['needs']).toBe('qa');
      expect(jobs['gcpprod']['needs']).toBe('gcpdev');
      expect(validateWorkflow(text).errors).toEqual([]);
    });

    it('changes nothing when run again with the same arguments', async () => {
      const before = contents(tree);
      await environmentGenerator(tree, qa);
      expect(contents(tree)).toEqual(before);
    });
  });

  it('derived from prod: a subdomain for the apex zone, ARNs for the new account', async () => {
    const tree = workspaceTree();
    await environmentGenerator(tree, {
      name: 'perf',
      from: 'prod',
      accountId: '555555555555',
      cidr: '10.99.0.0/16',
      hostedZoneId: 'Z0PERF5555555555555',
    });
    const env = envOf(tree, 'perf');
    expect(env).toMatchObject({
      aws: { region: 'eu-west-1', availabilityZones: ['eu-west-1a', 'eu-west-1b', 'eu-west-1c'] },
      production: true,
      deployOrder: 4,
      network: { vpcCidr: '10.99.0.0/16' },
      ecs: { hostedZone: { name: 'perf.acme-platform.example', id: 'Z0PERF5555555555555' } },
    });
    expect(env['services'][0]['secrets']['SESSION_KEY']).toMatch(
      /^arn:aws:secretsmanager:eu-west-1:555555555555:secret:perf\//,
    );
  });

  it('names zones of regions that skip a letter, and finds a free range of any size', () => {
    expect(zonesOf('ap-northeast-1', 3)).toEqual([
      'ap-northeast-1a',
      'ap-northeast-1c',
      'ap-northeast-1d',
    ]);
    expect(suggestCidr(16, ['10.10.0.0/16', '10.40.0.0/16'])).toBe('10.20.0.0/16');
    expect(suggestCidr(20, ['10.0.0.0/16'])).toBe('10.1.0.0/20');
  });

  describe('refuses, writing nothing', () => {
    const refusals: [string, EnvironmentGeneratorSchema, RegExp][] = [
      ['an invalid name', { ...qa, name: 'QA_1' }, /name "QA_1": must be 2-12 lowercase/],
      ['an unknown source', { ...qa, from: 'uat' }, /--from "uat": no such environment/],
      [
        'a malformed account id',
        { ...qa, accountId: '1234' },
        /--accountId "1234": must be a 12-digit/,
      ],
      [
        'no account id',
        { ...qa, accountId: undefined },
        /--accountId: required for an aws environment/,
      ],
      [
        "another environment's account",
        { ...qa, accountId: '333333333333' },
        /--accountId 333333333333 is prod's account/,
      ],
      ['an unknown region', { ...qa, region: 'eu-west-9' }, /--region "eu-west-9"/],
      [
        'every option problem at once',
        { ...qa, name: 'QA', accountId: '1', region: 'mars' },
        /name "QA".*\n.*--accountId "1".*\n.*--region "mars"/,
      ],
      [
        'a GCP option',
        { ...qa, projectId: 'acme-platform-qa' },
        /--projectId: an option of gcp environments only; aws environments take --accountId/,
      ],
      [
        'an overlapping VPC range',
        { ...qa, cidr: '10.20.128.0/17' },
        /--cidr 10.20.128.0\/17 overlaps staging's 10.20.0.0\/16/,
      ],
      [
        'a VPC range the schema rejects (checked by the real schema)',
        { ...qa, cidr: '10.128.0.0/12' },
        /qa.yaml network.vpcCidr: a VPC range must be \/16 to \/28/,
      ],
      [
        'zones of another region (checked by the real schema)',
        { ...qa, availabilityZones: 'us-east-1a,us-east-1b' },
        /"us-east-1a" is not a zone of eu-west-1/,
      ],
      [
        'production from a non-production source (checked by the real schema)',
        { ...qa, production: true },
        /a production environment needs "one-per-az"/,
      ],
      [
        'another region than the pipelines, which deploy its services (checked by the real schema)',
        { ...qa, region: 'us-east-1' },
        /qa.yaml aws.region: us-east-1 differs from eu-west-1 of dev.yaml, whose pipelines deploy web, api here/,
      ],
      [
        'a name that exists with other settings',
        { ...qa, name: 'dev' },
        /environments\/dev.yaml already exists/,
      ],
    ];
    it.each(refusals)('%s', async (_, options, message) => {
      const tree = workspaceTree();
      const before = contents(tree);
      await expect(environmentGenerator(tree, options)).rejects.toThrow(message);
      expect(contents(tree)).toEqual(before);
    });
  });
});
