jest.setTimeout(120_000);

import { execFileSync } from 'node:child_process';
import {
  appendFileSync,
  cpSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  symlinkSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { APPS, ROOT } from './synth';

/** A copy of the workspace with a throwaway git history of one commit on main. */
function throwawayWorkspace(): string {
  const dir = mkdtempSync(join(tmpdir(), 'platform-affected-'));
  const skip = new Set(['node_modules', 'dist', '.nx', '.git', 'tmp', 'coverage']);
  for (const entry of readdirSync(ROOT)) {
    if (!skip.has(entry))
      cpSync(join(ROOT, entry), join(dir, entry), {
        recursive: true,
        filter: (src) => !src.includes('/node_modules'),
      });
  }
  symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'));
  const git = (...args: string[]) => execFileSync('git', args, { cwd: dir, stdio: 'ignore' });
  git('init', '-q', '-b', 'main');
  git('-c', 'user.email=test@example.com', '-c', 'user.name=test', 'add', '-A');
  git('-c', 'user.email=test@example.com', '-c', 'user.name=test', 'commit', '-qm', 'base');
  return dir;
}

function affectedBy(dir: string, file: string): string[] {
  appendFileSync(
    join(dir, file),
    '\n// touched\n'.replace('//', file.endsWith('.yaml') ? '#' : '//'),
  );
  const out = execFileSync(
    join(ROOT, 'node_modules', '.bin', 'nx'),
    ['show', 'projects', '--affected', '--base=main', '--json'],
    {
      cwd: dir,
      encoding: 'utf8',
      env: { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true', NX_TUI: 'false' },
    },
  );
  execFileSync('git', ['checkout', '--', file], { cwd: dir });
  return (JSON.parse(out) as string[]).sort();
}

/** Apps that declare `app` as a dependency (directly or through others). */
function dependentsOf(app: string): string[] {
  const deps = Object.fromEntries(
    APPS.map((a) => [
      a,
      (JSON.parse(readFileSync(join(ROOT, 'apps', a, 'project.json'), 'utf8'))
        .implicitDependencies ?? []) as string[],
    ]),
  );
  const result = new Set<string>();
  const visit = (target: string) =>
    APPS.filter((a) => deps[a]!.includes(target) && !result.has(a)).forEach((a) => {
      result.add(a);
      visit(a);
    });
  visit(app);
  return [...result];
}

describe('nx affected', () => {
  const dir = throwawayWorkspace();

  it('touching the network lib affects network and its dependents, not bootstrap or alerting', () => {
    const affected = affectedBy(dir, 'libs/aws/network/src/network.ts');
    expect(affected).toEqual(
      expect.arrayContaining(['aws-network', 'network', ...dependentsOf('network')]),
    );
    expect(affected).not.toContain('bootstrap');
    expect(affected).not.toContain('alerting');
  });

  it('touching environments/prod.yaml affects every stack family (each reads every environment)', () => {
    expect(affectedBy(dir, 'environments/prod.yaml')).toEqual(expect.arrayContaining(APPS));
  });

  it('touching the bootstrap lib affects only bootstrap among the apps', () => {
    expect(
      affectedBy(dir, 'libs/aws/bootstrap/src/bootstrap-stack.ts').filter((p) => APPS.includes(p)),
    ).toEqual(['bootstrap']);
  });
});
