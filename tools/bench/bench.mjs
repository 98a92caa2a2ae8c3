#!/usr/bin/env node
// `npm run bench`: holds synth, tests and validation to the numbers of issues 8 and 17, side by side
// with what plain cdktf gives (`cdktf synth` through the CLI, per app). Prints a markdown table and
// writes dist/bench/bench.json; every figure is the median of --runs runs, except the sections
// that take minutes per run (plan, pr, validate: --long-runs, default 1; npmtest and e2e: 1).
//
//   npm run bench                         every default section (all but validate), 3 runs
//   npm run bench -- --runs 1             one run of each
//   npm run bench -- --only synth,scale   some sections: synth, warm, test, npmtest, validate, plan, pr, scale
//   npm run bench -- --readme             also rewrite the "## Performance" table of README.md
//   npm run bench -- --json out.json      write the JSON elsewhere
//
// It reads other scripts' machine-readable output only: exit codes, `nx show projects --json`,
// `terraform validate -json`, and the peak memory every node process reports through probe.cjs.
// Nothing is written into the repository but dist/ (the synth outputs Nx would write anyway), with
// --readme README.md, and, during the `pr` section only, one comment line appended to an
// environment file and removed again. Temporary environments, outputs and cdktf projects live in
// the OS temp folder and are removed at the end.
import { spawn } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { availableParallelism, cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { terraformEnv } from '../scripts/terraform-env.mjs';
import { generateEnvironments } from './generate-environments.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const SECTIONS = ['synth', 'warm', 'test', 'npmtest', 'validate', 'plan', 'pr', 'scale'];
// `validate` is not run by default: the plan target validates every AWS stack as it plans it
// (issue 17: no separate validate), so its matrix is the one that counts. It stays to compare.
const DEFAULT_SECTIONS = SECTIONS.filter((s) => s !== 'validate');
const SCALE_SIZES = [10, 50, 100];
const VALIDATE_SAMPLE = ['network-dev', 'ecs-prod', 'eks-staging'];
// The slope of synth time per added service before synth ran in one process (README, run of
// 2026-12-02: (21.07 s − 7.34 s) ÷ 90 services): the scale target is not to exceed it.
const SLOPE_BEFORE_MS = (21_070 - 7_340) / 90;

const options = readOptions(process.argv.slice(2));
const cores = availableParallelism();
const work = mkdtempSync(join(tmpdir(), 'platform-bench-'));
const bin = (name) => join(root, 'node_modules', '.bin', name);
const apps = readdirSync(join(root, 'apps'))
  .filter((a) => existsSync(join(root, 'apps', a, 'src', 'main.ts')))
  .sort();
const baseEnv = {
  ...process.env,
  NX_DAEMON: 'false', // every Nx figure pays its own start, as in CI; no daemon left behind
  NX_TUI: 'false',
  CHECKPOINT_DISABLE: '1',
  FORCE_COLOR: '0',
};

function readOptions(args) {
  let values;
  try {
    ({ values } = parseArgs({
      args,
      options: {
        runs: { type: 'string', default: '3' },
        'long-runs': { type: 'string', default: '1' },
        only: { type: 'string', default: DEFAULT_SECTIONS.join(',') },
        readme: { type: 'boolean', default: false },
        json: { type: 'string', default: join(root, 'dist/bench/bench.json') },
      },
    }));
  } catch (error) {
    console.error(`bench: ${error.message}\n${usage()}`);
    process.exit(2);
  }
  const opts = {
    ...values,
    runs: Number(values.runs),
    longRuns: Number(values['long-runs']),
    only: values.only.split(','),
  };
  const unknown = opts.only.filter((s) => !SECTIONS.includes(s));
  const counts = [opts.runs, opts.longRuns];
  if (!counts.every((n) => Number.isInteger(n) && n >= 1) || unknown.length > 0) {
    console.error(`bench: bad --runs, --long-runs or --only (${unknown.join(', ')})\n${usage()}`);
    process.exit(2);
  }
  return opts;
}

function usage() {
  return `usage: npm run bench -- [--runs N] [--long-runs N] [--only ${SECTIONS.join(',')}] [--readme] [--json FILE]`;
}

const log = (message) => process.stderr.write(`bench: ${message}\n`);
const median = (values) => {
  const v = values.filter((x) => typeof x === 'number').sort((a, b) => a - b);
  if (v.length === 0) return undefined;
  const mid = Math.floor(v.length / 2);
  return v.length % 2 ? v[mid] : (v[mid - 1] + v[mid]) / 2;
};
const seconds = (ms) => (ms === undefined ? 'n/a' : `${(ms / 1000).toFixed(2)} s`);
const mib = (kib) => (kib === undefined ? 'n/a' : `${Math.round(kib / 1024)} MB`);
const times = (x) => (x === undefined ? 'n/a' : `${x.toFixed(1)}×`);

/**
 * Runs a command to completion with its output captured; resolves with the wall time and, when
 * `probe` is set, what every node process of the command reported (peak memory, CPU time).
 */
async function measure(
  command,
  args,
  { env = {}, cwd = root, probe = false, allowFailure = false } = {},
) {
  const probeDir = probe ? mkdtempSync(join(work, 'probe-')) : undefined;
  const fullEnv = { ...baseEnv, ...env };
  if (probeDir) {
    fullEnv.BENCH_PROBE_DIR = probeDir;
    fullEnv.NODE_OPTIONS =
      `${fullEnv.NODE_OPTIONS ?? ''} --require ${join(root, 'tools/bench/probe.cjs')}`.trim();
  }
  const started = performance.now();
  const { status, output, stdout } = await new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env: fullEnv, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let stdout = '';
    child.stdout.on('data', (d) => ((out += d), (stdout += d)));
    child.stderr.on('data', (d) => (out += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ status: code, output: out, stdout }));
  });
  const ms = performance.now() - started;
  if (status !== 0 && !allowFailure) {
    throw new Error(
      `${relative(root, command) || command} ${args.join(' ')} exited ${status}:\n${output.split('\n').slice(-25).join('\n')}`,
    );
  }
  const processes = probeDir
    ? readdirSync(probeDir).map((f) => JSON.parse(readFileSync(join(probeDir, f), 'utf8')))
    : [];
  if (probeDir) rmSync(probeDir, { recursive: true, force: true });
  return { ms, output, stdout, processes, status };
}

/** The node processes of a measured command that ran the synth script (the one doing the work). */
const synthProcesses = (processes) =>
  processes.filter((p) => p.argv.some((a) => a.endsWith('synth.mjs')));

/**
 * The synth script for several apps in its one process, into `outputRoot`, without Nx: wall
 * time, that process's peak memory and CPU time.
 */
async function synthOneProcess(names, outputRoot, env = {}) {
  const { ms, processes } = await measure(
    process.execPath,
    [join(root, 'tools/scripts/synth.mjs'), ...names],
    { env: { PLATFORM_OUTPUT_ROOT: outputRoot, ...env }, probe: true },
  );
  const synth = synthProcesses(processes);
  return {
    ms,
    maxRssKiB: Math.max(...synth.map((p) => p.maxRssKiB)),
    cpuMs: processes.reduce((sum, p) => sum + p.cpuMs, 0),
  };
}

/** The projects that have a target, from Nx's own JSON. */
async function projectsWithTarget(target) {
  const { stdout } = await measure(bin('nx'), [
    'show',
    'projects',
    '--with-target',
    target,
    '--json',
  ]);
  return JSON.parse(stdout).sort();
}

/**
 * The baseline: `cdktf synth` of one app through cdktf-cli, from a throwaway cdktf project whose
 * `app` runs the same entry with tsx (what `cdktf init` would give, with tsx standing in for the
 * slower ts-node) and whose output is where the app writes.
 */
async function cdktfCliSynth(app, outputRoot) {
  const project = mkdtempSync(join(work, `cdktf-${app}-`));
  const output = join(outputRoot, 'dist', 'apps', app);
  writeFileSync(
    join(project, 'cdktf.json'),
    JSON.stringify({
      language: 'typescript',
      app: `"${bin('tsx')}" "${join(root, 'apps', app, 'src', 'main.ts')}"`,
      output,
      projectId: 'platform-bench',
      sendCrashReports: 'false',
      terraformProviders: [],
      terraformModules: [],
      context: {},
    }),
  );
  const rc = join(project, 'terraform.rc');
  writeFileSync(rc, '');
  const { ms } = await measure(bin('cdktf'), ['synth'], {
    cwd: project,
    env: {
      CI: '1',
      TF_CLI_CONFIG_FILE: rc,
      TSX_TSCONFIG_PATH: join(root, 'tsconfig.base.json'),
      PLATFORM_OUTPUT_ROOT: outputRoot,
      PLATFORM_ENVIRONMENTS_DIR: join(root, 'environments'),
    },
  });
  rmSync(project, { recursive: true, force: true });
  return ms;
}

/** Every file below `dir`, relative path → content. */
function filesOf(dir, base = dir, files = new Map()) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) filesOf(path, base, files);
    else files.set(relative(base, path), readFileSync(path, 'utf8'));
  }
  return files;
}

/** Families whose stacks read `services` from the environment: they are what scales with services. */
function serviceFamilies() {
  return apps.filter((app) => {
    const dirs = [join(root, 'libs', 'aws', app, 'src'), join(root, 'libs', app, 'src')];
    return dirs.some(
      (dir) =>
        existsSync(dir) &&
        readdirSync(dir, { recursive: true })
          .filter((f) => String(f).endsWith('.ts') && !String(f).endsWith('.test.ts'))
          .some((f) =>
            /\b(?:env|environment)\.services\b/.test(readFileSync(join(dir, String(f)), 'utf8')),
          ),
    );
  });
}

const nx = (args, opts = {}) => measure(bin('nx'), [...args, '--outputStyle=static'], opts);
const figures = [];
const samples = {};
const sample = (key, value) => (samples[key] ??= []).push(value);
const figure = (id, name, value, format, target, met, note = '') =>
  figures.push({ id, figure: name, value, shown: format(value), target, met, note });

async function benchSynth() {
  log(`full synth: ${apps.length} apps × every environment, ${options.runs} run(s)`);
  for (let run = 1; run <= options.runs; run++) {
    // what `npm run synth` runs: Nx batches every synth task into one process
    const nxCold = await nx(['run-many', '-t', 'synth', '--skip-nx-cache'], { probe: true });
    sample('synth.nx.ms', nxCold.ms);
    sample('synth.nx.rss', Math.max(...synthProcesses(nxCold.processes).map((p) => p.maxRssKiB)));
    // the same tasks one process per app (Nx's parallelism instead of the batch): what it was
    const perApp = await nx(['run-many', '-t', 'synth', '--skip-nx-cache', '--batch=false']);
    sample('synth.nx-per-app.ms', perApp.ms);

    const ours = mkdtempSync(join(work, 'ours-'));
    const direct = await synthOneProcess(apps, ours);
    sample('synth.direct.ms', direct.ms);
    sample('synth.direct.cpuMs', direct.cpuMs);
    sample('synth.direct.rss', direct.maxRssKiB);

    const cli = mkdtempSync(join(work, 'cli-'));
    let baseline = 0;
    for (const app of apps) {
      const ms = await cdktfCliSynth(app, cli);
      baseline += ms;
      sample(`baseline.ms.${app}`, ms);
    }
    sample('baseline.ms', baseline);
    if (run === 1) {
      // same code, same output: the comparison is about how it runs, not what it builds
      for (const app of apps) {
        const a = filesOf(join(ours, 'dist', 'apps', app, 'stacks'));
        const b = filesOf(join(cli, 'dist', 'apps', app, 'stacks'));
        const same = a.size === b.size && [...a].every(([f, c]) => b.get(f) === c);
        if (!same) throw new Error(`${app}: cdktf-cli and synth.mjs wrote different stacks`);
      }
    }
    rmSync(ours, { recursive: true, force: true });
    rmSync(cli, { recursive: true, force: true });
    log(
      `  run ${run}: nx ${seconds(nxCold.ms)}, nx one process per app ${seconds(perApp.ms)}, ` +
        `synth.mjs ${seconds(direct.ms)}, cdktf-cli ${seconds(baseline)}`,
    );
  }
  const nxMs = median(samples['synth.nx.ms']);
  const perAppMs = median(samples['synth.nx-per-app.ms']);
  const directMs = median(samples['synth.direct.ms']);
  const baseMs = median(samples['baseline.ms']);
  const ratio = baseMs / nxMs;
  figure(
    'synth.baseline',
    `Full synth, cdktf-cli baseline (\`cdktf synth\` per app, ${apps.length} apps)`,
    baseMs,
    seconds,
    '',
    undefined,
  );
  figure(
    'synth.cold',
    'Full synth, cold (`nx run-many -t synth --skip-nx-cache`: one process for every app)',
    nxMs,
    seconds,
    '',
    undefined,
  );
  figure(
    'synth.speedup',
    'Full synth speed-up over the baseline',
    ratio,
    times,
    '≥ 8×',
    ratio >= 8,
  );
  figure(
    'synth.per-app',
    'Full synth, one process per app (`--batch=false`, as before), and its speed-up',
    perAppMs,
    (v) => `${seconds(v)} (${times(baseMs / v)})`,
    '',
    undefined,
  );
  figure(
    'synth.direct',
    'Full synth without Nx (`synth.mjs` with every app), and its speed-up',
    directMs,
    (v) => `${seconds(v)} (${times(baseMs / v)})`,
    '',
    undefined,
    `CPU ${seconds(median(samples['synth.direct.cpuMs']))}`,
  );
  const peak = Math.max(median(samples['synth.nx.rss']), median(samples['synth.direct.rss']));
  figure(
    'synth.memory',
    'Peak memory of the synth process (every app in one process)',
    peak,
    mib,
    '≤ 250 MB',
    peak <= 250 * 1024,
  );
}

async function benchWarm() {
  log(`warm synth vs Nx's no-op, ${options.runs} run(s)`);
  await nx(['run-many', '-t', 'synth']); // fills the cache when the synth section did not
  for (let run = 1; run <= options.runs; run++) {
    const warm = await nx(['run-many', '-t', 'synth']);
    if (!/cache/i.test(warm.output)) throw new Error('warm synth did not come from the Nx cache');
    const noop = await nx(['run-many', '-t', 'bench-noop']);
    sample('warm.ms', warm.ms);
    sample('noop.ms', noop.ms);
    log(`  run ${run}: warm ${seconds(warm.ms)}, nx no-op ${seconds(noop.ms)}`);
  }
  const warm = median(samples['warm.ms']);
  const noop = median(samples['noop.ms']);
  figure('warm.synth', 'Warm synth, nothing changed (Nx cache)', warm, seconds, '', undefined);
  figure(
    'warm.noop',
    "Nx's own no-op (`nx run-many -t <target no project has>`)",
    noop,
    seconds,
    '',
    undefined,
  );
  figure(
    'warm.overhead',
    'Warm synth minus Nx no-op',
    warm - noop,
    seconds,
    '≤ 0.5 s',
    warm - noop <= 500,
  );
}

async function benchTest() {
  log(`unit tests (nx run-many -t test --skip-nx-cache), ${options.runs} run(s)`);
  for (let run = 1; run <= options.runs; run++) {
    // a failing test still took its time: the figure notes which projects failed
    const { ms, status, output } = await nx(['run-many', '-t', 'test', '--skip-nx-cache'], {
      allowFailure: true,
    });
    sample('test.ms', ms);
    if (status !== 0) {
      const failed = [...output.matchAll(/^- (\S+):test$/gm)].map((m) => m[1]);
      for (const project of failed) {
        if (!samples['test.failed']?.includes(project)) sample('test.failed', project);
      }
    }
    log(`  run ${run}: ${seconds(ms)}${status !== 0 ? ' (tests FAILED)' : ''}`);
  }
  const ms = median(samples['test.ms']);
  figure(
    'test.wall',
    `Unit test suite, cold (\`nx run-many -t test\`, ${cores} cores)`,
    ms,
    seconds,
    '≤ 60 s',
    ms <= 60_000,
    samples['test.failed'] ? `failing: ${samples['test.failed'].join(', ')}` : '',
  );

  // End-to-end suites (every app synthesized twice, generators in a workspace copy): one run,
  // shown for scale; the unit target above is what the feedback loop is held to.
  log('end-to-end tests (nx run-many -t e2e --skip-nx-cache), 1 run');
  const e2e = await nx(['run-many', '-t', 'e2e', '--skip-nx-cache'], { allowFailure: true });
  figure(
    'e2e.wall',
    `End-to-end suites, cold (\`nx run-many -t e2e\`, ${cores} cores, 1 run)`,
    e2e.ms,
    seconds,
    '—',
    undefined,
    e2e.status !== 0 ? 'FAILED' : '',
  );
}

async function benchValidate() {
  const dist = join(root, 'dist', 'apps');
  const missing = apps.filter((app) => !existsSync(join(dist, app, 'stacks')));
  if (missing.length > 0) await nx(['run-many', '-t', 'synth']);
  const stacks = apps.flatMap((app) => readdirSync(join(dist, app, 'stacks')));
  log(`validate matrix: ${stacks.length} stacks, ${options.longRuns} run(s)`);
  const validate = join(root, 'tools/scripts/validate.mjs');
  const tf = terraformEnv(join(work, 'terraform'));
  // terraform itself, timed here: `init` + `validate -json` of one stack in a fresh folder
  const initAndValidate = async (stack) => {
    const app = stack.slice(0, stack.indexOf('-'));
    const dir = mkdtempSync(join(work, `tf-${stack}-`));
    copyFileSync(join(dist, app, 'stacks', stack, 'cdk.tf.json'), join(dir, 'cdk.tf.json'));
    const opts = { cwd: dir, env: tf.env };
    const init = await measure(
      'terraform',
      ['init', '-backend=false', '-input=false', '-no-color'],
      opts,
    );
    const check = await measure('terraform', ['validate', '-json', '-no-color'], {
      ...opts,
      allowFailure: true,
    });
    if (!JSON.parse(check.stdout).valid) throw new Error(`${stack} is not valid:\n${check.stdout}`);
    rmSync(dir, { recursive: true, force: true });
    return init.ms + check.ms;
  };
  // the first init fills the plugin cache, as validate.mjs's first stack does
  await initAndValidate(VALIDATE_SAMPLE[0]);
  for (let run = 1; run <= options.longRuns; run++) {
    sample(
      'validate.one.ms',
      await initAndValidate(VALIDATE_SAMPLE[(run - 1) % VALIDATE_SAMPLE.length]),
    );
    const matrix = await measure(
      process.execPath,
      [validate, ...apps.map((app) => join(dist, app))],
      {},
    );
    sample('validate.matrix.ms', matrix.ms);
    log(`  run ${run}: matrix ${seconds(matrix.ms)}`);
  }
  const one = median(samples['validate.one.ms']);
  const matrix = median(samples['validate.matrix.ms']);
  const ideal = (stacks.length * one) / cores;
  figure(
    'validate.one',
    'One stack: `terraform init` + `validate`',
    one,
    seconds,
    '',
    undefined,
    `median over runs of ${VALIDATE_SAMPLE.slice(0, options.longRuns).join(', ')}`,
  );
  figure(
    'validate.matrix',
    `Validate matrix, ${stacks.length} stacks on ${cores} cores (validate.mjs)`,
    matrix,
    seconds,
    `(stacks × one) / cores = ${seconds(ideal)}`,
    undefined,
  );
  figure(
    'validate.ratio',
    'Validate matrix ÷ ideal',
    matrix / ideal,
    times,
    'close to 1×',
    undefined,
  );
}

async function benchScale() {
  const families = serviceFamilies();
  log(
    `scale: ${families.join(', ')} with ${SCALE_SIZES.join(', ')} services, ${options.runs} run(s)`,
  );
  const dirs = Object.fromEntries(
    SCALE_SIZES.map((n) => {
      const dir = join(work, `environments-${n}`);
      generateEnvironments(join(root, 'environments'), dir, n);
      return [n, dir];
    }),
  );
  for (let run = 1; run <= options.runs; run++) {
    for (const n of SCALE_SIZES) {
      const out = mkdtempSync(join(work, `scale-${n}-`));
      const r = await synthOneProcess(families, out, { PLATFORM_ENVIRONMENTS_DIR: dirs[n] });
      sample(`scale.${n}.ms`, r.ms);
      sample(`scale.${n}.rss`, r.maxRssKiB);
      sample(`scale.${n}.cpuMs`, r.cpuMs);
      rmSync(out, { recursive: true, force: true });
      log(
        `  run ${run}: ${n} services ${seconds(r.ms)} (CPU ${seconds(r.cpuMs)}), ${mib(r.maxRssKiB)}`,
      );
    }
  }
  for (const n of SCALE_SIZES) {
    figure(
      `scale.${n}`,
      `Synth of ${families.join(' + ')} in one process, ${n} services × every environment (time, peak memory)`,
      median(samples[`scale.${n}.ms`]),
      (v) => `${seconds(v)}, ${mib(median(samples[`scale.${n}.rss`]))}`,
      '',
      undefined,
    );
  }
  const [small, large] = [SCALE_SIZES[0], SCALE_SIZES.at(-1)];
  const rss = median(samples[`scale.${large}.rss`]);
  figure(
    'scale.memory',
    `Peak memory of the synth process at ${large} services per environment`,
    rss,
    mib,
    '≤ 400 MB',
    rss <= 400 * 1024,
  );
  const [msSmall, msLarge] = [
    median(samples[`scale.${small}.ms`]),
    median(samples[`scale.${large}.ms`]),
  ];
  const slope = (msLarge - msSmall) / (large - small);
  const cpuSlope =
    (median(samples[`scale.${large}.cpuMs`]) - median(samples[`scale.${small}.cpuMs`])) /
    (large - small);
  figure(
    'scale.slope',
    `Scale: cost of each added service (slope between ${small} and ${large} services per environment)`,
    slope,
    seconds,
    `≤ ${seconds(SLOPE_BEFORE_MS)} (before one process)`,
    slope <= SLOPE_BEFORE_MS,
    `CPU ${seconds(cpuSlope)} per service`,
  );
  figure(
    'scale.ratio',
    `Scale: ${large} services ÷ ${small} services (rises as the fixed start-up cost falls)`,
    msLarge / msSmall,
    times,
    '',
    undefined,
  );
}

async function benchNpmTest() {
  // `npm test` as a clean clone runs it after `npm ci`: nothing in Nx's cache. One run (minutes).
  log('npm test with an empty Nx cache (npm test -- --skip-nx-cache), 1 run');
  const run = await measure('npm', ['test', '--', '--skip-nx-cache'], { allowFailure: true });
  figure(
    'npmtest.wall',
    `\`npm test\` with nothing cached (what a clean clone runs after \`npm ci\`; ${cores} cores, 1 run)`,
    run.ms,
    seconds,
    '< 10 min (CI limit 90 min)',
    run.status === 0 ? run.ms < 600_000 : false,
    run.status !== 0 ? 'FAILED' : '',
  );
}

// Hook for the plan matrix (issue 17, item 2): measured once projects have a `plan` target.
async function benchPlan() {
  const projects = await projectsWithTarget('plan');
  if (projects.length === 0) {
    log('plan matrix: no project has a `plan` target yet, skipped');
    figure(
      'plan.matrix',
      'Plan matrix (`nx run-many -t plan`)',
      undefined,
      seconds,
      '',
      undefined,
      'no `plan` target yet',
    );
    return;
  }
  // the stacks are read from the synth output: make sure it is there (a cache hit when it is)
  await nx(['run-many', '-t', 'synth']);
  const dist = join(root, 'dist', 'apps');
  // the stacks terraform plans offline: the AWS ones (GCP stacks are schema-checked, in seconds)
  const planned = (app, stack) =>
    'aws' in
    (JSON.parse(readFileSync(join(dist, app, 'stacks', stack, 'cdk.tf.json'), 'utf8')).provider ??
      {});
  // the planned stacks of each app (family), and the one of them timed alone: its dev stack
  const families = apps
    .map((app) => ({
      app,
      stacks: existsSync(join(dist, app, 'stacks'))
        ? readdirSync(join(dist, app, 'stacks'))
            .sort()
            .filter((stack) => planned(app, stack))
        : [],
    }))
    .filter((family) => family.stacks.length > 0)
    .map((family) => ({
      ...family,
      sample: family.stacks.find((s) => s.endsWith('-dev')) ?? family.stacks[0],
    }));
  const stacks = families.flatMap((family) => family.stacks);
  log(
    `plan matrix: ${projects.length} projects, ${stacks.length} stacks, ${options.longRuns} run(s)`,
  );
  const planner = join(root, 'libs', 'offline-plan', 'bin', 'plan-offline.js');
  // one stack of each family alone, one after another (init, plan, convergence), each stack's
  // seconds from the planner's own JSON, never its text
  const planEachAlone = async () => {
    const file = join(work, 'plan-alone.json');
    await measure(
      process.execPath,
      [planner, ...families.map((f) => f.sample), '--quiet', '--concurrency', '1', '--json', file],
      {},
    );
    return JSON.parse(readFileSync(file, 'utf8')).stacks;
  };
  for (let run = 1; run <= options.longRuns; run++) {
    for (const { stack, seconds: s } of await planEachAlone())
      sample(`plan.one.ms.${stack}`, s * 1000);
    const r = await nx(['run-many', '-t', 'plan', '--skip-nx-cache'], { allowFailure: true });
    sample('plan.matrix.ms', r.ms);
    const base = await measure(
      process.execPath,
      [planner, '--base', 'HEAD', 'network-dev', '--quiet', '--concurrency', `${cores}`],
      { allowFailure: true },
    );
    sample('plan.base.ms', base.ms);
    log(
      `  run ${run}: matrix ${seconds(r.ms)}${r.status !== 0 ? ' (FAILED)' : ''}, --base ${seconds(base.ms)}`,
    );
  }
  // every stack counted at the time its family's sample took alone
  const alone = families.map((f) => ({ ...f, ms: median(samples[`plan.one.ms.${f.sample}`]) }));
  const matrix = median(samples['plan.matrix.ms']);
  const ideal = alone.reduce((sum, f) => sum + f.ms * f.stacks.length, 0) / cores;
  const slowest = alone.reduce((a, b) => (b.ms > a.ms ? b : a));
  const fastest = alone.reduce((a, b) => (b.ms < a.ms ? b : a));
  figure(
    'plan.one',
    'Slowest AWS family: one of its stacks alone (`init` + plan + convergence check)',
    slowest.ms,
    seconds,
    '',
    undefined,
    `${slowest.sample}; fastest ${fastest.sample} ${seconds(fastest.ms)}`,
  );
  figure(
    'plan.matrix',
    `Plan matrix with convergence, ${stacks.length} AWS stacks on ${cores} cores (\`nx run-many -t plan\`, ${options.longRuns} run(s))`,
    matrix,
    seconds,
    `Σ (each stack at its family's time alone) / cores = ${seconds(ideal)}`,
    undefined,
  );
  figure('plan.ratio', 'Plan matrix ÷ ideal', matrix / ideal, times, 'close to 1×', undefined);
  figure(
    'plan.base',
    'One change plan (`plan:offline --base HEAD network-dev`: synth both, plan base, converge, plan head)',
    median(samples['plan.base.ms']),
    seconds,
    '',
    undefined,
  );
}

/**
 * The pull-request path: a one-line change to one environment file, then what CI runs for it
 * (`nx affected` synth, and plan once projects have that target), with everything else cached.
 */
async function benchPr() {
  const file = join(root, 'environments', 'dev.yaml');
  const original = readFileSync(file, 'utf8');
  const targets = (await projectsWithTarget('plan')).length > 0 ? ['synth', 'plan'] : ['synth'];
  const affected = ['affected', '-t', ...targets, `--files=${relative(root, file)}`];
  log(
    `PR path: a one-line change to ${relative(root, file)}, then nx ${affected.join(' ')}, ${options.longRuns} run(s)`,
  );
  await nx(['run-many', '-t', ...targets]); // everything else cached, as on a warm CI cache
  const restore = () => writeFileSync(file, original);
  const interrupted = () => {
    restore();
    process.exit(130);
  };
  process.once('SIGINT', interrupted);
  try {
    for (let run = 1; run <= options.longRuns; run++) {
      // a comment changes every affected task's inputs (a cache miss) and nothing in the output
      writeFileSync(file, `${original}# bench: one-line change, run ${run} ${Date.now()}\n`);
      const r = await nx(affected);
      sample('pr.ms', r.ms);
      restore();
      log(`  run ${run}: ${seconds(r.ms)}`);
    }
  } finally {
    restore();
    process.off('SIGINT', interrupted);
  }
  const projects = await measure(bin('nx'), [
    'show',
    'projects',
    '--affected',
    `--files=${relative(root, file)}`,
    '--with-target',
    'synth',
    '--json',
  ]);
  figure(
    'pr.wall',
    `PR path: one line of \`environments/dev.yaml\` changed → \`nx affected -t ${targets.join(' ')}\` (${JSON.parse(projects.stdout).length} apps affected, ${options.longRuns} run(s))`,
    median(samples['pr.ms']),
    seconds,
    '',
    undefined,
  );
}

function table() {
  const rows = figures.map(
    (f) =>
      `| ${f.figure} | ${f.shown}${f.note ? ` (${f.note})` : ''} | ${f.target || '—'} | ${f.met === undefined ? '—' : f.met ? 'yes' : '**no**'} |`,
  );
  return ['| figure | value | target | met? |', '|---|---|---|---|', ...rows].join('\n');
}

function machine() {
  const [one, five] = loadavg();
  return {
    cores,
    cpu: cpus()[0]?.model?.trim() ?? 'unknown',
    node: process.version,
    platform: `${process.platform}-${process.arch}`,
    loadAverageAtStart: [Number(one.toFixed(2)), Number(five.toFixed(2))],
  };
}

async function writeReadme(report) {
  const path = join(root, 'README.md');
  const readme = readFileSync(path, 'utf8');
  const m = report.machine;
  const block = [
    '<!-- bench:start (written by `npm run bench -- --readme`; edit the text around it, not in it) -->',
    `Latest run: ${report.date.slice(0, 16).replace('T', ' ')} UTC, ${m.cores} cores (${m.cpu}), Node ${m.node}, ` +
      `load average ${m.loadAverageAtStart.join(' / ')} (1 / 5 min) at the start, median of ${report.runs} run(s)` +
      `${report.longRuns === report.runs ? '' : ` (plan and PR path: ${report.longRuns})`}` +
      `${report.sections.length < DEFAULT_SECTIONS.length ? `, sections: ${report.sections.join(', ')}` : ''}.`,
    '',
    table(),
    '<!-- bench:end -->',
  ].join('\n');
  const marked = /<!-- bench:start[^]*?<!-- bench:end -->/;
  let next;
  if (marked.test(readme)) next = readme.replace(marked, block);
  else {
    const section = `## Performance\n\n${block}\n\n`;
    const at = readme.indexOf('\n## Decisions');
    next =
      at === -1
        ? `${readme}\n${section}`
        : `${readme.slice(0, at + 1)}${section}${readme.slice(at + 1)}`;
  }
  // the README is checked by prettier (`npm run format:check`): write it the way prettier would
  const prettier = await import('prettier');
  const config = await prettier.resolveConfig(path);
  writeFileSync(path, await prettier.format(next, { ...config, filepath: path }));
  log('README.md: Performance section updated');
}

const started = Date.now();
const date = new Date().toISOString();
const info = machine();
log(
  `${info.cores} cores, ${info.cpu}, node ${info.node}, load ${info.loadAverageAtStart.join(' / ')}; work folder ${work}`,
);
try {
  const steps = {
    synth: benchSynth,
    warm: benchWarm,
    test: benchTest,
    npmtest: benchNpmTest,
    validate: benchValidate,
    plan: benchPlan,
    pr: benchPr,
    scale: benchScale,
  };
  for (const section of SECTIONS) if (options.only.includes(section)) await steps[section]();
  const report = {
    date,
    machine: info,
    runs: options.runs,
    longRuns: options.longRuns,
    sections: options.only,
    durationSeconds: Math.round((Date.now() - started) / 1000),
    figures: figures.map(({ shown, ...f }) => ({ ...f, shown })),
    samples,
  };
  mkdirSync(dirname(options.json), { recursive: true });
  writeFileSync(options.json, `${JSON.stringify(report, null, 2)}\n`);
  console.log(table());
  log(`done in ${report.durationSeconds} s; wrote ${relative(process.cwd(), options.json)}`);
  if (options.readme) await writeReadme(report);
} finally {
  rmSync(work, { recursive: true, force: true });
}
