import { leakyPlan, SECRET } from '../../test-fixtures/leaky-plan';
import { reviewAws } from '../../test-fixtures/aws-plans';
import { plan, rc } from '../../test-fixtures/builders';
import { renderSummaryJson } from './render-json';
import { summarizePlan } from './summarize';

describe('renderSummaryJson', () => {
  it('prints totals and one entry per plan with the same eight counts', () => {
    const reviews = [
      summarizePlan(
        plan([
          rc(
            'a.b',
            ['delete', 'create'],
            { before: { x: 1 }, after: { x: 2 }, replace_paths: [['x']] },
            { action_reason: 'replace_by_request' },
          ),
        ]),
        { file: 'p/a/plan.json' },
      ),
      summarizePlan(plan([rc('c.d', ['create'], { after: { y: 'v' } })]), { file: 'b.json' }),
    ];
    const json = JSON.parse(renderSummaryJson(reviews));
    const counts = ['add', 'change', 'destroy', 'replace', 'import', 'move', 'forget', 'drift'];
    expect(Object.keys(json)).toEqual(['needsYourEyes', 'total', 'costChanges', 'plans']);
    expect(Object.keys(json.total)).toEqual(counts);
    expect(json.total).toEqual({
      add: 2,
      change: 0,
      destroy: 1,
      replace: 1,
      import: 0,
      move: 0,
      forget: 0,
      drift: 0,
    });
    expect(Object.keys(json.plans[0])).toEqual(['file', 'stack', ...counts, 'resources']);
    expect(json.plans[0].resources[0]).toEqual({
      address: 'a.b',
      actions: ['delete', 'create'],
      action: 'replace (destroy, then create)',
      reason: 'replacement was requested ("-replace" option)',
      replacePaths: ['x'],
      changes: [{ path: 'x', before: '1', after: '2' }],
      risk: { level: 'low', reasons: [], tagsOnly: false },
      referencedBy: [],
    });
    expect(json.plans[1]).toMatchObject({ file: 'b.json', stack: 'b', add: 1 });
  });

  it('leads with every high-risk change, then the counts, as the markdown does', () => {
    const json = JSON.parse(renderSummaryJson([reviewAws('stateful'), reviewAws('tags-only')]));
    expect(json.needsYourEyes.map((e: { address: string }) => e.address)).toEqual([
      'aws_kms_key.data',
      'aws_s3_bucket.logs',
      'aws_subnet.a',
      'aws_vpc.main',
      'aws_db_instance.orders',
    ]);
    expect(json.needsYourEyes[3]).toMatchObject({
      stack: 'stateful',
      level: 'high',
      referencedBy: ['aws_route_table.private', 'aws_security_group.web', 'aws_subnet.a'],
    });
    const vpc = json.plans[0].resources.find(
      (r: { address: string }) => r.address === 'aws_vpc.main',
    );
    expect(vpc.constructPath).toBe('stateful/main');
    expect(vpc.risk.reasons[0].rule).toBe('stateful-destroyed');
  });

  it('never shows a sensitive value', () => {
    const text = renderSummaryJson([summarizePlan(leakyPlan(), { file: 'leaky.json' })]);
    expect(text).not.toContain(SECRET);
    expect(text).not.toContain('DO-NOT-LEAK');
    expect(() => JSON.parse(text)).not.toThrow();
  });
});
