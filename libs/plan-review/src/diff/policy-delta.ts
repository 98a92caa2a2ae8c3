import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { z } from 'zod';
import { InputError } from '../errors';
import { compareText } from '../plan/compare';
import { decodeText } from '../plan/decode';

/** The file synth writes beside each family's stacks: the policy pack's report per stack. */
export const POLICY_REPORT = 'policy-report.json';

/** A policy suppression honoured at synth: rule, construct path, reason. */
export interface PolicySuppression {
  readonly rule: string;
  readonly path: string;
  readonly reason: string;
}

/** A policy finding nobody suppressed (a warning; errors fail synth). */
export interface PolicyFinding {
  readonly rule: string;
  readonly path: string;
  readonly level?: string;
  readonly message?: string;
}

/** Suppressions and findings per stack, merged from every report below a folder. */
export interface PolicyReports {
  readonly suppressions: ReadonlyMap<string, readonly PolicySuppression[]>;
  readonly findings: ReadonlyMap<string, readonly PolicyFinding[]>;
  /** How many report files were read. */
  readonly files: number;
}

/** What a change adds to and removes from the policy reports, per stack. */
export interface PolicyDelta {
  readonly suppressionsAdded: readonly (PolicySuppression & { stack: string })[];
  readonly suppressionsRemoved: readonly (PolicySuppression & { stack: string })[];
  /** Same rule and path, another reason. */
  readonly reasonsChanged: readonly (PolicySuppression & { stack: string; before: string })[];
  readonly findingsAdded: readonly (PolicyFinding & { stack: string })[];
  readonly findingsRemoved: readonly (PolicyFinding & { stack: string })[];
  /** False when neither side had a policy report (nothing to compare). */
  readonly compared: boolean;
}

const suppression = z.strictObject({ rule: z.string(), path: z.string(), reason: z.string() });
const finding = z.looseObject({
  rule: z.string(),
  path: z.string(),
  level: z.string().optional(),
  message: z.string().optional(),
});
const reportSchema = z.looseObject({
  suppressions: z.record(z.string(), z.array(suppression)).default({}),
  findings: z.record(z.string(), z.array(finding)).default({}),
});

/** Reads every `policy-report.json` below a folder; bad files fail naming file and field. */
export function readPolicyReports(root: string): PolicyReports {
  const files: string[] = [];
  const walk = (dir: string) => {
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory() && !['node_modules', '.git', '.terraform'].includes(entry.name))
        walk(full);
      else if (entry.isFile() && entry.name === POLICY_REPORT) files.push(full);
    }
  };
  walk(root);
  files.sort(compareText);
  const suppressions = new Map<string, PolicySuppression[]>();
  const findings = new Map<string, PolicyFinding[]>();
  for (const file of files) {
    let data: unknown;
    try {
      data = JSON.parse(decodeText(readFileSync(file), file));
    } catch (error) {
      if (error instanceof InputError) throw error;
      throw new InputError(`${file}: not JSON (${(error as Error).message})`);
    }
    const parsed = reportSchema.safeParse(data);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new InputError(
        `${file}: ${issue.path.map(String).join('.') || '(root)'}: ${issue.message} (a policy report is {"suppressions":{"STACK":[{"rule","path","reason"}]},"findings":{"STACK":[{"rule","path"}]}})`,
      );
    }
    for (const [stack, list] of Object.entries(parsed.data.suppressions))
      suppressions.set(stack, [...(suppressions.get(stack) ?? []), ...list]);
    for (const [stack, list] of Object.entries(parsed.data.findings))
      findings.set(stack, [...(findings.get(stack) ?? []), ...list]);
  }
  return { suppressions, findings, files: files.length };
}

const key = (item: { rule: string; path: string }) => `${item.rule}\u0000${item.path}`;

function byKey<T extends { rule: string; path: string }>(
  map: ReadonlyMap<string, readonly T[]>,
): Map<string, T & { stack: string }> {
  const out = new Map<string, T & { stack: string }>();
  for (const [stack, list] of map)
    for (const item of list) out.set(`${stack}\u0000${key(item)}`, { ...item, stack });
  return out;
}

const order = (a: { stack: string; rule: string; path: string }, b: typeof a) =>
  compareText(a.stack, b.stack) || compareText(a.rule, b.rule) || compareText(a.path, b.path);

/** The suppressions and findings HEAD adds or removes compared with BASE. */
export function policyDelta(base: PolicyReports, head: PolicyReports): PolicyDelta {
  const [bs, hs] = [byKey(base.suppressions), byKey(head.suppressions)];
  const [bf, hf] = [byKey(base.findings), byKey(head.findings)];
  const onlyIn = <T>(a: Map<string, T>, b: Map<string, T>) =>
    [...a].filter(([k]) => !b.has(k)).map(([, v]) => v);
  return {
    suppressionsAdded: onlyIn(hs, bs).sort(order),
    suppressionsRemoved: onlyIn(bs, hs).sort(order),
    reasonsChanged: [...hs]
      .filter(([k, v]) => bs.has(k) && bs.get(k)?.reason !== v.reason)
      .map(([k, v]) => ({ ...v, before: bs.get(k)?.reason ?? '' }))
      .sort(order),
    findingsAdded: onlyIn(hf, bf).sort(order),
    findingsRemoved: onlyIn(bf, hf).sort(order),
    compared: base.files + head.files > 0,
  };
}
