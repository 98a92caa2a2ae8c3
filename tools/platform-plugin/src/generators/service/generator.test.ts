import type { Tree } from '@nx/devkit';
import { contents, envOf, workspaceTree } from '../../testing/tree';
import { serviceGenerator } from './generator';
import type { ServiceGeneratorSchema } from './schema';

const checkout: ServiceGeneratorSchema = {
  name: 'checkout',
  runtime: 'ecs',
  strategy: 'blue-green',
  traffic: 'canary',
  port: 8080,
  environments: 'dev,staging,prod',
};
const serviceIn = (tree: Tree, env: string, name = 'checkout') =>
  (envOf(tree, env)['services'] as { name: string }[]).find((s) => s.name === name) as
    Record<string, any> | undefined;

describe('service generator', () => {
  describe('given the example environments, when adding checkout to dev, staging and prod', () => {
    let tree: Tree;
    beforeAll(async () => {
      tree = workspaceTree();
      await serviceGenerator(tree, checkout);
    });

    it('adds a block the delivery, registry and ecs families build from', () => {
      expect(serviceIn(tree, 'dev')).toEqual({
        name: 'checkout',
        repository: 'checkout',
        source: { repository: 'acme/checkout' },
        port: 8080,
        healthCheckPath: '/healthz',
        route: { host: 'checkout.dev.acme-platform.example' },
        cpu: 512,
        memoryMiB: 1024,
        tasks: { desired: 1, min: 1, max: 3 },
        autoscaling: { cpuPercent: 60, memoryPercent: 75 },
        runtime: 'ecs',
        deployment: {
          strategy: 'blue-green',
          trafficShifting: 'canary',
          terminateBlueAfterMinutes: 5,
        },
        appConfig: { profile: 'feature-flags' },
      });
    });

    it('sizes per environment: prod runs at least 2 tasks, one per zone', () => {
      expect(serviceIn(tree, 'staging')?.['tasks']).toEqual({ desired: 2, min: 2, max: 4 });
      expect(serviceIn(tree, 'prod')?.['tasks']).toEqual({ desired: 3, min: 3, max: 12 });
      expect(serviceIn(tree, 'prod')?.['deployment']['terminateBlueAfterMinutes']).toBe(60);
    });

    it("routes a host in each environment's hosted zone", () => {
      expect(serviceIn(tree, 'staging')?.['route']).toEqual({
        host: 'checkout.staging.acme-platform.example',
      });
      expect(serviceIn(tree, 'prod')?.['route']).toEqual({
        host: 'checkout.acme-platform.example',
      });
    });

    it('keeps comments and order, appending the service with a comment in the file style', () => {
      const dev = tree.read('environments/dev.yaml', 'utf8') ?? '';
      expect(dev).toContain('# The public website: blue/green through CodeDeploy');
      expect(dev).toContain('  # checkout: ECS, blue/green, canary traffic shifting');
      expect(dev).toContain('    tasks: { desired: 1, min: 1, max: 3 }');
      expect(dev.indexOf('- name: api')).toBeLessThan(dev.indexOf('- name: checkout'));
      expect(dev.indexOf('- name: checkout')).toBeLessThan(dev.indexOf('\necs:'));
    });

    it('changes nothing when run again with the same arguments', async () => {
      const before = contents(tree);
      await serviceGenerator(tree, checkout);
      expect(contents(tree)).toEqual(before);
    });
  });

  it('adds an App Runner service without route or AppConfig sidecar, to every environment by default', async () => {
    const tree = workspaceTree();
    await serviceGenerator(tree, { name: 'reports', runtime: 'app-runner' });
    for (const env of ['dev', 'staging', 'prod']) {
      const service = serviceIn(tree, env, 'reports');
      expect(service).toMatchObject({ runtime: 'app-runner', deployment: { strategy: 'rolling' } });
      expect(service).not.toHaveProperty('route');
      expect(service).not.toHaveProperty('appConfig');
    }
  });

  describe('refuses, writing nothing', () => {
    const refusals: [string, ServiceGeneratorSchema, RegExp][] = [
      ['a name that exists', { ...checkout, name: 'web' }, /a service named "web" already exists/],
      [
        'an invalid name',
        { ...checkout, name: 'Check_out' },
        /name "Check_out": must be 1-13 lowercase/,
      ],
      [
        'a port of a sidecar',
        { ...checkout, port: 2772 },
        /--port 2772: collides with the AppConfig agent/,
      ],
      ['a privileged port', { ...checkout, port: 80 }, /--port 80: must be 1024 to 65535/],
      [
        'a route another service serves',
        { ...checkout, host: 'www.dev.acme-platform.example', environments: 'dev' },
        /route www.dev.acme-platform.example is already served by service "web"/,
      ],
      [
        'an unknown environment',
        { ...checkout, environments: 'dev,qa' },
        /no environment file for "qa"/,
      ],
      ['an unknown runtime', { ...checkout, runtime: 'lambda' as never }, /--runtime "lambda"/],
      [
        'blue-green on App Runner',
        { name: 'reports', runtime: 'app-runner', strategy: 'blue-green' },
        /blue-green needs --runtime=ecs/,
      ],
      [
        'traffic shifting without blue-green',
        { name: 'reports', traffic: 'linear' },
        /--traffic applies to --strategy=blue-green only/,
      ],
      [
        'an environment after the one where images are built',
        { ...checkout, environments: 'staging' },
        /environments\/dev.yaml is where images are built .* include dev/,
      ],
      [
        'a task size Fargate rejects (checked by the real schema)',
        { ...checkout, cpu: 256, memoryMiB: 4096 },
        /services.2.memoryMiB: Fargate does not accept 4096 MiB with cpu 256/,
      ],
      [
        'a host outside the hosted zone (checked by the real schema)',
        { ...checkout, host: 'checkout.example.org', environments: 'dev' },
        /"checkout.example.org" is not in the hosted zone dev.acme-platform.example/,
      ],
    ];
    it.each(refusals)('%s', async (_, options, message) => {
      const tree = workspaceTree();
      const before = contents(tree);
      await expect(serviceGenerator(tree, options)).rejects.toThrow(message);
      expect(contents(tree)).toEqual(before);
    });
  });
});
