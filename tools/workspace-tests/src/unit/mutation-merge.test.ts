// How `npm run mutation` sums a library's score over its whole-run and part reports
// (tools/mutation/merge-reports.cjs): newest report per mutant, files changed since they were
// measured left out.
// The merge is a plain CommonJS file of the mutation tooling, not a project.
// eslint-disable-next-line @typescript-eslint/no-require-imports, @nx/enforce-module-boundaries
const { mergeReports } = require('../../../mutation/merge-reports.cjs');

const at = (line: number) => ({ start: { line, column: 1 }, end: { line, column: 9 } });
const mutant = (line: number, status: string, mutatorName = 'BooleanLiteral') => ({
  id: String(line),
  mutatorName,
  replacement: 'false',
  status,
  location: at(line),
});
const sources: Record<string, string> = { 'a.ts': 'const a = true;', 'b.ts': 'const b = 1;' };
const now = (file: string) => sources[file];

describe('mutation score over whole-run and part reports', () => {
  it('counts Killed and Timeout as detected, Survived and NoCoverage as not, and ignores the rest', () => {
    const result = mergeReports(
      [
        {
          mtimeMs: 1,
          files: {
            'a.ts': {
              source: sources['a.ts'],
              mutants: [
                mutant(1, 'Killed'),
                mutant(2, 'Timeout'),
                mutant(3, 'Survived'),
                mutant(4, 'NoCoverage'),
                mutant(5, 'Ignored'),
                mutant(6, 'RuntimeError'),
              ],
            },
          },
        },
      ],
      now,
    );
    expect(result).toMatchObject({ detected: 2, undetected: 2, score: 50, files: 1, stale: [] });
    expect(result.counts).toEqual({
      Killed: 1,
      Timeout: 1,
      Survived: 1,
      NoCoverage: 1,
      Ignored: 1,
      RuntimeError: 1,
    });
  });

  it('takes each mutant from the newest report, so a part over some lines replaces only those mutants', () => {
    const whole = {
      mtimeMs: 1,
      files: {
        'a.ts': {
          source: sources['a.ts'],
          mutants: [mutant(1, 'Survived'), mutant(2, 'Survived'), mutant(2, 'Killed', 'Other')],
        },
      },
    };
    const lineTwoAgain = {
      mtimeMs: 2,
      files: { 'a.ts': { source: sources['a.ts'], mutants: [mutant(2, 'Killed')] } },
    };
    // given newest first: the order of the list does not matter, the times do
    const result = mergeReports([lineTwoAgain, whole], now);
    expect(result.counts).toEqual({ Survived: 1, Killed: 2 });
    expect(result.score).toBeCloseTo(200 / 3);
  });

  it('leaves out a file whose source changed since a report measured it, and lists it', () => {
    const result = mergeReports(
      [
        {
          mtimeMs: 1,
          files: {
            'a.ts': { source: 'const a = false;', mutants: [mutant(1, 'Survived')] },
            'b.ts': { source: sources['b.ts'], mutants: [mutant(1, 'Killed')] },
            'gone.ts': { source: 'x', mutants: [mutant(1, 'Killed')] },
          },
        },
      ],
      now,
    );
    expect(result).toMatchObject({ files: 1, stale: ['a.ts', 'gone.ts'], score: 100 });
  });

  it('does not call a file stale when a newer report measured its current source', () => {
    const result = mergeReports(
      [
        { mtimeMs: 1, files: { 'a.ts': { source: 'old', mutants: [mutant(1, 'Survived')] } } },
        {
          mtimeMs: 2,
          files: { 'a.ts': { source: sources['a.ts'], mutants: [mutant(1, 'Killed')] } },
        },
      ],
      now,
    );
    expect(result).toMatchObject({ stale: [], counts: { Killed: 1 } });
  });

  it('has no score when no mutant is valid', () => {
    const result = mergeReports(
      [
        {
          mtimeMs: 1,
          files: { 'a.ts': { source: sources['a.ts'], mutants: [mutant(1, 'Ignored')] } },
        },
      ],
      now,
    );
    expect(result.score).toBeUndefined();
  });
});
