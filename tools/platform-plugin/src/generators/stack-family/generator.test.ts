import { readJson, type Tree } from '@nx/devkit';
import { contents, workspaceTree } from '../../testing/tree';
import { stackFamilyGenerator } from './generator';

describe('stack-family generator', () => {
  describe('when scaffolding the data family that reads network', () => {
    let tree: Tree;
    beforeAll(async () => {
      tree = workspaceTree();
      await stackFamilyGenerator(tree, {
        name: 'data',
        description: 'databases and caches',
        dependsOn: 'network',
      });
    });

    it('creates a thin app with the family tags and every target of the other families', () => {
      expect(readJson(tree, 'apps/data/project.json')).toEqual(
        expect.objectContaining({
          name: 'data',
          tags: ['type:app', 'family:data'],
          implicitDependencies: ['network'],
          targets: readJson(tree, 'apps/alerting/project.json')['targets'],
        }),
      );
      expect(tree.read('apps/data/src/main.ts', 'utf8')).toContain(
        'aws: (app, environment) => new DataStack(app, environment),',
      );
    });

    it('creates a stack library on PlatformStack with a first test', () => {
      expect(readJson(tree, 'libs/aws/data/project.json')).toMatchObject({
        name: 'aws-data',
        tags: ['type:stack'],
        targets: { lint: {}, typecheck: {}, test: {} },
      });
      const stack = tree.read('libs/aws/data/src/data-stack.ts', 'utf8') ?? '';
      expect(stack).toContain('export class DataStack extends PlatformStack');
      expect(stack).toContain("super(scope, { family: 'data', environment });");
      expect(tree.read('libs/aws/data/src/data-stack.test.ts', 'utf8')).toContain(
        "key: 'stacks/data-prod/terraform.tfstate'",
      );
    });

    it('registers the family: import path, STACK_FAMILIES, README table', () => {
      expect(
        readJson(tree, 'tsconfig.base.json').compilerOptions.paths['@platform/aws-data'],
      ).toEqual(['./libs/aws/data/src/index.ts']);
      expect(tree.read('libs/config/src/naming.ts', 'utf8')).toMatch(
        /'observability',\n\s+'data',\n\] as const;/,
      );
      expect(tree.read('README.md', 'utf8')).toMatch(
        /\| \[data\]\(apps\/data\) +\| `data-<env>` +\| databases and caches +\| network +\|/,
      );
    });

    it('changes nothing when run again with the same arguments', async () => {
      const before = contents(tree);
      await stackFamilyGenerator(tree, {
        name: 'data',
        description: 'databases and caches',
        dependsOn: 'network',
      });
      expect(contents(tree)).toEqual(before);
    });
  });

  describe('refuses, writing nothing', () => {
    it.each([
      ['an existing family', 'ecs', undefined, /apps\/ecs or libs\/aws\/ecs already exists/],
      ['an invalid name', 'Data-Lake', undefined, /name "Data-Lake": must be 2-20 lowercase/],
      ['an unknown dependency', 'data', 'database', /--dependsOn: no family "database"/],
    ])('%s', async (_, name, dependsOn, message) => {
      const tree = workspaceTree();
      const before = contents(tree);
      await expect(stackFamilyGenerator(tree, { name, dependsOn })).rejects.toThrow(message);
      expect(contents(tree)).toEqual(before);
    });
  });
});
