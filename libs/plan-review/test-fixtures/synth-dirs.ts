// Writes small cdktf synth outputs (stacks/<stack>/cdk.tf.json) into a temp folder for diff tests.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Writes `{ stack: config }` as `<dir>/stacks/<stack>/cdk.tf.json` and returns the folder; a
 * policy report, when given, as `<dir>/policy-report.json` (as synth writes it per family).
 */
export function writeSynthOutput(stacks: Record<string, object>, policyReport?: object): string {
  const dir = mkdtempSync(join(tmpdir(), 'plan-review-synth-'));
  for (const [stack, config] of Object.entries(stacks)) {
    mkdirSync(join(dir, 'stacks', stack), { recursive: true });
    writeFileSync(join(dir, 'stacks', stack, 'cdk.tf.json'), JSON.stringify(config, null, 2));
  }
  if (policyReport) writeFileSync(join(dir, 'policy-report.json'), JSON.stringify(policyReport));
  return dir;
}

/** cdktf's metadata block for a resource at a construct path. */
export function meta(path: string): object {
  return { '//': { metadata: { path, uniqueId: path.split('/').pop() } } };
}
