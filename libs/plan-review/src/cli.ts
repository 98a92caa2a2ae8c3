import { parseArgs } from 'node:util';
import { diffSynthOutputs } from './diff/synth-diff';
import { renderDiffJson, renderDiffMarkdown } from './diff/render-diff';
import { InputError, oneLine } from './errors';
import {
  defaultGuardConfig,
  mergeGuardConfigs,
  readGuardConfig,
  type GuardConfig,
} from './guard/guard-config';
import { runGuard } from './guard/guard';
import { renderGuardJson, renderGuardText } from './guard/render-guard';
import { readPriceFile } from './cost/prices';
import { riskRuleTable } from './risk/rule-table';
import { reviewPlanFiles } from './summary/review-files';
import { renderSummaryJson } from './summary/render-json';
import { renderSummaryMarkdown } from './summary/render-markdown';

/** Exit codes of the `plan-review` command. */
export const EXIT = {
  /** Success; for guard: nothing protected is destroyed. */
  ok: 0,
  /** A bug in plan-review (reported on one line; set PLAN_REVIEW_DEBUG=1 for the stack). */
  internal: 1,
  /** Bad input: unreadable file, not a plan, unsupported format_version, unknown option. */
  badInput: 2,
  /** guard: a protected resource would be destroyed or replaced. */
  guardViolation: 3,
} as const;

/** Where the CLI writes; injectable for tests. */
export interface CliIo {
  readonly stdout: { write(text: string): unknown };
  readonly stderr: { write(text: string): unknown };
}

/** The help text. */
export const USAGE = `Usage:
  plan-review summarize [--format markdown|json] [--synth DIR]... [--prices FILE] [--full] PLAN.json...
  plan-review diff [--format markdown|json] [--fail-on-removed-stack] BASE_DIR HEAD_DIR
  plan-review rules          (prints the risk rules as a markdown table)
  plan-review guard [--protect TYPE_OR_ADDRESS_GLOB]... [--allow ADDRESS]... [--config FILE]... [--fail-on high|medium] [--format text|json] PLAN.json...

PLAN.json is "terraform show -json PLANFILE" output (UTF-8 or UTF-16); a cdk.tf.json beside it (or
found by stack name below a --synth DIR) adds construct paths. --prices FILE: dated monthly unit
prices ({"date","currency","source","monthly":{…}}) for amounts. --full: markdown without the
one-comment limit (the full report, e.g. a workflow artifact). BASE_DIR and HEAD_DIR hold
cdktf synth outputs (every cdk.tf.json below them is a stack). Exit codes: 0 ok, 2 bad input,
3 guard found a protected resource that would be destroyed or replaced (or, with --fail-on, a
change of that risk level or above).
`;

/** Runs the CLI with arguments (without "node" and the script) and returns the exit code. */
export function runCli(argv: readonly string[], io: CliIo): number {
  try {
    return dispatch([...argv], io);
  } catch (error) {
    if (error instanceof InputError || isParseArgsError(error)) {
      io.stderr.write(`plan-review: ${oneLine((error as Error).message)}\n`);
      return EXIT.badInput;
    }
    const thrown = error instanceof Error ? error : undefined;
    if (process.env['PLAN_REVIEW_DEBUG'] === '1')
      io.stderr.write(`${thrown?.stack ?? String(error)}\n`);
    io.stderr.write(`plan-review: internal error: ${oneLine(thrown?.message ?? String(error))}\n`);
    return EXIT.internal;
  }
}

function dispatch(argv: string[], io: CliIo): number {
  const [command, ...rest] = argv;
  switch (command) {
    case 'summarize':
      return summarize(rest, io);
    case 'diff':
      return diff(rest, io);
    case 'guard':
      return guard(rest, io);
    case 'rules':
      io.stdout.write(riskRuleTable());
      return EXIT.ok;
    case undefined:
    case 'help':
    case '--help':
    case '-h':
      io.stdout.write(USAGE);
      return command === undefined ? EXIT.badInput : EXIT.ok;
    default:
      throw new InputError(
        `unknown command "${command}" (expected summarize, diff, guard or rules; see plan-review --help)`,
      );
  }
}

function summarize(args: string[], io: CliIo): number {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      format: { type: 'string', default: 'markdown' },
      synth: { type: 'string', multiple: true, default: [] },
      prices: { type: 'string' },
      full: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) return help(io);
  const format = oneOf(values.format, ['markdown', 'json'], 'summarize');
  if (positionals.length === 0) throw new InputError('summarize: give at least one PLAN.json');
  const prices = values.prices === undefined ? undefined : readPriceFile(values.prices);
  const reviews = reviewPlanFiles(positionals, { synthDirs: values.synth });
  const options = prices ? { prices } : {};
  const limit = values.full ? { limit: Number.POSITIVE_INFINITY } : {};
  io.stdout.write(
    format === 'json'
      ? renderSummaryJson(reviews, options)
      : renderSummaryMarkdown(reviews, { ...options, ...limit }),
  );
  return EXIT.ok;
}

function diff(args: string[], io: CliIo): number {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      format: { type: 'string', default: 'markdown' },
      'fail-on-removed-stack': { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) return help(io);
  const format = oneOf(values.format, ['markdown', 'json'], 'diff');
  if (positionals.length !== 2)
    throw new InputError(
      `diff: give exactly two folders, BASE and HEAD (got ${positionals.length})`,
    );
  const result = diffSynthOutputs(positionals[0], positionals[1]);
  io.stdout.write(format === 'json' ? renderDiffJson(result) : renderDiffMarkdown(result));
  const removed = result.stacks.filter((s) => s.status === 'removed').map((s) => s.stack);
  if (values['fail-on-removed-stack'] && removed.length > 0) {
    io.stderr.write(
      `diff: ${removed.join(', ')} left the synth output: their resources would be orphaned. Keep the section with enabled: false until the destroy is applied.\n`,
    );
    return EXIT.guardViolation;
  }
  return EXIT.ok;
}

function guard(args: string[], io: CliIo): number {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      protect: { type: 'string', multiple: true, default: [] },
      allow: { type: 'string', multiple: true, default: [] },
      config: { type: 'string', multiple: true, default: [] },
      'fail-on': { type: 'string' },
      format: { type: 'string', default: 'text' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) return help(io);
  const format = oneOf(values.format, ['text', 'json'], 'guard');
  if (positionals.length === 0) throw new InputError('guard: give at least one PLAN.json');
  const fromCli: GuardConfig = {
    protect: values.protect.map((match) => ({ match, reason: 'protected with --protect' })),
    allow: values.allow.map((address) => ({ address, reason: 'allowed with --allow' })),
  };
  const config = mergeGuardConfigs(
    defaultGuardConfig(),
    ...values.config.map(readGuardConfig),
    fromCli,
  );
  const failOn =
    values['fail-on'] === undefined
      ? undefined
      : oneOf(values['fail-on'], ['high', 'medium'], 'guard', '--fail-on');
  const result = runGuard(reviewPlanFiles(positionals), config, failOn ? { failOn } : {});
  io.stdout.write(format === 'json' ? renderGuardJson(result) : renderGuardText(result));
  return result.violations.length > 0 ? EXIT.guardViolation : EXIT.ok;
}

function help(io: CliIo): number {
  io.stdout.write(USAGE);
  return EXIT.ok;
}

function oneOf<T extends string>(
  value: string | undefined,
  allowed: readonly T[],
  command: string,
  option = '--format',
): T {
  if (allowed.includes(value as T)) return value as T;
  throw new InputError(
    `${command}: ${option} must be one of ${allowed.join(', ')} (got "${value}")`,
  );
}

function isParseArgsError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS_');
}
