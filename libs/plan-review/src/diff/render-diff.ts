import type { AttributeChange } from '../plan/attribute-diff';
import { code, escapeText, GITHUB_COMMENT_LIMIT, plural } from '../markdown/markdown';
import type { StackDiff } from './diff-configs';
import type { SynthDiff } from './synth-diff';

/** The diff as JSON: stacks added and removed, then every stack with changes. */
export function renderDiffJson(diff: SynthDiff): string {
  const json = {
    added: diff.stacks.filter((s) => s.status === 'added').map((s) => s.stack),
    removed: diff.stacks.filter((s) => s.status === 'removed').map((s) => s.stack),
    preventDestroyRemoved: diff.preventDestroyRemoved,
    policy: diff.policy,
    stacks: diff.stacks.filter((s) => s.status !== 'unchanged'),
  };
  return `${JSON.stringify(json, null, 2)}\n`;
}

/**
 * The diff as one GitHub comment: a summary line, a warning for removed resources (terraform
 * destroys them unless a moved block covers them), then one section per changed stack. Past the
 * limit, attribute lists are dropped first, then address lists of added/removed stacks.
 */
export function renderDiffMarkdown(diff: SynthDiff, limit = GITHUB_COMMENT_LIMIT): string {
  for (const detail of [
    { attributes: true, wholeStacks: true },
    { attributes: false, wholeStacks: true },
    { attributes: false, wholeStacks: false },
  ]) {
    const text = render(diff, detail.attributes, detail.wholeStacks, false);
    if (text.length <= limit) return text;
  }
  return render(diff, false, false, true);
}

function render(
  diff: SynthDiff,
  attributes: boolean,
  wholeStacks: boolean,
  addressesOnly: boolean,
): string {
  const count = (status: StackDiff['status']): number =>
    diff.stacks.filter((s) => s.status === status).length;
  const destroyed = diff.stacks
    .filter((s) => s.status === 'changed')
    .flatMap((s) =>
      s.removed.filter(
        (a) => isResource(a) && !s.renames.some((r) => r.from === a && r.movedBlock),
      ),
    );
  const lines = [
    '## Synthesized configuration diff',
    '',
    `${code(diff.base)} → ${code(diff.head)}: ${count('changed')} changed, ${count('added')} added, ${count('removed')} removed, ${count('unchanged')} unchanged ${count('unchanged') === 1 ? 'stack' : 'stacks'}.`,
    '',
  ];
  if (destroyed.length > 0) {
    lines.push(
      '> [!CAUTION]',
      `> ${plural(destroyed.length, 'resource')} disappeared from a deployed stack: terraform will destroy ${destroyed.length === 1 ? 'it' : 'them'} unless a moved block covers ${destroyed.length === 1 ? 'it' : 'them'}. A changed logical id is a remove + add.`,
      '',
    );
  }
  lines.push(...preventDestroyLines(diff), ...policyLines(diff));
  if (!attributes)
    lines.push(
      '> [!NOTE]',
      '> Attribute details left out to fit one GitHub comment; run `plan-review diff --format json` for everything.',
      '',
    );
  for (const stack of diff.stacks) {
    if (stack.status === 'unchanged') continue;
    lines.push(`### ${code(stack.stack)} (${stack.status})`, '');
    if (stack.status !== 'changed') {
      const addresses = stack.status === 'added' ? stack.added : stack.removed;
      lines.push(`Stack ${stack.status} with ${plural(addresses.length, 'block')}.`);
      if (stack.status === 'removed')
        lines.push(
          '🔴 Removing a stack from the synth output does not destroy it: its resources stay, orphaned, until someone runs destroy. To retire a family, keep its section with `enabled: false` (the plan then shows what is destroyed and the guard blocks what is protected); remove the section once that is applied.',
        );
      if (wholeStacks) lines.push('', ...addresses.map((a) => `- ${code(a)}`));
      lines.push('');
      continue;
    }
    for (const address of stack.removed)
      lines.push(`- ➖ **removed** ${code(address)}${removedNote(stack, address)}`);
    for (const address of stack.added) lines.push(`- ➕ **added** ${code(address)}`);
    for (const change of stack.changed) {
      lines.push(
        `- ✏️ **changed** ${code(change.address)}${addressesOnly ? '' : `: ${change.changes.map((c) => code(c.path)).join(', ')}`}`,
      );
      if (attributes) lines.push(...change.changes.map(attributeLine));
    }
    lines.push('');
  }
  return lines.join('\n');
}

function isResource(address: string): boolean {
  return (
    !/^(output|var|local|module|provider|check|terraform|moved|import|removed|data)[.:]/.test(
      address,
    ) && address.includes('.')
  );
}

function removedNote(stack: StackDiff, address: string): string {
  const rename = stack.renames.find((r) => r.from === address);
  if (rename?.movedBlock) return ` — moved to ${code(rename.to)} by a moved block (no destroy)`;
  const destroy = isResource(address) ? ' — terraform will destroy it' : '';
  if (rename)
    return `${destroy}; looks renamed to ${code(rename.to)} (same type and settings): add a moved block to keep the object`;
  return destroy;
}

function attributeLine(change: AttributeChange): string {
  return `  - ${code(change.path)}: ${change.before === undefined ? '(none)' : code(change.before)} → ${change.after === undefined ? '(none)' : code(change.after)}`;
}

function preventDestroyLines(diff: SynthDiff): string[] {
  if (diff.preventDestroyRemoved.length === 0) return [];
  return [
    `### 🔴 prevent_destroy removed (${diff.preventDestroyRemoved.length})`,
    '',
    ...diff.preventDestroyRemoved.map(
      (r) =>
        `- **high** ${code(r.stack)} ${code(r.address)}: ${r.resourceRemoved ? 'removed from the configuration together with its `prevent_destroy`: terraform will destroy it' : '`lifecycle.prevent_destroy` true → unset: terraform may now destroy it'}`,
    ),
    '',
  ];
}

function policyLines(diff: SynthDiff): string[] {
  const p = diff.policy;
  const total =
    p.suppressionsAdded.length +
    p.suppressionsRemoved.length +
    p.reasonsChanged.length +
    p.findingsAdded.length +
    p.findingsRemoved.length;
  if (!p.compared || total === 0) return [];
  const lines = ['### 🛡️ Policy delta', ''];
  const where = (x: { stack: string; rule: string; path: string }) =>
    `${code(x.stack)} ${code(x.rule)} at ${code(x.path)}`;
  for (const s of p.suppressionsAdded)
    lines.push(`- ➕ **new suppression** ${where(s)} — reason: ${escapeText(s.reason)}`);
  for (const s of p.reasonsChanged)
    lines.push(
      `- ✏️ **suppression reason changed** ${where(s)}: ${escapeText(s.before)} → ${escapeText(s.reason)}`,
    );
  for (const s of p.suppressionsRemoved)
    lines.push(`- ➖ **suppression removed** ${where(s)} (was: ${escapeText(s.reason)})`);
  for (const f of p.findingsAdded)
    lines.push(`- ⚠️ **new finding** ${where(f)}${f.message ? `: ${escapeText(f.message)}` : ''}`);
  for (const f of p.findingsRemoved) lines.push(`- ✅ **finding resolved** ${where(f)}`);
  lines.push('');
  return lines;
}
