import {
  type AwsEnvironment,
  ConfigError,
  type Environment,
  environmentsOf,
  findWorkspaceRoot,
  type GcpEnvironment,
  loadEnvironments,
  type StackFamily,
} from '@platform/config';
import { policyReportOf } from '@platform/policy';
import { App, TerraformStack } from 'cdktf';
import { existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { synthOutputDir } from './paths';

/**
 * Builds the stacks of one environment into the app. `all` lists every environment of the same
 * cloud in promotion order, for stacks that span accounts (e.g. image replication dev → prod).
 */
export type StackFactory<E extends Environment = Environment> = (
  app: App,
  environment: E,
  all: readonly E[],
) => void;

/**
 * How a family builds its stacks, per cloud: the clouds it names are the clouds it supports.
 * An environment of any other cloud gets no stack of this family (synth says so).
 */
export interface FamilyFactories {
  /** Builds the family's stacks of an AWS environment. @default the family has no AWS stacks */
  readonly aws?: StackFactory<AwsEnvironment>;
  /** Builds the family's stacks of a Google Cloud environment. @default no GCP stacks */
  readonly gcp?: StackFactory<GcpEnvironment>;
}

/**
 * Runs the factory of the environment's cloud. Returns why the environment got no stack: the
 * family has no factory for its cloud, or the factory made none (an optional section left out).
 */
function buildEnvironment(
  app: App,
  factories: FamilyFactories,
  environment: Environment,
  all: readonly Environment[],
): string | undefined {
  const before = stackCount(app);
  if (environment.cloud === 'aws') {
    if (!factories.aws) return `the family does not run on ${environment.cloud}`;
    factories.aws(app, environment, environmentsOf('aws', all));
  } else {
    if (!factories.gcp) return `the family does not run on ${environment.cloud}`;
    factories.gcp(app, environment, environmentsOf('gcp', all));
  }
  return stackCount(app) > before
    ? undefined
    : 'the family builds nothing there (an optional section left out, or a family that runs in the first environment of its path only)';
}

const stackCount = (app: App) =>
  app.node.children.filter((c) => c instanceof TerraformStack).length;

/** The outcome of a successful synth. */
export interface SynthResult {
  /** Folder the stacks were written to. */
  readonly outdir: string;
  /** Names of the stacks written. */
  readonly stacks: readonly string[];
  /** Environments without a stack of this family, and why (another cloud, no section). */
  readonly skipped: readonly string[];
  /** Suppressions honoured by the policy pack, per stack. */
  readonly suppressions: Readonly<
    Record<string, readonly { rule: string; path: string; reason: string }[]>
  >;
}

/**
 * The file synth writes beside the stacks: the family, its stacks, and the environments it has
 * no stack for and why (another cloud, or an optional section left out). Deploy scripts read it to tell
 * "not this family's cloud" from "not synthesized".
 */
export const SYNTH_MANIFEST = 'synth-manifest.json';

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
  factories: FamilyFactories,
  options: { readonly environments?: readonly Environment[]; readonly outdir?: string } = {},
): SynthResult {
  const environments = options.environments ?? loadEnvironments();
  const outdir = options.outdir ?? join(outputRoot(), synthOutputDir(family));
  const scratch = `${outdir}.partial-${process.pid}`;
  rmSync(scratch, { recursive: true, force: true });
  mkdirSync(scratch, { recursive: true });
  try {
    const app = new App({ outdir: scratch, stackTraces: false, skipValidation: false });
    const skippedEnvironments = environments.flatMap((environment) => {
      const reason = buildEnvironment(app, factories, environment, environments);
      return reason ? [{ environment: environment.name, cloud: environment.cloud, reason }] : [];
    });
    const skipped = skippedEnvironments.map((s) => `${s.environment} (${s.cloud}: ${s.reason})`);
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
      join(scratch, SYNTH_MANIFEST),
      `${JSON.stringify(
        {
          family,
          stacks: stacks.map((s) => s.node.id),
          skipped: skippedEnvironments,
        },
        null,
        2,
      )}\n`,
    );
    writeFileSync(
      join(scratch, 'policy-report.json'),
      `${JSON.stringify({ suppressions }, null, 2)}\n`,
    );
    if (existsSync(outdir)) rmSync(outdir, { recursive: true, force: true });
    renameSync(scratch, outdir);
    return { outdir, stacks: stacks.map((s) => s.node.id), skipped, suppressions };
  } catch (error) {
    rmSync(scratch, { recursive: true, force: true });
    throw error;
  }
}

/** What one family's synth reports: the lines a user reads, and whether it succeeded. */
export interface SynthReport {
  /** The family synthesized (the app's name when its entry could not be loaded). */
  readonly family: string;
  /** True when every stack was written. */
  readonly success: boolean;
  /**
   * What to print: where the stacks went and the suppressions honoured, or what is wrong (file,
   * field, rule) without a stack trace. Ends with a newline.
   */
  readonly output: string;
}

/** Where a synth host takes the environments from; {@link synthReport} loads them itself by default. */
export type EnvironmentsSource = () => readonly Environment[];

/**
 * Synthesizes one family like {@link synthFamily} and describes the outcome instead of throwing:
 * a bad environment file or a failed synth is a failed report whose output names the problem,
 * and the previous output stays in place.
 */
export function synthReport(
  family: StackFamily,
  factories: FamilyFactories,
  environments?: EnvironmentsSource,
): SynthReport {
  try {
    const result = synthFamily(family, factories, { environments: environments?.() });
    const suppressed = Object.values(result.suppressions).flat();
    const where = relative(process.cwd(), result.outdir) || '.';
    const lines = [`${family}: synthesized ${result.stacks.join(', ')} into ${where}/stacks`];
    if (result.skipped.length > 0) {
      lines.push(`${family}: no stack for ${result.skipped.join(', ')}`);
    }
    if (suppressed.length > 0) {
      lines.push(`${family}: policy suppressions honoured (${suppressed.length}):`);
      for (const s of suppressed) lines.push(`  ${s.rule} at ${s.path}: ${s.reason}`);
    }
    return { family, success: true, output: `${lines.join('\n')}\n` };
  } catch (error) {
    return { family, success: false, output: synthFailure(family, error) };
  }
}

/** The message of a failed synth: config problems as they are, anything else without a trace. */
export function synthFailure(family: string, error: unknown): string {
  if (error instanceof ConfigError) {
    return `${family}: synth stopped, the environment files are invalid (previous output kept):\n${error.message}\n`;
  }
  const message = error instanceof Error ? error.message : String(error);
  const debug =
    process.env['PLATFORM_DEBUG'] && error instanceof Error ? `${error.stack ?? ''}\n` : '';
  return `${family}: synth failed (previous output kept):\n${message.replace(/^Error: /, '')}\n${debug}`;
}

/** An app as its entry declares it: the family and how it builds one environment's stacks. */
export interface AppDefinition {
  /** The family the app synthesizes. */
  readonly family: StackFamily;
  /** Builds the stacks of one environment, per cloud. */
  readonly factories: FamilyFactories;
}

let registered: AppDefinition[] | undefined;

/**
 * Loads an app entry (`load` requires its `main.ts`) without synthesizing it: the entry's
 * {@link runApp} call hands its family and factory back instead. This is how one synth process
 * runs many families (tools/scripts/synth.mjs).
 *
 * @throws Error when the entry does not call runApp exactly once.
 */
export function loadApp(load: () => unknown): AppDefinition {
  const outer = registered;
  registered = [];
  try {
    load();
    const [app, ...more] = registered;
    if (!app || more.length > 0) {
      throw new Error(
        `an app entry must call runApp once (it called it ${registered.length} times)`,
      );
    }
    return app;
  } finally {
    registered = outer;
  }
}

/**
 * The entry point of every app: synthesizes the family and reports in a few lines. Bad input
 * prints what is wrong (file, field, rule) without a stack trace and exits 1. Inside
 * {@link loadApp} it only declares the app.
 */
export function runApp(family: StackFamily, factories: FamilyFactories): void {
  if (registered) {
    registered.push({ family, factories });
    return;
  }
  const report = synthReport(family, factories);
  if (report.success) process.stdout.write(report.output);
  else {
    process.exitCode = 1;
    process.stderr.write(report.output);
  }
}
