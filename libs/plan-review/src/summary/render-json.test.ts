import { leakyPlan, SECRET } from '../../test-fixtures/leaky-plan';
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
    expect(Object.keys(json)).toEqual(['total', 'plans']);
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
    });
    expect(json.plans[1]).toMatchObject({ file: 'b.json', stack: 'b', add: 1 });
  });

  it('never shows a sensitive value', () => {
    const text = renderSummaryJson([summarizePlan(leakyPlan(), { file: 'leaky.json' })]);
    expect(text).not.toContain(SECRET);
    expect(text).not.toContain('DO-NOT-LEAK');
    expect(() => JSON.parse(text)).not.toThrow();
  });
});
