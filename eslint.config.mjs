// Workspace lint rules. Module boundaries follow the tag table in ARCHITECTURE.md.
import nx from '@nx/eslint-plugin';

const depConstraints = [
  {
    sourceTag: 'type:app',
    onlyDependOnLibsWithTags: ['type:stack', 'type:construct', 'type:core', 'type:config'],
  },
  {
    sourceTag: 'type:stack',
    onlyDependOnLibsWithTags: [
      'type:construct',
      'type:core',
      'type:config',
      'type:policy',
      'type:util',
    ],
  },
  {
    sourceTag: 'type:construct',
    onlyDependOnLibsWithTags: ['type:core', 'type:config', 'type:policy', 'type:util'],
  },
  { sourceTag: 'type:core', onlyDependOnLibsWithTags: ['type:config', 'type:policy', 'type:util'] },
  { sourceTag: 'type:config', onlyDependOnLibsWithTags: ['type:util'] },
  { sourceTag: 'type:policy', onlyDependOnLibsWithTags: ['type:util'] },
  { sourceTag: 'type:review', onlyDependOnLibsWithTags: ['type:util'] },
  { sourceTag: 'type:util', onlyDependOnLibsWithTags: [] },
  { sourceTag: 'type:testing', onlyDependOnLibsWithTags: ['*'] },
  { sourceTag: 'type:tool', onlyDependOnLibsWithTags: ['type:config', 'type:util'] },
];

// Tests may also use the shared test helpers.
const testDepConstraints = depConstraints.map((c) => ({
  ...c,
  onlyDependOnLibsWithTags: [...c.onlyDependOnLibsWithTags, 'type:testing'],
}));

export default [
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  ...nx.configs['flat/javascript'],
  { ignores: ['**/dist', '**/node_modules', '**/.nx', '**/coverage', '**/tmp'] },
  {
    files: ['**/*.ts'],
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: true,
          allow: [],
          depConstraints,
        },
      ],
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: '@cdktf/provider-aws',
              message:
                'The package root loads all 2,200 provider modules (5-8 s, ~600 MB). Import the resource by deep path, e.g. @cdktf/provider-aws/lib/vpc.',
            },
            {
              name: '@cdktf/provider-google',
              message:
                'The package root loads all ~1,470 provider modules (seconds and hundreds of MB per process). Import the resource by deep path, e.g. @cdktf/provider-google/lib/compute-network.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.test.ts'],
    rules: {
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@nx/enforce-module-boundaries': [
        'error',
        { enforceBuildableLibDependency: true, allow: [], depConstraints: testDepConstraints },
      ],
    },
  },
];
