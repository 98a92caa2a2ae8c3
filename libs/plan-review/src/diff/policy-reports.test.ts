import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { policyDelta, readPolicyReports, type PolicyReports } from './policy-delta';

const write = (root: string, rel: string, content: string | object) => {
  const file = join(root, rel);
  mkdirSync(join(file, '..'), { recursive: true });
  writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content));
  return file;
};
const report = (stack: string, rule: string, path: string, reason = 'why') => ({
  suppressions: { [stack]: [{ rule, path, reason }] },
});

describe('reading policy reports', () => {
  it('finds every report below the folder, not in skipped folders, merging stacks in file order', () => {
    const root = mkdtempSync(join(tmpdir(), 'policy-reports-'));
    write(root, 'b/policy-report.json', report('s', 'R2', 'p2'));
    write(root, 'a/policy-report.json', report('s', 'R1', 'p1'));
    write(root, 'a/other.json', report('s', 'X', 'x'));
    for (const skipped of ['node_modules', '.git', '.terraform'])
      write(root, `${skipped}/policy-report.json`, report('s', 'SKIP', skipped));
    const reports = readPolicyReports(root);
    expect(reports.files).toBe(2);
    expect(reports.suppressions.get('s')?.map((s) => s.rule)).toEqual(['R1', 'R2']);
  });

  it('a missing folder has no reports', () => {
    expect(readPolicyReports(join(tmpdir(), 'no-such-folder-for-policy-reports')).files).toBe(0);
  });

  it('refuses text that is not JSON and a report of the wrong shape, naming the file', () => {
    const root = mkdtempSync(join(tmpdir(), 'policy-reports-'));
    const file = write(root, 'policy-report.json', '{ nope');
    expect(() => readPolicyReports(root)).toThrow(new RegExp(`^${file}: not JSON \\(`));
    write(root, 'policy-report.json', '[]');
    expect(() => readPolicyReports(root)).toThrow(`${file}: (root): `);
    write(root, 'policy-report.json', 'PK\u0003\u0004');
    expect(() => readPolicyReports(root)).toThrow(`${file}: this is a binary plan file`);
  });
});

describe('the policy delta', () => {
  const reports = (
    suppressions: [string, string, string, string][],
    findings: [string, string, string][] = [],
  ): PolicyReports => {
    const s = new Map<string, { rule: string; path: string; reason: string }[]>();
    for (const [stack, rule, path, reason] of suppressions)
      s.set(stack, [...(s.get(stack) ?? []), { rule, path, reason }]);
    const f = new Map<string, { rule: string; path: string }[]>();
    for (const [stack, rule, path] of findings)
      f.set(stack, [...(f.get(stack) ?? []), { rule, path }]);
    return { suppressions: s, findings: f, files: 1 };
  };

  it('sorts what it lists by stack, rule and path', () => {
    const delta = policyDelta(
      reports([]),
      reports(
        [
          ['b', 'R1', 'p', 'x'],
          ['a', 'R2', 'p', 'x'],
          ['a', 'R1', 'q', 'x'],
          ['a', 'R1', 'p', 'x'],
        ],
        [
          ['b', 'F', 'p'],
          ['a', 'F', 'p'],
        ],
      ),
    );
    expect(delta.suppressionsAdded.map((s) => `${s.stack} ${s.rule} ${s.path}`)).toEqual([
      'a R1 p',
      'a R1 q',
      'a R2 p',
      'b R1 p',
    ]);
    expect(delta.findingsAdded.map((s) => s.stack)).toEqual(['a', 'b']);
  });

  it('lists removed suppressions and findings sorted, and each changed reason with the old one', () => {
    const delta = policyDelta(
      reports(
        [
          ['b', 'R', 'p', 'old'],
          ['a', 'R', 'p', 'same'],
          ['a', 'Z', 'p', 'x'],
          ['a', 'Y', 'p', 'x'],
        ],
        [
          ['b', 'F', 'p'],
          ['a', 'F', 'p'],
        ],
      ),
      reports([
        ['b', 'R', 'p', 'new'],
        ['a', 'R', 'p', 'same'],
      ]),
    );
    expect(delta.suppressionsRemoved.map((s) => s.rule)).toEqual(['Y', 'Z']);
    expect(delta.findingsRemoved.map((s) => s.stack)).toEqual(['a', 'b']);
    expect(delta.reasonsChanged).toEqual([
      { stack: 'b', rule: 'R', path: 'p', reason: 'new', before: 'old' },
    ]);
    expect(delta.compared).toBe(true);
    expect(policyDelta({ ...reports([]), files: 0 }, { ...reports([]), files: 0 }).compared).toBe(
      false,
    );
  });
});
