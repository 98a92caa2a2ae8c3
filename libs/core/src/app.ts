import {
  ConfigError,
  type Environment,
  findWorkspaceRoot,
  loadEnvironments,
  type StackFamily,
} from '@platform/config';
import { policyReportOf } from '@platform/policy';
import { App, TerraformStack } from 'cdktf';
import { existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { synthOutputDir } from './paths';

/**
 * Builds the stacks of one environment into the app. `all` lists every environment in
 * promotion order, for stacks that span accounts (e.g. image replication dev → prod).
 */
export type StackFactory = (
  app: App,
  environment: Environment,
  all: readonly Environment[],
) => void;

/** The outcome of a successful synth. */
export interface SynthResult {
  /** Folder the stacks were written to. */
  readonly outdir: string;
  /** Names of the stacks written. */
  readonly stacks: readonly string[];
  /** Suppressions honoured by the policy pack, per stack. */
  readonly suppressions: Readonly<
    Record<string, readonly { rule: string; path: string; reason: string }[]>
  >;
}

/** Root of the synth output: $PLATFORM_OUTPUT_ROOT (tests, benchmarks) or the workspace root. */
function outputRoot(): string {
  return process.env['PLATFORM_OUTPUT_ROOT'] ?? findWorkspaceRoot();
}

/**
 * Synthesizes one family for every environment into `outdir`, atomically: the stacks are
 * written to a scratch folder that replaces the previous output only when everything
 * succeeded, so a failed synth leaves the last good output in place.
 *
 * @throws ConfigError for invalid environment files; Error for policy violations and bad props.
 */
export function synthFamily(
  family: StackFamily,
  factory: StackFactory,
  options: { readonly environments?: readonly Environment[]; readonly outdir?: string } = {},
): SynthResult {
  const environments = options.environments ?? loadEnvironments();
  const outdir = options.outdir ?? join(outputRoot(), synthOutputDir(family));
  const scratch = `${outdir}.partial-${process.pid}`;
  rmSync(scratch, { recursive: true, force: true });
  mkdirSync(scratch, { recursive: true });
  try {
    const app = new App({ outdir: scratch, stackTraces: false, skipValidation: false });
    for (const environment of environments) factory(app, environment, environments);
    app.synth();
    const stacks = app.node.children.filter(
      (c): c is TerraformStack => c instanceof TerraformStack,
    );
    const suppressions = Object.fromEntries(
      stacks.map((s) => [
        s.node.id,
        (policyReportOf(s)?.suppressed ?? []).map(({ rule, path, reason }) => ({
          rule,
          path,
          reason,
        })),
      ]),
    );
    writeFileSync(
      join(scratch, 'policy-report.json'),
      `${JSON.stringify({ suppressions }, null, 2)}\n`,
    );
    if (existsSync(outdir)) rmSync(outdir, { recursive: true, force: true });
    renameSync(scratch, outdir);
    return { outdir, stacks: stacks.map((s) => s.node.id), suppressions };
  } catch (error) {
    rmSync(scratch, { recursive: true, force: true });
    throw error;
  }
}

/**
 * The entry point of every app: synthesizes the family and reports in a few lines. Bad input
 * prints what is wrong (file, field, rule) without a stack trace and exits 1.
 */
export function runApp(family: StackFamily, factory: StackFactory): void {
  try {
    const result = synthFamily(family, factory);
    const suppressed = Object.values(result.suppressions).flat();
    const where = relative(process.cwd(), result.outdir) || '.';
    console.log(`${family}: synthesized ${result.stacks.join(', ')} into ${where}/stacks`);
    if (suppressed.length > 0) {
      console.log(`${family}: policy suppressions honoured (${suppressed.length}):`);
      for (const s of suppressed) console.log(`  ${s.rule} at ${s.path}: ${s.reason}`);
    }
  } catch (error) {
    process.exitCode = 1;
    if (error instanceof ConfigError) {
      console.error(
        `${family}: synth stopped, the environment files are invalid (previous output kept):\n${error.message}`,
      );
    } else {
      const message = error instanceof Error ? error.message : String(error);
      console.error(
        `${family}: synth failed (previous output kept):\n${message.replace(/^Error: /, '')}`,
      );
      if (process.env['PLATFORM_DEBUG'] && error instanceof Error) console.error(error.stack);
    }
  }
}
