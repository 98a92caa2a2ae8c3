#!/usr/bin/env node
// Apply exactly what was reviewed, for one environment (the deploy workflow's two jobs):
//
//   saved-plan.mjs plan  --env=ENV [--apps=a,b]   plan every affected stack (dependency order)
//                                                  into dist/deploy/<stack>/approved.tfplan, with
//                                                  plan.json and the markdown summary beside it
//   saved-plan.mjs apply --env=ENV                 in the same order: plan again; apply the
//                                                  approved file only if the fresh plan makes
//                                                  the same changes, else stop: it needs approval
//
// A saved plan holds the remote-state values read when it was made. When a producer applied in
// this run changes what a consumer reads, the consumer's fresh plan differs from the approved
// one and the run stops before it: re-run the workflow to plan and approve it again.
// The bootstrap family is never planned or applied here (its administrator applies it).
// Locally, `npx nx run <app>:deploy -c <env>` keeps working as before (cdktf-cli).
import { execFileSync, spawnSync } from 'node:child_process';
import {
  appendFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  writeFileSync,
} from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { environmentsWithoutStack } from './synth-manifest.mjs';

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: { env: { type: 'string' }, apps: { type: 'string' } },
});
const [command] = positionals;
const environments = readdirSync('environments')
  .filter((f) => f.endsWith('.yaml'))
  .map((f) => f.slice(0, -5));
if (!['plan', 'apply'].includes(command) || !values.env || !environments.includes(values.env)) {
  console.error(
    `usage: saved-plan.mjs plan|apply --env=${environments.sort().join('|')} [--apps=a,b]`,
  );
  process.exit(2);
}
const env = values.env;
const out = join('dist', 'deploy');

/** Apps with a deploy target, ordered so every app comes after its implicitDependencies. */
function appsInOrder() {
  const deps = new Map();
  for (const app of readdirSync('apps')) {
    const file = join('apps', app, 'project.json');
    if (!existsSync(file)) continue;
    const project = JSON.parse(readFileSync(file, 'utf8'));
    if (!project.targets?.deploy || app === 'bootstrap') continue;
    deps.set(app, project.implicitDependencies ?? []);
  }
  const ordered = [];
  const visit = (app) => {
    if (ordered.includes(app) || !deps.has(app)) return;
    for (const d of deps.get(app)) visit(d);
    ordered.push(app);
  };
  [...deps.keys()].sort().forEach(visit);
  return ordered;
}

const terraform = (dir, args, capture = false) => {
  const result = spawnSync('terraform', args, {
    cwd: dir,
    encoding: 'utf8',
    stdio: capture ? ['ignore', 'pipe', 'inherit'] : 'inherit',
    env: { ...process.env, CHECKPOINT_DISABLE: '1', TF_IN_AUTOMATION: '1' },
  });
  if (result.status !== 0) {
    console.error(`saved-plan: terraform ${args[0]} failed in ${dir} (its output is above)`);
    process.exit(1);
  }
  return result.stdout;
};

/** What a plan changes: resource changes and output changes, without timestamps or prior state. */
export function changesOf(plan) {
  const pick = (c) => ({
    actions: c.change.actions,
    after: c.change.after,
    unknown: c.change.after_unknown,
  });
  return JSON.stringify({
    resources: (plan.resource_changes ?? [])
      .filter((c) => !(c.change.actions.length === 1 && c.change.actions[0] === 'no-op'))
      .map((c) => ({ address: c.address, ...pick(c) })),
    outputs: Object.fromEntries(
      Object.entries(plan.output_changes ?? {})
        .filter(([, c]) => c.actions.join() !== 'no-op')
        .map(([k, c]) => [k, { actions: c.actions, after: c.after }]),
    ),
  });
}

const summary = (text) => {
  console.log(text);
  if (process.env.GITHUB_STEP_SUMMARY) appendFileSync(process.env.GITHUB_STEP_SUMMARY, `${text}\n`);
};

const only = values.apps ? new Set(values.apps.split(',').filter(Boolean)) : undefined;
const apps = appsInOrder().filter((a) => !only || only.has(a));
mkdirSync(out, { recursive: true });

/** Whether synth wrote no stack of `app` for this environment because of its cloud. */
function runsElsewhere(app) {
  return environmentsWithoutStack(app).includes(env);
}

if (command === 'plan') {
  const planned = [];
  for (const app of apps) {
    const stack = `${app}-${env}`;
    const dir = join('dist', 'apps', app, 'stacks', stack);
    if (runsElsewhere(app)) {
      console.log(`${stack}: none (${app} builds no stack for ${env})`);
      continue;
    }
    if (!existsSync(join(dir, 'cdk.tf.json'))) {
      throw new Error(`${stack} is not synthesized: run nx run ${app}:synth`);
    }
    const target = join(out, stack);
    mkdirSync(target, { recursive: true });
    terraform(dir, ['init', '-input=false']);
    // The plan role cannot write the lock object: -lock=false (apply plans again with the lock).
    terraform(dir, [
      'plan',
      '-input=false',
      '-lock=false',
      `-out=${resolve(target, 'approved.tfplan')}`,
    ]);
    const json = terraform(dir, ['show', '-json', resolve(target, 'approved.tfplan')], true);
    writeFileSync(join(target, 'plan.json'), json);
    planned.push(stack);
  }
  writeFileSync(join(out, 'stacks.json'), `${JSON.stringify(planned)}\n`);
  summary(
    `## Plan for ${env}: ${planned.length} stack(s), in apply order\n\n${planned.map((s) => `- ${s}`).join('\n') || 'Nothing affected.'}\n`,
  );
  if (planned.length > 0) {
    const md = execFileSync(
      'npx',
      [
        'plan-review',
        'summarize',
        '--format',
        'markdown',
        ...planned.map((s) => join(out, s, 'plan.json')),
      ],
      { encoding: 'utf8' },
    );
    summary(md);
  }
} else {
  const list = join(out, 'stacks.json');
  if (!existsSync(list)) {
    console.error(
      `saved-plan apply: ${list} is missing; run saved-plan.mjs plan --env=${env} first (or download its artifact)`,
    );
    process.exit(2);
  }
  const approved = JSON.parse(readFileSync(list, 'utf8'));
  for (const stack of approved) {
    const app = stack.slice(0, -(env.length + 1));
    const dir = join('dist', 'apps', app, 'stacks', stack);
    const saved = resolve(out, stack, 'approved.tfplan');
    terraform(dir, ['init', '-input=false']);
    terraform(dir, ['plan', '-input=false', '-out=fresh.tfplan']);
    const fresh = JSON.parse(terraform(dir, ['show', '-json', 'fresh.tfplan'], true));
    const reviewed = JSON.parse(readFileSync(join(out, stack, 'plan.json'), 'utf8'));
    if (changesOf(fresh) !== changesOf(reviewed)) {
      summary(
        `### ${stack}: stopped, its plan changed since approval\n\nA stack applied earlier in this run (or a change outside it) moved what ${stack} reads. Nothing more is applied: re-run this workflow to plan it again and approve the new plan.`,
      );
      process.exit(1);
    }
    terraform(dir, ['apply', '-input=false', saved]);
    summary(`- ${stack}: applied the approved plan`);
  }
}
