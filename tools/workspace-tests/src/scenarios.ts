// Change scenarios planned offline with the real terraform: the environments are edited in a
// copy, the affected families synthesized from it, and each touched stack planned against the
// state the plan matrix (`nx run-many -t plan`) left in dist/plans/<app>/<stack>/terraform.tfstate.
import { cpSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  appOf,
  planDir,
  planStack,
  summaryLine,
  terraformSetup,
  type State,
  type TerraformSetup,
} from '@platform/offline-plan';
import { parseDocument, type Document } from 'yaml';
import { ROOT, runSynth } from './synth';
import { spawnSync } from 'node:child_process';

/** terraform's own counts, from its `Plan:` line (or zero for `No changes.`). */
export interface PlanCounts {
  readonly add: number;
  readonly change: number;
  readonly destroy: number;
}

/** One stack's change plan in a scenario. */
export interface ScenarioPlan {
  readonly stack: string;
  /** terraform's summary line and counts. */
  readonly line: string;
  readonly terraform: PlanCounts;
  /** plan-review summarize --format json of this plan. */
  readonly summary: {
    readonly total: PlanCounts & { replace: number };
    readonly plans: readonly {
      resources: readonly {
        address: string;
        actions: readonly string[];
        reason: string | null;
        replacePaths: readonly string[];
      }[];
    }[];
  };
  /** plan-review guard's exit code and JSON verdict. */
  readonly guard: { readonly code: number; readonly violations: readonly { address: string }[] };
}

let setup: Promise<TerraformSetup | undefined> | undefined;

/** Whether the plan matrix's states exist (terraform ran); scenarios need them. */
export function matrixStateOf(stack: string): State | undefined {
  const file = join(planDir(ROOT, { app: appOf(stack), stack }), 'terraform.tfstate');
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as State) : undefined;
}

/**
 * Edits a copy of environments/ (each edit gets the parsed YAML document of one environment
 * file, comments kept), synthesizes the stacks' families from it and plans each stack against
 * the plan matrix's state. Undefined when terraform is not available here.
 */
export async function planScenario(
  edits: Record<string, (doc: Document) => void>,
  stacks: readonly string[],
): Promise<ScenarioPlan[] | undefined> {
  setup ??= terraformSetup();
  const terraform = await setup;
  if (!terraform) return undefined;
  const environments = mkdtempSync(join(tmpdir(), 'scenario-environments-'));
  cpSync(join(ROOT, 'environments'), environments, { recursive: true });
  for (const [env, edit] of Object.entries(edits)) {
    const file = join(environments, `${env}.yaml`);
    const doc = parseDocument(readFileSync(file, 'utf8'));
    edit(doc);
    writeFileSync(file, doc.toString());
  }
  const output = mkdtempSync(join(tmpdir(), 'scenario-output-'));
  for (const app of [...new Set(stacks.map(appOf))]) {
    const synth = runSynth(app, output, { PLATFORM_ENVIRONMENTS_DIR: environments });
    if (synth.status !== 0)
      throw new Error(`synth of ${app} failed:\n${synth.stderr}${synth.stdout}`);
  }
  return Promise.all(
    stacks.map(async (stack) => {
      const prior = matrixStateOf(stack);
      if (!prior)
        throw new Error(`no state for ${stack}: run npx nx run ${appOf(stack)}:plan first`);
      const outDir = join(output, 'plans', stack);
      const result = await planStack(terraform, {
        stack,
        source: join(output, 'dist', 'apps', appOf(stack), 'stacks', stack, 'cdk.tf.json'),
        outDir,
        priorState: prior,
      });
      if (!result.ok) throw new Error(`${stack}: ${result.error}`);
      const text = readFileSync(join(outDir, 'plan.txt'), 'utf8');
      const plan = join(outDir, 'plan.json');
      const review = (...args: string[]) =>
        spawnSync(
          process.execPath,
          [join(ROOT, 'libs/plan-review/bin/plan-review.js'), ...args, plan],
          { encoding: 'utf8' },
        );
      const guard = review('guard', '--format', 'json');
      return {
        stack,
        line: summaryLine(text) ?? '',
        terraform: countsOf(text),
        summary: JSON.parse(review('summarize', '--format', 'json').stdout),
        guard: {
          code: guard.status ?? 1,
          violations: JSON.parse(guard.stdout || '{"violations":[]}').violations,
        },
      };
    }),
  );
}

/** The counts of terraform's `Plan:` line; zero for `No changes.`. */
export function countsOf(text: string): PlanCounts {
  const match = /Plan: (\d+) to add, (\d+) to change, (\d+) to destroy/.exec(text);
  if (match) return { add: Number(match[1]), change: Number(match[2]), destroy: Number(match[3]) };
  // no resource changes: "No changes." or, when only outputs change, "Changes to Outputs:"
  if (/No changes\.|Changes to Outputs:/.test(text)) return { add: 0, change: 0, destroy: 0 };
  throw new Error(`no Plan: line in terraform's output:\n${text.slice(-2000)}`);
}
