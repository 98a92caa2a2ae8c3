import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { awsPlanFile } from '../../test-fixtures/aws-plans';
import { plan, rc } from '../../test-fixtures/builders';
import { blastRadius } from '../summary/risk-sections';
import { reviewPlanFiles } from '../summary/review-files';
import { summarizePlan } from '../summary/summarize';

const referencing = (target: string) => ({
  expressions: { vpc_id: { references: [`${target}.id`, target] } },
});

describe('blast radius', () => {
  it('names three referrers and counts the rest, instance keys and modules included', () => {
    const review = summarizePlan(
      plan([rc('module.net.aws_vpc.main[0]', ['delete', 'create'])], {
        configuration: {
          root_module: {
            module_calls: {
              net: {
                module: {
                  resources: [
                    { address: 'aws_vpc.main' },
                    ...['a', 'b', 'c', 'd', 'e'].map((n) => ({
                      address: `aws_subnet.${n}`,
                      ...referencing('aws_vpc.main'),
                    })),
                    { address: 'aws_flow_log.x', depends_on: ['aws_vpc.main'] },
                  ],
                },
              },
            },
          },
        },
      }),
      { file: 'p.json' },
    );
    const vpc = review.resources[0];
    expect(vpc.referencedBy).toHaveLength(6);
    expect(blastRadius(vpc)).toBe(
      'referenced by 6: `module.net.aws_flow_log.x`, `module.net.aws_subnet.a`, `module.net.aws_subnet.b` and 3 more',
    );
  });
});

describe('construct paths', () => {
  it('come from a --synth folder by stack name when no cdk.tf.json sits beside the plan', () => {
    const plans = mkdtempSync(join(tmpdir(), 'plan-review-plans-'));
    const synth = mkdtempSync(join(tmpdir(), 'plan-review-synth-'));
    cpSync(awsPlanFile('stateful'), join(plans, 'stateful', 'plan.json'), { recursive: true });
    cpSync(
      awsPlanFile('stateful').replace('plan.json', 'cdk.tf.json'),
      join(synth, 'stacks', 'stateful', 'cdk.tf.json'),
      { recursive: true },
    );
    const file = join(plans, 'stateful', 'plan.json');
    const vpc = (dirs: string[]) =>
      reviewPlanFiles([file], { synthDirs: dirs })[0].resources.find(
        (r) => r.address === 'aws_vpc.main',
      );
    expect(vpc([])?.constructPath).toBeUndefined();
    expect(vpc([synth])?.constructPath).toBe('stateful/main');
  });
});
