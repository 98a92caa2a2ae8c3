import { editedEnvironments } from '@platform/testing';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type FamilyFactories, loadApp, runApp, type SynthReport } from './app';
import { sharedEnvironments, synthApps } from './host';
import { PlatformStack } from './stack';

const networkStacks: FamilyFactories = {
  aws: (app, environment) => new PlatformStack(app, { family: 'network', environment }),
};
const alertingStacks: FamilyFactories = {
  aws: (app, environment) => new PlatformStack(app, { family: 'alerting', environment }),
};

/** Runs synthApps into a scratch output root; returns the reports by app and the root. */
function host(apps: Parameters<typeof synthApps>[0], env: Record<string, string> = {}) {
  const root = mkdtempSync(join(tmpdir(), 'platform-host-'));
  const previous = { ...process.env };
  Object.assign(process.env, { PLATFORM_OUTPUT_ROOT: root, ...env });
  const reports: Record<string, SynthReport> = {};
  try {
    mkdirSync(join(root, 'dist', 'apps', 'alerting'), { recursive: true });
    writeFileSync(join(root, 'dist', 'apps', 'alerting', 'previous.txt'), 'last good output');
    synthApps(apps, (name, report) => (reports[name] = report));
  } finally {
    process.env = previous;
  }
  return { root, reports };
}

describe('one synth process for many families', () => {
  it('a family that fails fails alone, with its own message and no stack trace, keeping its previous output', () => {
    const { root, reports } = host([
      { name: 'network', load: () => runApp('network', networkStacks) },
      {
        name: 'alerting',
        load: () =>
          runApp('alerting', {
            aws: () => {
              throw new Error('alarm topic: retentionDays must be 1-14 (got 30)');
            },
          }),
      },
      { name: 'registry', load: () => undefined },
    ]);

    expect(reports['network']).toEqual({
      family: 'network',
      success: true,
      output: expect.stringMatching(
        /^network: synthesized network-dev, network-staging, network-prod into .*\/stacks\nnetwork: no stack for gcpdev \(gcp: the family does not run on gcp\), gcpprod \(gcp: the family does not run on gcp\)\n$/,
      ),
    });
    expect(existsSync(join(root, 'dist/apps/network/stacks/network-prod/cdk.tf.json'))).toBe(true);

    expect(reports['alerting']).toEqual({
      family: 'alerting',
      success: false,
      output:
        'alerting: synth failed (previous output kept):\nalarm topic: retentionDays must be 1-14 (got 30)\n',
    });
    expect(readFileSync(join(root, 'dist/apps/alerting/previous.txt'), 'utf8')).toBe(
      'last good output',
    );

    expect(reports['registry']).toMatchObject({
      success: false,
      output: expect.stringContaining('an app entry must call runApp once (it called it 0 times)'),
    });
  });

  it('says which environments a family built no stack for, and why', () => {
    const firstOnly: FamilyFactories = {
      gcp: (app, environment, all) => {
        if (environment.name === all[0]?.name) {
          new PlatformStack(app, { family: 'registry', environment });
        }
      },
    };
    const { reports } = host([{ name: 'registry', load: () => runApp('registry', firstOnly) }]);
    expect(reports['registry']!.output).toMatch(
      /^registry: synthesized registry-gcpdev into .*\/stacks\nregistry: no stack for dev \(aws: the family does not run on aws\), staging \(aws: the family does not run on aws\), gcpprod \(gcp: the family builds nothing there \(an optional section left out, or a family that runs in the first environment of its path only\)\), prod \(aws: the family does not run on aws\)\n$/,
    );
  });

  it('bad environment files fail every family with the file, line and field, and no stack trace', () => {
    const bad = editedEnvironments((d) => d['prod']!.setIn(['network', 'natStrategy'], 'single'));
    const { reports } = host(
      [
        { name: 'network', load: () => runApp('network', networkStacks) },
        { name: 'alerting', load: () => runApp('alerting', alertingStacks) },
      ],
      { PLATFORM_ENVIRONMENTS_DIR: bad },
    );
    for (const family of ['network', 'alerting']) {
      expect(reports[family]!.success).toBe(false);
      expect(reports[family]!.output).toMatch(
        /the environment files are invalid \(previous output kept\):\n.*prod\.yaml:\d+ network\.natStrategy: a production environment needs "one-per-az"/,
      );
      expect(reports[family]!.output).not.toMatch(/^\s+at /m);
    }
  });

  it('reads the environment files once and gives every family its own copy', () => {
    const dir = editedEnvironments(() => undefined);
    const previous = process.env['PLATFORM_ENVIRONMENTS_DIR'];
    process.env['PLATFORM_ENVIRONMENTS_DIR'] = dir;
    try {
      const environments = sharedEnvironments();
      const first = environments();
      rmSync(dir, { recursive: true });
      (first[0] as { name: string }).name = 'changed by one family';
      const second = environments();
      expect(second.map((e) => e.name)).toEqual(['dev', 'gcpdev', 'staging', 'gcpprod', 'prod']);
    } finally {
      if (previous === undefined) delete process.env['PLATFORM_ENVIRONMENTS_DIR'];
      else process.env['PLATFORM_ENVIRONMENTS_DIR'] = previous;
    }
  });

  it('loading an app entry declares the app instead of synthesizing it', () => {
    const app = loadApp(() => runApp('network', networkStacks));
    expect(app).toEqual({ family: 'network', factories: networkStacks });
    expect(() =>
      loadApp(() => [runApp('network', networkStacks), runApp('ecs', networkStacks)]),
    ).toThrow('an app entry must call runApp once (it called it 2 times)');
  });
});
