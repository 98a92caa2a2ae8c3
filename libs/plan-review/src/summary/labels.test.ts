import { reviewedResource } from '../../test-fixtures/reviewed-resource';
import { ACTION_KINDS } from '../plan/actions';
import { icon, isDestructive, shortLabel } from './labels';
import { addressCode, why } from './resource-text';

const resource = reviewedResource;

describe('resource labels', () => {
  it.each([
    ['delete', false, false, 'destroy', '🛑'],
    ['replace', false, false, 'replace', '🔁'],
    ['replace-forget', false, false, 'replace (old object forgotten)', '🔁'],
    ['forget', false, false, 'forget', '👋'],
    ['update', true, false, 'import + update', '✏️'],
    ['create', false, true, 'move + create', '➕'],
    ['read', false, false, 'read', '📖'],
    ['no-op', true, false, 'import', '📥'],
    ['no-op', false, true, 'move', '🚚'],
    ['no-op', true, true, 'import + move', '📥'],
  ] as const)('%s (import %s, move %s): "%s" %s', (kind, importing, moved, label, mark) => {
    expect(shortLabel({ kind, importing, moved })).toBe(label);
    expect(icon({ kind, importing, moved })).toBe(mark);
  });

  it('destroys and replacements are destructive; a forget is not', () => {
    expect(ACTION_KINDS.filter((kind) => isDestructive({ kind }))).toEqual([
      'delete',
      'replace',
      'replace-forget',
    ]);
  });
});

describe('resource text', () => {
  it('names a deposed object by its key', () => {
    expect(addressCode(resource({ deposed: 'abc123' }))).toBe(
      '`aws_sqs_queue.q` (deposed object `abc123`)',
    );
    expect(addressCode(resource({}))).toBe('`aws_sqs_queue.q`');
  });

  it("gives terraform's reason, escaped, the forcing attributes and what references it", () => {
    expect(
      why(
        resource({
          kind: 'replace',
          reason: 'a *b*',
          replacePaths: ['name', 'fifo_queue'],
          referencedBy: ['aws_sns_topic_subscription.s'],
        }),
      ),
    ).toBe(
      'a \\*b\\*; forced by `name`, `fifo_queue`; referenced by 1: `aws_sns_topic_subscription.s`',
    );
  });

  it('says when a destroy has no reason; says nothing for other kinds without one', () => {
    expect(
      why(resource({ kind: 'delete', reason: undefined, replacePaths: [], referencedBy: [] })),
    ).toBe('no reason given by terraform');
    expect(
      why(resource({ kind: 'replace', reason: undefined, replacePaths: [], referencedBy: [] })),
    ).toBe('');
  });

  it('lists at most three referrers and counts the rest', () => {
    const refs = ['a.a', 'b.b', 'c.c', 'd.d', 'e.e', 'f.f', 'g.g'];
    expect(
      why(resource({ kind: 'replace', reason: undefined, replacePaths: [], referencedBy: refs })),
    ).toBe('referenced by 7: `a.a`, `b.b`, `c.c` and 4 more');
    expect(
      why(
        resource({
          kind: 'replace',
          reason: undefined,
          replacePaths: [],
          referencedBy: refs.slice(0, 3),
        }),
      ),
    ).toBe('referenced by 3: `a.a`, `b.b`, `c.c`');
  });
});
