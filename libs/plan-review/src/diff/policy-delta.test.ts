import { writeSynthOutput } from '../../test-fixtures/synth-dirs';
import { InputError } from '../errors';
import { renderDiffJson, renderDiffMarkdown } from './render-diff';
import { diffSynthOutputs } from './synth-diff';

const bucket = (lifecycle?: object) => ({
  resource: { aws_s3_bucket: { state: { bucket: 'state', ...(lifecycle ? { lifecycle } : {}) } } },
});

describe('plan-review diff: what the plan JSON cannot show', () => {
  it('flags prevent_destroy switched off, and a resource removed together with it, as high', () => {
    const base = writeSynthOutput({
      'bootstrap-prod': {
        resource: {
          aws_s3_bucket: {
            state: { bucket: 's', lifecycle: { prevent_destroy: true } },
            logs: { bucket: 'l', lifecycle: { prevent_destroy: true } },
            kept: { bucket: 'k', lifecycle: { prevent_destroy: true } },
          },
        },
      },
    });
    const head = writeSynthOutput({
      'bootstrap-prod': {
        resource: {
          aws_s3_bucket: {
            state: { bucket: 's' },
            kept: { bucket: 'k', lifecycle: { prevent_destroy: true } },
          },
        },
      },
    });
    const diff = diffSynthOutputs(base, head);
    expect(diff.preventDestroyRemoved).toEqual(
      [
        { stack: 'bootstrap-prod', address: 'aws_s3_bucket.state', resourceRemoved: false },
        { stack: 'bootstrap-prod', address: 'aws_s3_bucket.logs', resourceRemoved: true },
      ].sort((a, b) => a.address.localeCompare(b.address)),
    );
    const md = renderDiffMarkdown(diff);
    expect(md).toContain('### 🔴 prevent_destroy removed (2)');
    expect(md).toContain(
      '- **high** `bootstrap-prod` `aws_s3_bucket.state`: `lifecycle.prevent_destroy` true → unset: terraform may now destroy it',
    );
  });

  it('shows the suppressions and findings a change adds, removes or re-words, with their reasons', () => {
    const base = writeSynthOutput(
      { 'ecs-prod': bucket() },
      {
        suppressions: {
          'ecs-prod': [
            { rule: 'S3_LOGGING', path: 'ecs-prod/alb-logs', reason: 'the log bucket itself' },
            { rule: 'OLD_RULE', path: 'ecs-prod/x', reason: 'gone soon' },
          ],
        },
      },
    );
    const head = writeSynthOutput(
      { 'ecs-prod': bucket() },
      {
        suppressions: {
          'ecs-prod': [
            { rule: 'S3_LOGGING', path: 'ecs-prod/alb-logs', reason: 'logs of logs would loop' },
            { rule: 'SG_OPEN_INGRESS', path: 'ecs-prod/alb/sg', reason: 'public ALB on 443' },
          ],
        },
        findings: {
          'ecs-prod': [{ rule: 'LOG_RETENTION', path: 'ecs-prod/logs', message: 'under 365 days' }],
        },
      },
    );
    const diff = diffSynthOutputs(base, head);
    const md = renderDiffMarkdown(diff);
    expect(md).toContain(
      '- ➕ **new suppression** `ecs-prod` `SG_OPEN_INGRESS` at `ecs-prod/alb/sg` — reason: public ALB on 443',
    );
    expect(md).toContain(
      '- ✏️ **suppression reason changed** `ecs-prod` `S3_LOGGING` at `ecs-prod/alb-logs`: the log bucket itself → logs of logs would loop',
    );
    expect(md).toContain(
      '- ➖ **suppression removed** `ecs-prod` `OLD_RULE` at `ecs-prod/x` (was: gone soon)',
    );
    expect(md).toContain(
      '- ⚠️ **new finding** `ecs-prod` `LOG_RETENTION` at `ecs-prod/logs`: under 365 days',
    );
    expect(JSON.parse(renderDiffJson(diff)).policy.suppressionsAdded).toEqual([
      {
        rule: 'SG_OPEN_INGRESS',
        path: 'ecs-prod/alb/sg',
        reason: 'public ALB on 443',
        stack: 'ecs-prod',
      },
    ]);
  });

  it('says nothing about policy when neither side has a report', () => {
    const dir = writeSynthOutput({ 'ecs-prod': bucket() });
    expect(renderDiffMarkdown(diffSynthOutputs(dir, dir))).not.toContain('Policy delta');
  });

  it('rejects a malformed report naming the file and the field', () => {
    const bad = writeSynthOutput(
      { 'ecs-prod': bucket() },
      { suppressions: { 'ecs-prod': [{ rule: 'X' }] } },
    );
    expect(() => diffSynthOutputs(bad, bad)).toThrow(InputError);
    expect(() => diffSynthOutputs(bad, bad)).toThrow(
      /policy-report\.json: suppressions\.ecs-prod\.0\.path: /,
    );
  });
});
