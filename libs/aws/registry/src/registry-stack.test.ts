import { environment, environments, resourcesOf, synthJson } from '@platform/testing';
import { App } from 'cdktf';
import { ImageRepository } from './repository';
import { RegistryStack } from './registry-stack';

const synth = (name: string) =>
  synthJson(new RegistryStack(new App(), environment(name), environments()));

describe('registry stack', () => {
  const dev = synth('dev');
  const prod = synth('prod');

  it('has one repository per service: immutable tags, scan on push, our KMS key', () => {
    const repos = resourcesOf(prod, 'aws_ecr_repository');
    expect(repos.map((r) => r['name']).sort()).toEqual(['api', 'web']);
    for (const repo of repos) {
      expect(repo).toEqual(
        expect.objectContaining({
          image_tag_mutability: 'IMMUTABLE',
          image_scanning_configuration: { scan_on_push: true },
          encryption_configuration: [
            { encryption_type: 'KMS', kms_key: expect.stringMatching(/^\$\{aws_kms_key\./) },
          ],
        }),
      );
    }
  });

  it('prod repositories and their key cannot be destroyed by terraform; dev ones can', () => {
    for (const repo of resourcesOf(prod, 'aws_ecr_repository'))
      expect(repo['lifecycle']).toEqual({ prevent_destroy: true });
    expect(resourcesOf(prod, 'aws_kms_key')[0]!['lifecycle']).toEqual({ prevent_destroy: true });
    for (const repo of resourcesOf(dev, 'aws_ecr_repository'))
      expect(repo['lifecycle']).toBeUndefined();
  });

  it('no repository is force-deleted: destroying one that still holds images fails instead of deleting them', () => {
    for (const json of [dev, prod]) {
      const repos = resourcesOf(json, 'aws_ecr_repository');
      expect(repos.length).toBeGreaterThan(0);
      for (const repo of repos) expect(repo['force_delete']).toBe(false);
    }
  });

  it('lifecycle policies expire untagged images and keep the last N from config', () => {
    const policy = JSON.parse(String(resourcesOf(prod, 'aws_ecr_lifecycle_policy')[0]!['policy']));
    expect(policy.rules).toEqual([
      expect.objectContaining({
        selection: {
          tagStatus: 'untagged',
          countType: 'sinceImagePushed',
          countUnit: 'days',
          countNumber: 1,
        },
      }),
      expect.objectContaining({
        selection: { tagStatus: 'any', countType: 'imageCountMoreThan', countNumber: 100 },
      }),
    ]);
  });

  it('the registry scans: on push in dev (basic), continuously in prod (enhanced)', () => {
    expect(resourcesOf(dev, 'aws_ecr_registry_scanning_configuration')[0]).toEqual(
      expect.objectContaining({
        scan_type: 'BASIC',
        rule: [expect.objectContaining({ scan_frequency: 'SCAN_ON_PUSH' })],
      }),
    );
    expect(resourcesOf(prod, 'aws_ecr_registry_scanning_configuration')[0]).toEqual(
      expect.objectContaining({
        scan_type: 'ENHANCED',
        rule: [expect.objectContaining({ scan_frequency: 'CONTINUOUS_SCAN' })],
      }),
    );
  });

  it('dev, where images are built, replicates every repository to staging and prod accounts', () => {
    const [replication] = resourcesOf(dev, 'aws_ecr_replication_configuration');
    expect(replication!['replication_configuration']).toEqual({
      rule: [
        {
          destination: [
            { region: 'eu-west-1', registry_id: '222222222222' },
            { region: 'eu-west-1', registry_id: '333333333333' },
          ],
          repository_filter: [
            { filter: 'api', filter_type: 'PREFIX_MATCH' },
            { filter: 'web', filter_type: 'PREFIX_MATCH' },
          ],
        },
      ],
    });
    expect(resourcesOf(dev, 'aws_ecr_registry_policy')).toHaveLength(0);
  });

  it('prod accepts only image replication from the dev account, only into its own named repositories', () => {
    expect(resourcesOf(prod, 'aws_ecr_replication_configuration')).toHaveLength(0);
    const [doc] = Object.values(prod.data?.['aws_iam_policy_document'] ?? {}).filter((d) =>
      JSON.stringify(d).includes('ReplicationFromSource'),
    );
    expect(doc!['statement']).toEqual([
      expect.objectContaining({
        actions: ['ecr:ReplicateImage'],
        resources: [
          'arn:aws:ecr:eu-west-1:333333333333:repository/api',
          'arn:aws:ecr:eu-west-1:333333333333:repository/web',
        ],
        principals: [{ type: 'AWS', identifiers: ['arn:aws:iam::111111111111:root'] }],
      }),
    ]);
  });

  it('refuses a later environment service whose repository the first environment does not build', () => {
    const prodEnv = environment('prod');
    const edited = {
      ...prodEnv,
      services: [
        ...prodEnv.services,
        { ...prodEnv.services[1]!, name: 'jobs', repository: 'jobs' },
      ],
    };
    const all = environments().map((e) => (e.name === 'prod' ? edited : e));
    expect(() => new RegistryStack(new App(), edited, all)).toThrow(
      /service "jobs" uses repository "jobs", which dev \(where images are built\) does not have/,
    );
  });

  it('an image repository names a bad keepLastImages', () => {
    const stack = new RegistryStack(new App(), environment('dev'), environments());
    expect(
      () => new ImageRepository(stack, 'bad', { name: 'x', kmsKeyArn: 'arn', keepLastImages: 0 }),
    ).toThrow(/keepLastImages must be a whole number >= 1 \(got 0\)/);
  });

  it('publishes the registry contract: names, ARNs and URLs by service name, the key, the source account', () => {
    expect(prod.output?.['repository_names']?.['value']).toEqual(['api', 'web']);
    expect(prod.output?.['repository_urls']?.['value']).toEqual([
      '333333333333.dkr.ecr.eu-west-1.amazonaws.com/api',
      '333333333333.dkr.ecr.eu-west-1.amazonaws.com/web',
    ]);
    expect(prod.output?.['source_account_id']?.['value']).toBe('111111111111');
  });
});
