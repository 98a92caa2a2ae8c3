import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { CloudwatchLogGroup } from '@cdktf/provider-aws/lib/cloudwatch-log-group';
import { App, TerraformStack } from 'cdktf';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PolicyAspect, policyReportOf, takeCheckedJson } from './aspect';
import { logGroupKms } from './rules/logs/kms';
import { logGroupRetention } from './rules/logs/retention';
import { suppress } from './suppressions';
import { Aspects } from 'cdktf';
import { addCustomSynthesis } from 'cdktf/lib/synthesize/synthesizer';
import type { Rule } from './types';

function stackWithLogGroup(
  configure?: (group: CloudwatchLogGroup) => void,
  rules: readonly Rule[] = [logGroupKms, logGroupRetention],
) {
  const app = new App({ outdir: mkdtempSync(join(tmpdir(), 'policy-')), stackTraces: false });
  const stack = new TerraformStack(app, 'demo');
  new AwsProvider(stack, 'aws', { region: 'eu-west-1' });
  const group = new CloudwatchLogGroup(stack, 'logs', { name: 'demo', retentionInDays: 30 });
  configure?.(group);
  Aspects.of(stack).add(new PolicyAspect(rules));
  return { app, stack, group };
}

describe('policy aspect', () => {
  it('fails app.synth with the rule, the checkov id, the construct path and the fix', () => {
    const { app } = stackWithLogGroup();
    expect(() => app.synth()).toThrow(
      /\[PLT-LOGS-KMS \/ CKV_AWS_158, AVD-AWS-0017\] demo\/logs \(aws_cloudwatch_log_group\.logs\): Log group is not encrypted .* Fix: set kms_key_id/,
    );
  });

  it('honours a reasoned suppression and lists it in the report', () => {
    const { app, stack } = stackWithLogGroup((group) =>
      suppress(group, 'PLT-LOGS-KMS', 'demo logs hold no data and are deleted daily'),
    );
    app.synth();
    expect(policyReportOf(stack)?.suppressed).toEqual([
      {
        rule: 'PLT-LOGS-KMS',
        address: 'aws_cloudwatch_log_group.logs',
        path: 'demo/logs',
        reason: 'demo logs hold no data and are deleted daily',
      },
    ]);
  });

  it('a suppression on a parent construct covers its children', () => {
    const { app, stack } = stackWithLogGroup();
    suppress(stack, 'PLT-LOGS-KMS', 'the whole demo stack is a throwaway fixture');
    expect(() => app.synth()).not.toThrow();
  });

  it('refuses a suppression without a real reason', () => {
    const { stack } = stackWithLogGroup();
    expect(() => suppress(stack, 'PLT-LOGS-KMS', 'ok')).toThrow(
      /give a reason of at least four words/,
    );
  });

  it('a suppression of another rule does not hide a finding', () => {
    const { app } = stackWithLogGroup((group) =>
      suppress(group, 'PLT-LOGS-RETENTION', 'retention is handled by a central job'),
    );
    expect(() => app.synth()).toThrow(/PLT-LOGS-KMS/);
  });

  it('a suppression on the app does not reach into its stacks', () => {
    const { app } = stackWithLogGroup();
    suppress(app, 'PLT-LOGS-KMS', 'the app is not where stacks are reviewed');
    expect(() => app.synth()).toThrow(/PLT-LOGS-KMS/);
  });

  it('a warning-level finding is a warning on the construct; synth goes on', () => {
    const advice: Rule = {
      id: 'PLT-DEMO-ADVICE',
      message: 'Log group could keep its logs for longer.',
      fix: 'raise retention_in_days',
      explanation: 'Demo rule of the aspect tests.',
      level: 'warning',
      appliesTo: ['aws_cloudwatch_log_group'],
      evaluate: () => ({ status: 'non-compliant', details: ['retention is short'] }),
    };
    const { app, group } = stackWithLogGroup(undefined, [advice]);
    expect(() => app.synth()).not.toThrow();
    expect(
      group.node.metadata.filter((m) => m.type !== 'stacktrace').map((m) => [m.type, m.data]),
    ).toEqual([
      [
        '@cdktf/warn',
        '[PLT-DEMO-ADVICE] demo/logs (aws_cloudwatch_log_group.logs): Log group could keep its logs for longer. retention is short. Fix: raise retention_in_days',
      ],
    ]);
  });

  describe('the checked JSON handed to the synth that follows', () => {
    const checked = (configure?: (stack: TerraformStack) => void) => {
      const { app, stack } = stackWithLogGroup((group) =>
        suppress(group, 'PLT-LOGS-KMS', 'demo logs hold no data and are deleted daily'),
      );
      configure?.(stack);
      app.synth();
      return stack;
    };

    it('is the stack JSON the check read, taken once', () => {
      const stack = checked();
      const json = takeCheckedJson(stack);
      expect(json).toEqual(stack.toTerraform());
      expect(json?.['resource']).toHaveProperty(
        'aws_cloudwatch_log_group.logs.retention_in_days',
        30,
      );
      expect(takeCheckedJson(stack)).toBeUndefined();
    });

    it('is not kept when another aspect or a custom synthesis step could still change the stack', () => {
      const laterAspect = checked((stack) =>
        Aspects.of(stack.node.findChild('logs')).add({ visit: () => undefined }),
      );
      expect(takeCheckedJson(laterAspect)).toBeUndefined();
      const secondOnStack = checked((stack) => Aspects.of(stack).add({ visit: () => undefined }));
      expect(takeCheckedJson(secondOnStack)).toBeUndefined();
      const customSynthesis = checked((stack) =>
        addCustomSynthesis(stack.node.findChild('logs'), { onSynthesize: () => undefined }),
      );
      expect(takeCheckedJson(customSynthesis)).toBeUndefined();
    });
  });
});
