import { logger, type Tree } from '@nx/devkit';
import { createTreeWithEmptyWorkspace } from '@nx/devkit/testing';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

/** The real workspace root. */
export const WORKSPACE = join(__dirname, '..', '..', '..', '..');

const copy = (tree: Tree, path: string) =>
  tree.write(path, readFileSync(join(WORKSPACE, path), 'utf8'));

/**
 * A devkit testing tree holding copies of the workspace's real files the generators read and
 * edit: the environment files, nx.json, tsconfig.base.json, README.md, the family list and
 * every app's project.json.
 */
export function workspaceTree(): Tree {
  jest.spyOn(logger, 'info').mockImplementation(() => undefined);
  // formatFiles loads prettier with import(), which jest's CommonJS runtime cannot: the unit
  // tests check content unformatted; the end-to-end test runs the real, formatting `nx g`.
  const warn = console.warn;
  jest
    .spyOn(console, 'warn')
    .mockImplementation((...args) =>
      String(args[0]).startsWith('Could not format files') ? undefined : warn(...args),
    );
  const tree = createTreeWithEmptyWorkspace();
  tree.delete('.oxfmtrc.json'); // the workspace formats with Prettier (.prettierrc.json)
  for (const file of readdirSync(join(WORKSPACE, 'environments'))) {
    if (file.endsWith('.yaml')) copy(tree, `environments/${file}`);
  }
  for (const file of [
    'nx.json',
    'tsconfig.base.json',
    'README.md',
    '.prettierrc.json',
    'package.json',
    'libs/config/src/naming.ts',
    '.github/workflows/deploy.yml',
  ]) {
    copy(tree, file);
  }
  for (const app of readdirSync(join(WORKSPACE, 'apps'))) copy(tree, `apps/${app}/project.json`);
  return tree;
}

/** An environment file of the tree, parsed. */
export function envOf(tree: Tree, name: string): Record<string, any> {
  return parse(tree.read(`environments/${name}.yaml`, 'utf8') ?? '');
}

/** Every file the tree changed, path → content: to compare two runs. */
export function contents(tree: Tree): Record<string, string | null> {
  return Object.fromEntries(
    tree
      .listChanges()
      .map((c) => [c.path, c.content ? c.content.toString('utf8') : null] as const)
      .sort(([a], [b]) => a.localeCompare(b)),
  );
}
