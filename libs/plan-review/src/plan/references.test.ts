import { cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { awsPlanFile } from '../../test-fixtures/aws-plans';
import { plan, rc } from '../../test-fixtures/builders';
import { blastRadius } from '../summary/risk-sections';
import { reviewPlanFiles } from '../summary/review-files';
import { summarizePlan } from '../summary/summarize';
import type { Json } from './types';
import { constructPathsOf, readConstructPaths } from './construct-paths';
import {
  configAddress,
  providerAccounts,
  providerDefaultTags,
  referenceIndex,
  referrersOf,
} from './references';

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

describe('reference index from the configuration', () => {
  const index = (root: object) =>
    Object.fromEntries(referenceIndex(plan([], { configuration: { root_module: root } })));

  it('maps each referenced object to its referrers, from nested expressions and depends_on', () => {
    expect(
      index({
        resources: [
          {
            address: 'aws_subnet.a',
            expressions: {
              vpc_id: { references: ['aws_vpc.main.id', 'aws_vpc.main'] },
              tags: [{ nested: { references: ['aws_kms_key.k.arn', 42] } }],
            },
          },
          { address: 'aws_flow_log.f', depends_on: ['aws_vpc.main'] },
        ],
      }),
    ).toEqual({
      'aws_vpc.main': ['aws_flow_log.f', 'aws_subnet.a'],
      'aws_kms_key.k': ['aws_subnet.a'],
    });
  });

  it('reads data sources by three parts and drops instance keys', () => {
    expect(
      index({
        resources: [
          {
            address: 'aws_iam_role.r',
            expressions: {
              policy: { references: ['data.aws_iam_policy_document.p.json', 'data.aws_x'] },
              subnet: { references: ['aws_subnet.a["x.y"].id', 'aws_subnet.b[0]'] },
            },
          },
        ],
      }),
    ).toEqual({
      'data.aws_iam_policy_document.p': ['aws_iam_role.r'],
      'aws_subnet.a': ['aws_iam_role.r'],
      'aws_subnet.b': ['aws_iam_role.r'],
    });
  });

  it('ignores variables, locals, iteration values, self-references and a bare name', () => {
    const refs = [
      'var.x',
      'local.y',
      'each.key',
      'count.index',
      'path.module',
      'terraform.workspace',
    ];
    expect(
      index({
        resources: [
          {
            address: 'aws_vpc.main',
            expressions: {
              a: { references: [...refs, 'self.id', 'module.m.out', 'aws_vpc.main.id', 'lonely'] },
              references: 'not a list',
            },
          },
        ],
      }),
    ).toEqual({});
  });

  it('prefixes module resources with their module path', () => {
    expect(
      index({
        module_calls: {
          net: {
            module: {
              resources: [{ address: 'aws_subnet.a', depends_on: ['aws_vpc.main'] }],
              module_calls: {
                inner: { module: { resources: [{ address: 'aws_x.y', depends_on: ['aws_z.w'] }] } },
              },
            },
          },
        },
      }),
    ).toEqual({
      'module.net.aws_vpc.main': ['module.net.aws_subnet.a'],
      'module.net.module.inner.aws_z.w': ['module.net.module.inner.aws_x.y'],
    });
  });

  it('finds referrers of an instance address by its configuration address', () => {
    const refs = referenceIndex(
      plan([], {
        configuration: {
          root_module: { resources: [{ address: 'aws_x.a', depends_on: ['aws_vpc.main'] }] },
        },
      }),
    );
    expect(referrersOf(refs, 'aws_vpc.main["k]"]')).toEqual(['aws_x.a']);
    expect(referrersOf(refs, 'aws_vpc.main[3]')).toEqual(['aws_x.a']);
    expect(referrersOf(refs, 'aws_vpc.other')).toEqual([]);
    expect(configAddress('module.m["a.b"].aws_x.y["q\\"]"]')).toBe('module.m.aws_x.y');
  });
});

describe('provider settings from the configuration', () => {
  const providers = (provider_config: Record<string, { expressions?: Json }>) =>
    plan([], { configuration: { provider_config } });

  it('merges constant default tags of every provider, skipping computed ones', () => {
    expect(
      providerDefaultTags(
        providers({
          aws: {
            expressions: {
              default_tags: [
                { tags: { constant_value: { team: 'platform', env: 'dev' } } },
                { tags: { references: ['var.tags'] } },
                'not a block',
              ],
            },
          },
          'aws.us': {
            expressions: { default_tags: [{ tags: { constant_value: { env: 'prod' } } }] },
          },
          other: { expressions: { default_tags: 'not a list' } },
          bare: {},
        }),
      ),
    ).toEqual({ team: 'platform', env: 'prod' });
  });

  it('lists the pinned accounts of every provider once, sorted, skipping what is not a constant', () => {
    expect(
      providerAccounts(
        providers({
          aws: { expressions: { allowed_account_ids: { constant_value: ['222222222222', 7] } } },
          'aws.b': {
            expressions: {
              allowed_account_ids: { constant_value: ['111111111111', '222222222222'] },
            },
          },
          'aws.c': { expressions: { allowed_account_ids: { references: ['var.ids'] } } },
          'aws.d': { expressions: { allowed_account_ids: { constant_value: 'one' } } },
          bare: {},
        }),
      ),
    ).toEqual(['111111111111', '222222222222']);
    expect(providerAccounts(plan([]))).toEqual([]);
  });
});

describe('construct paths of a synthesized stack', () => {
  const at = (path: string) => ({ '//': { metadata: { path } } });

  it('reads the path of every resource and data source, skipping entries without one', () => {
    const paths = constructPathsOf({
      resource: {
        aws_vpc: { main: at('net/vpc'), bare: {}, odd: 'x', nameless: { '//': { metadata: {} } } },
        aws_odd: 'not an object',
      },
      data: { aws_region: { current: at('net/region') } },
      '//': at('not a resource'),
    });
    expect(Object.fromEntries(paths)).toEqual({
      'aws_vpc.main': 'net/vpc',
      'data.aws_region.current': 'net/region',
    });
    expect(constructPathsOf([]).size).toBe(0);
  });

  it('names a cdk.tf.json it cannot read or parse', () => {
    const dir = mkdtempSync(join(tmpdir(), 'construct-paths-'));
    expect(() => readConstructPaths(join(dir, 'cdk.tf.json'))).toThrow(
      `${join(dir, 'cdk.tf.json')}: cannot read the file (ENOENT)`,
    );
    writeFileSync(join(dir, 'cdk.tf.json'), '{ nope');
    expect(() => readConstructPaths(join(dir, 'cdk.tf.json'))).toThrow(
      new RegExp(`cdk\\.tf\\.json: not JSON \\(`),
    );
  });
});
