import { validateWorkflow } from '@action-validator/core';
import { logger, readNxJson, type Tree } from '@nx/devkit';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { contents, envOf, WORKSPACE, workspaceTree } from '../../testing/tree';
import { environmentGenerator } from './generator';
import { gcpZonesOf } from './network';
import type { EnvironmentGeneratorSchema } from './schema';

const gcpstage: EnvironmentGeneratorSchema = {
  name: 'gcpstage',
  cloud: 'gcp',
  from: 'gcpdev',
  projectId: 'acme-platform-gcpstage',
  projectNumber: '210000000003',
};

/** A job of the deploy workflow, as parsed. */
interface Job {
  readonly needs?: string;
  readonly uses?: string;
  readonly with?: Readonly<Record<string, string>>;
}
const jobsOf = (tree: Tree): Record<string, Job> =>
  parse(tree.read('.github/workflows/deploy.yml', 'utf8') ?? '')['jobs'];
const reported = () => jest.mocked(logger.info).mock.calls.map(([line]) => String(line));

describe('environment generator on Google Cloud', () => {
  describe('given gcpdev, when deriving gcpstage with --cloud=gcp', () => {
    let tree: Tree;
    let env: Record<string, any>;
    beforeAll(async () => {
      tree = workspaceTree();
      await environmentGenerator(tree, gcpstage);
      env = envOf(tree, 'gcpstage');
    });

    it("writes environments/gcpstage.yaml with gcpstage's project, region and zones", () => {
      expect(env).toMatchObject({
        name: 'gcpstage',
        cloud: 'gcp',
        production: false,
        gcp: {
          projectId: 'acme-platform-gcpstage',
          projectNumber: '210000000003',
          region: 'europe-west1',
          zones: ['europe-west1-b', 'europe-west1-c'],
        },
      });
      expect(tree.read('environments/gcpstage.yaml', 'utf8')).toContain(
        'projectNumber: "210000000003"',
      );
    });

    it('rewrites the state bucket and the alert address for gcpstage', () => {
      expect(env['gcp']['state']['bucket']).toBe('acme-platform-tfstate-gcpstage');
      expect(env['alerting']['subscriptions'][0]['endpoint']).toBe(
        'platform-gcpstage-alerts@example.com',
      );
    });

    it("suggests the first /16 clear of both clouds' ranges and keeps the GKE ranges", () => {
      expect(env['network']).toMatchObject({
        cidr: '10.40.0.0/16',
        podsCidr: '10.52.0.0/14',
        servicesCidr: '10.56.0.0/20',
      });
      expect(env['gke']['controlPlaneCidr']).toBe('172.16.0.0/28');
    });

    it('leaves out the GitHub connection: images are built in gcpdev, and says so', () => {
      expect(env['delivery']).toEqual({ canaryPercentages: [25, 50] });
      expect(tree.read('environments/gcpstage.yaml', 'utf8')).toContain(
        '# Images are built in gcpdev and promoted here',
      );
      expect(reported()).toContain(
        "environments/gcpstage.yaml: gcpdev's delivery.github left out: images are built in gcpdev (the first GCP environment) and promoted here",
      );
    });

    it('deploys right after gcpdev on the GCP path: gcpprod moves one down, AWS stays', () => {
      expect(env['deployOrder']).toBe(2);
      expect(envOf(tree, 'gcpprod')['deployOrder']).toBe(3);
      for (const aws of ['dev', 'staging', 'prod']) {
        const path = `environments/${aws}.yaml`;
        expect(tree.read(path, 'utf8')).toBe(readFileSync(join(WORKSPACE, path), 'utf8'));
      }
    });

    it('chains its deploy job gcpdev → gcpstage → gcpprod with cloud: gcp', () => {
      const jobs = jobsOf(tree);
      expect(Object.keys(jobs)).toEqual([
        'dev',
        'staging',
        'prod',
        'gcpdev',
        'gcpstage',
        'gcpprod',
      ]);
      expect(jobs['gcpstage']).toEqual({
        needs: 'gcpdev',
        uses: './.github/workflows/deploy-environment.yml',
        with: { environment: 'gcpstage', cloud: 'gcp' },
      });
      expect(jobs['gcpprod']['needs']).toBe('gcpstage');
      expect(jobs['prod']['needs']).toBe('staging');
      expect(
        validateWorkflow(tree.read('.github/workflows/deploy.yml', 'utf8') ?? '').errors,
      ).toEqual([]);
    });

    it('gives diff and deploy a -c gcpstage configuration', () => {
      const defaults = readNxJson(tree)?.targetDefaults as Record<string, any>;
      expect(defaults['deploy'].configurations.gcpstage).toEqual({ args: '--env=gcpstage' });
      expect(defaults['diff'].configurations.gcpstage).toEqual({ args: '--env=gcpstage' });
    });

    it('changes nothing when run again, with or without --cloud', async () => {
      const before = contents(tree);
      await environmentGenerator(tree, gcpstage);
      await environmentGenerator(tree, { ...gcpstage, cloud: undefined });
      expect(contents(tree)).toEqual(before);
    });
  });

  it('first on the GCP path: keeps the GitHub connection, its secret in the new project', async () => {
    // given a project id that contains the source's name
    const tree = workspaceTree();
    // when
    await environmentGenerator(tree, {
      ...gcpstage,
      name: 'gcpbuild',
      projectId: 'acme-gcpdev-next',
      deployOrder: 1,
    });
    // then
    const env = envOf(tree, 'gcpbuild');
    expect(env['delivery']['github']['tokenSecretVersion']).toBe(
      'projects/acme-gcpdev-next/secrets/github-cloudbuild-token/versions/1',
    );
    expect(env['gcp']['state']['bucket']).toBe('acme-platform-tfstate-gcpbuild');
    expect([1, 2, 3]).toEqual(
      ['gcpbuild', 'gcpdev', 'gcpprod'].map((e) => envOf(tree, e)['deployOrder']),
    );
    const jobs = jobsOf(tree);
    expect(jobs['gcpbuild']).toEqual({
      uses: './.github/workflows/deploy-environment.yml',
      with: { environment: 'gcpbuild', cloud: 'gcp' },
    });
    expect(jobs['gcpdev']['needs']).toBe('gcpbuild');
    expect(Object.keys(jobs).slice(3)).toEqual(['gcpbuild', 'gcpdev', 'gcpprod']);
    expect(reported()).toContain(
      'environments/gcpdev.yaml: still has delivery.github, but images are now built in gcpbuild (the first GCP environment): remove it there',
    );
  });

  it('derived from gcpprod into another region: last on the path, its zones by name', async () => {
    const tree = workspaceTree();
    await environmentGenerator(tree, {
      ...gcpstage,
      name: 'gcpdr',
      from: 'gcpprod',
      region: 'us-central1',
      cidr: '10.70.0.0/16',
    });
    expect(envOf(tree, 'gcpdr')).toMatchObject({
      deployOrder: 3,
      production: true,
      gcp: { region: 'us-central1', zones: ['us-central1-b', 'us-central1-c', 'us-central1-d'] },
      network: { cidr: '10.70.0.0/16' },
      alerting: { subscriptions: [{ endpoint: 'platform-oncall@example.com' }] },
    });
    expect(jobsOf(tree)['gcpdr']).toMatchObject({ needs: 'gcpprod' });
    expect(gcpZonesOf('europe-west4', 2)).toEqual(['europe-west4-b', 'europe-west4-c']);
  });

  describe('refuses, writing nothing', () => {
    const refusals: [string, Partial<EnvironmentGeneratorSchema>, RegExp][] = [
      [
        'a malformed project id',
        { projectId: 'Acme_1' },
        /--projectId "Acme_1": must be a project id: 6-30 lowercase letters/,
      ],
      ['no project id', { projectId: undefined }, /--projectId: required for a gcp environment/],
      [
        "another environment's project id",
        { projectId: 'acme-platform-gcpprod' },
        /--projectId acme-platform-gcpprod is gcpprod's project/,
      ],
      [
        'a malformed project number',
        { projectNumber: '21-3' },
        /--projectNumber "21-3": must be the project's number, 6-19 digits/,
      ],
      [
        "another environment's project number",
        { projectNumber: 210000000002 },
        /--projectNumber 210000000002 is gcpprod's project number/,
      ],
      [
        'a malformed region',
        { region: 'europe' },
        /--region "europe": must be a Google Cloud region such as "europe-west1"/,
      ],
      [
        'every option problem at once',
        { name: 'GCP', projectId: 'x', projectNumber: 'n', region: 'moon' },
        /name "GCP".*\n.*--projectId "x".*\n.*--projectNumber "n".*\n.*--region "moon"/,
      ],
      [
        '--cloud aws with a GCP source',
        { cloud: 'aws' },
        /--cloud aws, but --from gcpdev runs on gcp: derive it from one of the aws environments \(dev, staging, prod\)/,
      ],
      [
        '--cloud gcp with an AWS source',
        { from: 'staging' },
        /--cloud gcp, but --from staging runs on aws: derive it from one of the gcp environments \(gcpdev, gcpprod\)/,
      ],
      [
        'an AWS option',
        { accountId: '444444444444' },
        /--accountId: an option of aws environments only; gcp environments take --projectId, --projectNumber, --zones/,
      ],
      [
        "a --cidr overlapping another environment's range (of either cloud)",
        { cidr: '10.10.0.0/16' },
        /--cidr 10.10.0.0\/16 overlaps dev's 10.10.0.0\/16/,
      ],
      [
        'a --cidr overlapping the GKE ranges it keeps',
        { cidr: '10.52.0.0/16' },
        /--cidr 10.52.0.0\/16 overlaps network.podsCidr 10.52.0.0\/14, kept from gcpdev: pass a --cidr clear of the GKE ranges \(e.g. --cidr=10.40.0.0\/16\)/,
      ],
      [
        'zones of another region (checked by the real schema)',
        { zones: 'us-central1-a' },
        /gcpstage.yaml gcp.zones.0: "us-central1-a" is not a zone of europe-west1/,
      ],
      [
        'production with one zone (checked by the real schema)',
        { production: true, zones: 'europe-west1-b' },
        /a production environment needs at least 2 zones/,
      ],
      [
        'a name that exists with other settings',
        { name: 'gcpprod', projectId: 'acme-platform-other', projectNumber: '210000000009' },
        /environments\/gcpprod.yaml already exists/,
      ],
    ];
    it.each(refusals)('%s', async (_, change, message) => {
      const tree = workspaceTree();
      const before = contents(tree);
      await expect(environmentGenerator(tree, { ...gcpstage, ...change })).rejects.toThrow(message);
      expect(contents(tree)).toEqual(before);
    });
  });
});
