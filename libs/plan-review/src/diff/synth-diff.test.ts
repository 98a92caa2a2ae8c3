import { meta, writeSynthOutput } from '../../test-fixtures/synth-dirs';
import { renderDiffJson, renderDiffMarkdown } from './render-diff';
import { diffSynthOutputs } from './synth-diff';

const vpc = (cidr: string, path = 'network-prod/vpc/main') => ({
  ...meta(path),
  cidr_block: cidr,
  tags: { Name: 'main' },
});

const base = writeSynthOutput({
  'network-prod': {
    '//': { metadata: { version: '0.21.0', stackName: 'network-prod' } },
    resource: {
      aws_vpc: { main: vpc('10.0.0.0/16') },
      aws_subnet: { a: { ...meta('network-prod/a'), cidr_block: '10.0.1.0/24' } },
      aws_flow_log: { old_name: { ...meta('network-prod/fl'), traffic_type: 'ALL' } },
      aws_s3_bucket: { logs: { bucket: 'logs' } },
    },
    data: { aws_iam_policy_document: { p: { statement: [{ actions: ['s3:GetObject'] }] } } },
    output: { vpc_id: { value: '${aws_vpc.main.id}' } },
    provider: { aws: [{ region: 'eu-west-1', access_key: 'AKIA-OLD-KEY' }] },
  },
  'legacy-dev': { resource: { aws_sns_topic: { t: {} } } },
});
const head = writeSynthOutput({
  'network-prod': {
    '//': { metadata: { version: '0.21.0', stackName: 'network-prod', backend: 'changed' } },
    resource: {
      aws_vpc: { main: vpc('10.1.0.0/16', 'network-prod/vpc/moved-in-the-tree') },
      aws_subnet: { a: { ...meta('network-prod/renamed-construct'), cidr_block: '10.0.1.0/24' } },
      aws_flow_log: { new_name: { ...meta('network-prod/fl2'), traffic_type: 'ALL' } },
      aws_s3_bucket: { logs_renamed: { bucket: 'logs' } },
    },
    data: {
      aws_iam_policy_document: {
        p: { statement: [{ actions: ['s3:GetObject', 's3:PutObject'] }] },
      },
    },
    output: { vpc_id: { value: '${aws_vpc.main.id}' }, subnet_id: { value: '${aws_subnet.a.id}' } },
    provider: { aws: [{ region: 'eu-west-1', access_key: 'AKIA-NEW-KEY' }] },
    moved: [{ from: 'aws_s3_bucket.logs', to: 'aws_s3_bucket.logs_renamed' }],
  },
  'ecs-prod': { resource: { aws_ecs_cluster: { c: { name: 'c' } } } },
});

describe('plan-review diff of two synth outputs', () => {
  // computed inside each test, not while jest collects them: mutation testing maps each mutant
  // to the tests that run its code, and code run at collection belongs to no test
  const diffOf = () => diffSynthOutputs(base, head);
  const stack = (name: string) => diffOf().stacks.find((s) => s.stack === name)!;

  it('reports stacks added and removed', () => {
    expect(diffOf().stacks.map((s) => [s.stack, s.status])).toEqual([
      ['ecs-prod', 'added'],
      ['legacy-dev', 'removed'],
      ['network-prod', 'changed'],
    ]);
  });

  it('ignores the // metadata cdktf writes (construct paths)', () => {
    expect(stack('network-prod').changed.map((c) => c.address)).not.toContain('aws_subnet.a');
  });

  it('lists changed attribute paths of resources, data sources and outputs', () => {
    const changed = Object.fromEntries(
      stack('network-prod').changed.map((c) => [c.address, c.changes.map((x) => x.path)]),
    );
    expect(changed).toEqual({
      'aws_vpc.main': ['cidr_block'],
      'data.aws_iam_policy_document.p': ['statement[0].actions[1]'],
      'provider.aws': ['access_key'],
    });
  });

  it('treats a changed logical id as remove + add, and spots the rename', () => {
    const s = stack('network-prod');
    expect(s.removed).toEqual(['aws_flow_log.old_name', 'aws_s3_bucket.logs']);
    expect(s.added).toEqual([
      'aws_flow_log.new_name',
      'aws_s3_bucket.logs_renamed',
      'moved: aws_s3_bucket.logs -> aws_s3_bucket.logs_renamed',
      'output.subnet_id',
    ]);
    expect(s.renames).toEqual([
      { from: 'aws_flow_log.old_name', to: 'aws_flow_log.new_name', movedBlock: false },
      { from: 'aws_s3_bucket.logs', to: 'aws_s3_bucket.logs_renamed', movedBlock: true },
    ]);
  });

  it('renders markdown that warns about destroys and hides secret-looking values', () => {
    const md = renderDiffMarkdown(diffOf());
    expect(md).toContain('1 resource disappeared from a deployed stack: terraform will destroy it');
    expect(md).toContain(
      '- ➖ **removed** `aws_flow_log.old_name` — terraform will destroy it; looks renamed to `aws_flow_log.new_name`',
    );
    expect(md).toContain('moved to `aws_s3_bucket.logs_renamed` by a moved block (no destroy)');
    expect(md).toContain('  - `cidr_block`: `"10.0.0.0/16"` → `"10.1.0.0/16"`');
    expect(md).not.toMatch(/AKIA-(OLD|NEW)-KEY/);
  });

  it('renders json with added, removed and changed stacks', () => {
    const json = JSON.parse(renderDiffJson(diffOf()));
    expect(json.added).toEqual(['ecs-prod']);
    expect(json.removed).toEqual(['legacy-dev']);
    expect(json.stacks.map((s: { stack: string }) => s.stack)).toEqual([
      'ecs-prod',
      'legacy-dev',
      'network-prod',
    ]);
    expect(JSON.stringify(json)).not.toMatch(/AKIA-(OLD|NEW)-KEY/);
  });

  it('drops attribute details past the comment limit', () => {
    const full = renderDiffMarkdown(diffOf());
    const md = renderDiffMarkdown(diffOf(), full.length - 1);
    expect(md.length).toBeLessThan(full.length);
    expect(md).toContain('Attribute details left out');
    expect(md).toContain('✏️ **changed** `aws_vpc.main`: `cidr_block`');
  });
});
