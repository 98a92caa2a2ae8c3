import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// The jest sequencer of mutation runs (tools/mutation/name-sequencer.cjs): it may leave out only
// test files that would run none of the selected tests.
// The sequencer is a plain CommonJS file of the mutation tooling, not a project.
// eslint-disable-next-line @typescript-eslint/no-require-imports, @nx/enforce-module-boundaries
const NameSequencer = require('../../../mutation/name-sequencer.cjs');

const dir = mkdtempSync(join(tmpdir(), 'name-sequencer-'));
const root = join(dir, 'libs', 'lib');
const context = {
  config: { rootDir: root, cacheDirectory: join(dir, 'cache'), id: 'lib', haste: {} },
  hasteFS: { getSize: () => 1 },
};
const test = (file: string) => ({ path: join(root, file), context });
const names = join(dir, 'test-names.json');
writeFileSync(
  names,
  JSON.stringify({
    'src/a.test.ts': ['a reads plans', 'a (with) parentheses'],
    'src/b.test.ts': ['b writes comments'],
  }),
);

function selected(pattern: string | undefined, files: string[]): string[] {
  process.env['MUTATION_TEST_NAMES'] = names;
  const sequencer = new NameSequencer({
    contexts: [context],
    globalConfig: { testNamePattern: pattern },
  });
  const sorted = sequencer.sort(files.map(test)) as { path: string }[];
  return sorted.map((t) => t.path.slice(root.length + 1)).sort();
}

describe('name sequencer of mutation runs', () => {
  it('keeps only the files holding a test the pattern selects (case-insensitive, as jest matches)', () => {
    expect(selected('(B WRITES comments)', ['src/a.test.ts', 'src/b.test.ts'])).toEqual([
      'src/b.test.ts',
    ]);
    expect(
      selected('(a \\(with\\) parentheses)|(b writes comments)', [
        'src/a.test.ts',
        'src/b.test.ts',
      ]),
    ).toEqual(['src/a.test.ts', 'src/b.test.ts']);
  });

  it('keeps every file without a pattern, and a file the name list does not know', () => {
    expect(selected(undefined, ['src/a.test.ts', 'src/b.test.ts'])).toEqual([
      'src/a.test.ts',
      'src/b.test.ts',
    ]);
    expect(
      selected('(a reads plans)', ['src/a.test.ts', 'src/new.test.ts', 'src/b.test.ts']),
    ).toEqual(['src/a.test.ts', 'src/new.test.ts']);
  });
});
