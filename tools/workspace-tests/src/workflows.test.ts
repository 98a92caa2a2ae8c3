import { validateWorkflow } from '@action-validator/core';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { ROOT } from './synth';

const dir = join(ROOT, '.github', 'workflows');
const workflows = readdirSync(dir)
  .filter((f) => f.endsWith('.yml'))
  .sort();
const read = (file: string) => readFileSync(join(dir, file), 'utf8');

describe('GitHub workflows', () => {
  it('pr, deploy and drift exist', () => {
    expect(workflows).toEqual(expect.arrayContaining(['pr.yml', 'deploy.yml', 'drift.yml']));
  });

  it.each(workflows)('%s passes the workflow schema validator', (file) => {
    expect(validateWorkflow(read(file)).errors).toEqual([]);
  });

  it('the validator rejects a broken workflow (the check can fail)', () => {
    expect(
      validateWorkflow('on: push\njobs:\n  a:\n    runs-onx: ubuntu-latest\n').errors,
    ).not.toEqual([]);
  });

  it('terraform output is never mangled by the setup-terraform wrapper', () => {
    for (const file of workflows) {
      for (const match of read(file).matchAll(
        /uses: hashicorp\/setup-terraform@\S+\n(\s+with:\n(?:\s{8,}.*\n)+)/g,
      )) {
        expect({ file, wrapper: /terraform_wrapper: false/.test(match[1]!) }).toEqual({
          file,
          wrapper: true,
        });
      }
    }
  });

  it('deploys go dev → staging → prod, each applied behind its GitHub environment, never two at once', () => {
    const deploy = parse(read('deploy.yml'));
    expect(deploy.jobs.staging.needs).toBe('dev');
    expect(deploy.jobs.prod.needs).toBe('staging');
    const job = parse(read('deploy-environment.yml')).jobs.apply;
    expect(job.environment).toBe('${{ inputs.environment }}');
    expect(job.concurrency).toEqual({
      group: 'deploy-${{ inputs.environment }}',
      'cancel-in-progress': false,
    });
  });

  it('Google Cloud environments deploy gcpdev → gcpprod beside the AWS path, authenticating through Workload Identity Federation, never a key', () => {
    const deploy = parse(read('deploy.yml'));
    expect(deploy.jobs.gcpprod.needs).toBe('gcpdev');
    expect(deploy.jobs.gcpdev.with).toEqual({ environment: 'gcpdev', cloud: 'gcp' });
    expect(deploy.jobs.dev.with).toEqual({ environment: 'dev', cloud: 'aws' });
    const { jobs } = parse(read('deploy-environment.yml'));
    for (const job of [jobs.plan, jobs.apply]) {
      const auth = (
        job.steps as { uses?: string; if?: string; with?: Record<string, string> }[]
      ).filter((s) => s.uses?.startsWith('google-github-actions/auth@'));
      expect(auth).toHaveLength(1);
      expect(auth[0]!.if).toBe("${{ inputs.cloud == 'gcp' }}");
      expect(Object.keys(auth[0]!.with ?? {}).sort()).toEqual([
        'service_account',
        'workload_identity_provider',
      ]);
    }
    for (const file of workflows)
      expect(read(file)).not.toMatch(/credentials_json|GOOGLE_CREDENTIALS/);
  });

  it('the deploy plans with the plan role outside the environment and applies the saved plan inside it', () => {
    const { jobs } = parse(read('deploy-environment.yml'));
    expect(jobs.plan.environment).toBeUndefined();
    const planSteps = JSON.stringify(jobs.plan.steps);
    expect(planSteps).toContain('PLAN_ROLE_ARN_');
    expect(planSteps).toContain('saved-plan.mjs plan');
    expect(jobs.apply.needs).toBe('plan');
    const applySteps = JSON.stringify(jobs.apply.steps);
    expect(applySteps).toContain('vars.DEPLOY_ROLE_ARN');
    expect(applySteps).toContain('saved-plan.mjs apply');
    expect(applySteps).not.toContain('auto-approve');
    expect(applySteps).not.toMatch(/nx [a-z ]*-t deploy/);
  });

  it('every action from another repository is pinned to a full commit SHA, with its tag in a comment', () => {
    for (const file of workflows) {
      for (const [, ref] of read(file).matchAll(/uses:\s*(\S+)/g)) {
        if (ref!.startsWith('./')) continue;
        expect({ file, ref }).toEqual({
          file,
          ref: expect.stringMatching(/^[\w.-]+\/[\w./-]+@[0-9a-f]{40}$/),
        });
      }
      for (const line of read(file)
        .split('\n')
        .filter((l) => /uses:\s*[^.\s]/.test(l))) {
        expect(line).toMatch(/@[0-9a-f]{40} # v\d+\.\d+\.\d+$/);
      }
    }
  });

  it('jobs that can get a cloud token run no package lifecycle scripts', () => {
    for (const file of workflows) {
      const workflow = parse(read(file));
      const inherited = workflow.permissions?.['id-token'] === 'write';
      for (const [name, job] of Object.entries<Record<string, any>>(workflow.jobs)) {
        if (job['uses']) continue;
        const token = job['permissions'] ? job['permissions']['id-token'] === 'write' : inherited;
        if (!token) continue;
        for (const step of job['steps'] as { run?: string }[]) {
          for (const command of (step.run ?? '').matchAll(/npm (ci|install)\b[^\n&|;]*/g)) {
            expect({ file, job: name, command: command[0] }).toEqual({
              file,
              job: name,
              command: expect.stringContaining('--ignore-scripts'),
            });
          }
        }
      }
    }
  });

  it('the pull-request comment and guard run the base branch code, and artifacts are short-lived', () => {
    const pr = parse(read('pr.yml'));
    const checkout = pr.jobs.summary.steps.find((s: { uses?: string }) =>
      s.uses?.startsWith('actions/checkout@'),
    );
    expect(checkout.with.ref).toBe('${{ github.event.pull_request.base.sha }}');
    for (const file of workflows) {
      for (const job of Object.values<Record<string, any>>(parse(read(file)).jobs)) {
        for (const step of (job['steps'] ?? []) as {
          uses?: string;
          with?: Record<string, unknown>;
        }[]) {
          if (step.uses?.startsWith('actions/upload-artifact@')) {
            expect(step.with?.['retention-days']).toBeLessThanOrEqual(2);
          }
        }
      }
    }
  });

  it('checkov is pinned and accepts findings per resource through a baseline, never a skipped check', () => {
    const pr = read('pr.yml');
    expect(pr).toMatch(/pip install checkov==\d+\.\d+\.\d+/);
    expect(pr).toContain('--baseline dist/checkov.baseline');
    expect(pr).not.toContain('--skip-check');
  });

  it('pull-request plans assume the plan role, and the guard runs unless a reviewer labels the PR', () => {
    const pr = read('pr.yml');
    expect(pr).toContain("role-to-assume: ${{ vars[format('PLAN_ROLE_ARN_{0}', matrix.env)] }}");
    expect(pr).toMatch(
      /if: \$\{\{ !contains\(github\.event\.pull_request\.labels\.\*\.name, 'allow-destroy'\) \}\}\n\s+run: \|\n(.*\n)*?\s+npx plan-review guard/,
    );
  });

  it('drift uses a refresh-only plan with a detailed exit code', () => {
    expect(read('drift.yml')).toContain('terraform plan -refresh-only -detailed-exitcode');
  });
});
