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

  it('deploys go dev → staging → prod, each through its GitHub environment, never two at once', () => {
    const deploy = parse(read('deploy.yml'));
    expect(deploy.jobs.staging.needs).toBe('dev');
    expect(deploy.jobs.prod.needs).toBe('staging');
    const job = parse(read('deploy-environment.yml')).jobs.deploy;
    expect(job.environment).toBe('${{ inputs.environment }}');
    expect(job.concurrency).toEqual({
      group: 'deploy-${{ inputs.environment }}',
      'cancel-in-progress': false,
    });
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
