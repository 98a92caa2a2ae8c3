#!/usr/bin/env node
// `npm run bench`: holds synth, tests and validation to the numbers of issue 8, side by side with
// what plain cdktf gives (`cdktf synth` through the CLI, per app). Prints a markdown table and
// writes dist/bench/bench.json; every figure is the median of --runs runs.
//
//   npm run bench                         every figure, 3 runs (about 10 minutes on a quiet 2-core machine)
//   npm run bench -- --runs 1             one run of each
//   npm run bench -- --only synth,scale   some sections: synth, warm, test, validate, scale
//   npm run bench -- --readme             also rewrite the "## Performance" section of README.md
//   npm run bench -- --json out.json      write the JSON elsewhere
//
// Nothing is written into the repository but dist/ (the synth outputs Nx would write anyway) and,
// with --readme, README.md. Temporary environments, outputs and cdktf projects live in the OS
// temp folder and are removed at the end.
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
import { generateEnvironments } from './generate-environments.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const SECTIONS = ['synth', 'warm', 'test', 'validate', 'scale'];
const SCALE_SIZES = [10, 50, 100];
const VALIDATE_SAMPLE = ['network-dev', 'ecs-prod', 'eks-staging'];

const options = parseArgs(process.argv.slice(2));
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

function parseArgs(argv) {
  const opts = {
    runs: 3,
    readme: false,
    only: SECTIONS,
    json: join(root, 'dist/bench/bench.json'),
  };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split('=');
    const value = () => inline ?? argv[++i];
    if (flag === '--runs') opts.runs = Number(value());
    else if (flag === '--readme') opts.readme = true;
    else if (flag === '--json') opts.json = value();
    else if (flag === '--only') opts.only = value().split(',');
    else {
      console.error(`bench: unknown option ${argv[i]}\n${usage()}`);
      process.exit(2);
    }
  }
  const unknown = opts.only.filter((s) => !SECTIONS.includes(s));
  if (!Number.isInteger(opts.runs) || opts.runs < 1 || unknown.length > 0) {
    console.error(`bench: bad --runs or --only (${unknown.join(', ')})\n${usage()}`);
    process.exit(2);
  }
  return opts;
}

function usage() {
  return `usage: npm run bench -- [--runs N] [--only ${SECTIONS.join(',')}] [--readme] [--json FILE]`;
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
  const { status, output } = await new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env: fullEnv, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ status: code, output: out }));
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
  return { ms, output, processes, status };
}

/** One app's synth as Nx runs it (synth.mjs), into `outputRoot`: wall time, the app process's peak memory. */
async function synthApp(app, outputRoot, env = {}) {
  const { ms, processes } = await measure(
    process.execPath,
    [join(root, 'tools/scripts/synth.mjs'), app],
    { env: { PLATFORM_OUTPUT_ROOT: outputRoot, ...env }, probe: true },
  );
  const synth = processes.filter((p) => p.argv.some((a) => a.endsWith('main.ts')));
  return {
    ms,
    maxRssKiB: Math.max(...synth.map((p) => p.maxRssKiB)),
    cpuMs: processes.reduce((sum, p) => sum + p.cpuMs, 0),
  };
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
    const nxCold = await nx(['run-many', '-t', 'synth', '--skip-nx-cache']);
    sample('synth.nx.ms', nxCold.ms);

    const ours = mkdtempSync(join(work, 'ours-'));
    let sequential = 0;
    let cpu = 0;
    for (const app of apps) {
      const r = await synthApp(app, ours);
      sequential += r.ms;
      cpu += r.cpuMs;
      sample(`synth.rss.${app}`, r.maxRssKiB);
      sample(`synth.ms.${app}`, r.ms);
    }
    sample('synth.sequential.ms', sequential);
    sample('synth.sequential.cpuMs', cpu);

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
      `  run ${run}: nx ${seconds(nxCold.ms)}, sequential ${seconds(sequential)}, cdktf-cli ${seconds(baseline)}`,
    );
  }
  const nxMs = median(samples['synth.nx.ms']);
  const seqMs = median(samples['synth.sequential.ms']);
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
    'Full synth, cold (`nx run-many -t synth --skip-nx-cache`)',
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
    'synth.sequential',
    'Full synth, one app after another (synth.mjs, no Nx), and its speed-up',
    seqMs,
    (v) => `${seconds(v)} (${times(baseMs / v)})`,
    '',
    undefined,
    `CPU ${seconds(median(samples['synth.sequential.cpuMs']))}`,
  );
  const peaks = apps.map((app) => [app, median(samples[`synth.rss.${app}`])]);
  const [peakApp, peak] = peaks.sort((a, b) => b[1] - a[1])[0];
  figure(
    'synth.memory',
    `Peak memory of one synth process (largest: ${peakApp})`,
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
  log(`validate matrix: ${stacks.length} stacks, ${options.runs} run(s)`);
  const validate = join(root, 'tools/scripts/validate.mjs');
  for (let run = 1; run <= options.runs; run++) {
    // one sample stack per run, in turn: each costs two validates (a cache fill, then the timed one)
    for (const stack of [VALIDATE_SAMPLE[(run - 1) % VALIDATE_SAMPLE.length]]) {
      const app = stack.slice(0, stack.indexOf('-'));
      // validate.mjs runs its first stack alone to fill a fresh plugin cache: a copy named to
      // sort first takes that cost, so the measured stack runs alone with the cache filled
      const one = join(work, `one-${stack}`);
      for (const name of ['0-plugin-cache', stack]) {
        mkdirSync(join(one, 'stacks', name), { recursive: true });
        copyFileSync(
          join(dist, app, 'stacks', stack, 'cdk.tf.json'),
          join(one, 'stacks', name, 'cdk.tf.json'),
        );
      }
      const { output } = await measure(process.execPath, [validate, one]);
      const seconds = output.match(new RegExp(` ok {3}${stack} \\(([\\d.]+) s`));
      if (!seconds) throw new Error(`validate printed no time for ${stack}:\n${output}`);
      sample('validate.one.ms', Number(seconds[1]) * 1000);
      rmSync(one, { recursive: true, force: true });
    }
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
    `median over runs of ${VALIDATE_SAMPLE.slice(0, options.runs).join(', ')}`,
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
      let ms = 0;
      let rss = 0;
      for (const family of families) {
        const r = await synthApp(family, out, { PLATFORM_ENVIRONMENTS_DIR: dirs[n] });
        ms += r.ms;
        rss = Math.max(rss, r.maxRssKiB);
      }
      sample(`scale.${n}.ms`, ms);
      sample(`scale.${n}.rss`, rss);
      rmSync(out, { recursive: true, force: true });
      log(`  run ${run}: ${n} services ${seconds(ms)}, ${mib(rss)}`);
    }
  }
  for (const n of SCALE_SIZES) {
    figure(
      `scale.${n}`,
      `Synth of ${families.join(' + ')}, ${n} services × every environment (time, peak memory)`,
      median(samples[`scale.${n}.ms`]),
      (v) => `${seconds(v)}, ${mib(median(samples[`scale.${n}.rss`]))}`,
      '',
      undefined,
    );
  }
  const [small, large] = [SCALE_SIZES[0], SCALE_SIZES.at(-1)];
  const ratio = median(samples[`scale.${large}.ms`]) / median(samples[`scale.${small}.ms`]);
  figure(
    'scale.ratio',
    `Scale: ${large} services ÷ ${small} services`,
    ratio,
    times,
    '≤ 3×',
    ratio <= 3,
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
      `${report.sections.length < SECTIONS.length ? `, sections: ${report.sections.join(', ')}` : ''}.`,
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
    validate: benchValidate,
    scale: benchScale,
  };
  for (const section of SECTIONS) if (options.only.includes(section)) await steps[section]();
  const report = {
    date,
    machine: info,
    runs: options.runs,
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
