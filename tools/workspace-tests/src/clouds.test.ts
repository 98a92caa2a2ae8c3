import { loadApp } from '@platform/core';
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './synth';

const apps = readdirSync(join(ROOT, 'apps')).filter((app) =>
  readdirSync(join(ROOT, 'apps', app)).includes('project.json'),
);
const tagsOf = (app: string): string[] =>
  JSON.parse(readFileSync(join(ROOT, 'apps', app, 'project.json'), 'utf8')).tags;

describe('which clouds each family runs on', () => {
  it.each(apps)(
    '%s: the cloud:* tags of its project equal the clouds its runApp call builds stacks for',
    (app) => {
      // eslint-disable-next-line @typescript-eslint/no-require-imports -- an app entry, loaded the way synth loads it
      const { factories } = loadApp(() => require(join(ROOT, 'apps', app, 'src', 'main.ts')));
      const clouds = tagsOf(app)
        .filter((t) => t.startsWith('cloud:'))
        .map((t) => t.slice('cloud:'.length))
        .sort();
      expect(clouds).toEqual(Object.keys(factories).sort());
      expect(clouds.length).toBeGreaterThan(0);
    },
  );

  it("the CI stack matrix pairs each app only with environments of its clouds, naming the environment's cloud", () => {
    const { include } = JSON.parse(
      execFileSync('node', ['tools/scripts/stack-matrix.mjs'], { cwd: ROOT, encoding: 'utf8' }),
    ) as { include: { app: string; env: string; cloud: string; stack: string }[] };
    const clouds: Record<string, string> = { dev: 'aws', staging: 'aws', prod: 'aws' };
    for (const entry of include) {
      expect(tagsOf(entry.app)).toContain(`cloud:${entry.cloud}`);
      if (clouds[entry.env]) expect(entry.cloud).toBe(clouds[entry.env]);
      expect(entry.stack).toBe(`${entry.app}-${entry.env}`);
    }
    expect(include.filter((e) => e.app === 'ecs').map((e) => e.env)).toEqual([
      'dev',
      'prod',
      'staging',
    ]);
  });
});
