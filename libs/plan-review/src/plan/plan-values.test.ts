import { actionKind, actionWords, destroysObject, severity } from './actions';
import { compareText } from './compare';
import { formatValue, MAX_VALUE_LENGTH } from './format-value';
import { childOf, isContainer, isObject, jsonEqual, keysOf, leaves } from './json';
import { formatPath } from './paths';
import { reasonWords } from './reasons';

describe('terraform actions', () => {
  it.each([
    [['delete'], 'delete'],
    [['delete', 'create'], 'replace'],
    [['create', 'delete'], 'replace'],
    [['create', 'forget'], 'replace-forget'],
    [['forget', 'create'], 'replace-forget'],
    [['forget'], 'forget'],
    [['create'], 'create'],
    [['read'], 'read'],
    [['no-op'], 'no-op'],
    [[], 'no-op'],
    [['update'], 'update'],
    [['something', 'new'], 'update'],
  ])('%j is %s', (actions, kind) => {
    expect(actionKind(actions)).toBe(kind);
  });

  it('rank what loses data first; only a delete and a replacement destroy the object', () => {
    expect(
      ['create', 'delete', 'forget', 'replace'].sort(
        (a, b) => severity(a as never) - severity(b as never),
      ),
    ).toEqual(['delete', 'replace', 'forget', 'create']);
    expect(
      ['delete', 'replace', 'replace-forget', 'forget', 'update'].filter((k) =>
        destroysObject(k as never),
      ),
    ).toEqual(['delete', 'replace']);
  });

  it('in words, with the order of a replacement and what comes before it', () => {
    expect(actionWords(['delete', 'create'])).toBe('replace (destroy, then create)');
    expect(actionWords(['create', 'delete'])).toBe(
      'replace (create the new object, then destroy the old one)',
    );
    expect(actionWords(['forget'])).toBe('forget (remove from state; the object is NOT destroyed)');
    expect(actionWords(['create', 'forget'])).toBe(
      'replace, but forget the old object instead of destroying it',
    );
    expect(actionWords(['read'])).toBe('read (data source)');
    expect(actionWords(['no-op'], { importing: true })).toBe('import');
    expect(actionWords(['no-op'], { importing: true, moved: true })).toBe('import and move');
    expect(actionWords(['update'], { moved: true })).toBe('move, then update in place');
    expect(actionWords(['create'], { importing: false, moved: false })).toBe('create');
    expect(actionWords(['no-op'])).toBe('no change');
    expect(actionWords(['delete'])).toBe('destroy');
  });
});

describe('paths, values and reasons as reviewers read them', () => {
  it('quotes keys that are not identifiers', () => {
    expect(formatPath(['ingress', 0, 'cidr_blocks', 1])).toBe('ingress[0].cidr_blocks[1]');
    expect(formatPath(['tags', 'kubernetes.io/role'])).toBe('tags["kubernetes.io/role"]');
    expect(formatPath(['_a-b', 'B9'])).toBe('_a-b.B9');
    expect(formatPath(['9lives'])).toBe('["9lives"]');
    expect(formatPath([0, 'x'])).toBe('[0].x');
  });

  it('cuts long values with an ellipsis at the limit', () => {
    expect(formatValue(undefined)).toBe('null');
    expect(formatValue('a"b')).toBe('"a\\"b"');
    expect(formatValue('x'.repeat(MAX_VALUE_LENGTH - 2))).toHaveLength(MAX_VALUE_LENGTH);
    const long = formatValue('x'.repeat(MAX_VALUE_LENGTH));
    expect(long).toHaveLength(MAX_VALUE_LENGTH);
    expect(long.endsWith('…')).toBe(true);
    expect(formatValue({ a: [1, 2] }, 5)).toBe('{"a"…');
  });

  it('gives reasons in words, and unknown ones readable', () => {
    expect(reasonWords('delete_because_each_key')).toBe(
      'its for_each key is no longer in the collection',
    );
    expect(reasonWords('replace_because_new_thing')).toBe('replace because new thing');
    expect(reasonWords(undefined)).toBeUndefined();
    expect(reasonWords('')).toBeUndefined();
  });
});

describe('JSON helpers', () => {
  it('tell objects, containers and children apart', () => {
    expect([{}, [], null, 'a'].map((v) => isObject(v))).toEqual([true, false, false, false]);
    expect([{}, [], null, 'a'].map((v) => isContainer(v))).toEqual([true, true, false, false]);
    expect(childOf([1, 2], 1)).toBe(2);
    expect(childOf([1, 2], '1')).toBeUndefined();
    expect(childOf({ a: 1 }, 'a')).toBe(1);
    expect(childOf({ 0: 1 }, 0)).toBeUndefined();
    expect(childOf('s', 0)).toBeUndefined();
    expect(keysOf(['a', 'b'])).toEqual([0, 1]);
    expect(keysOf({ x: 1 })).toEqual(['x']);
    expect(keysOf(3)).toEqual([]);
  });

  it('compare structurally, a missing value equal to null', () => {
    expect(jsonEqual(undefined, null)).toBe(true);
    expect(jsonEqual({ a: [1, { b: null }] }, { a: [1, {}] })).toBe(true);
    expect(jsonEqual({ a: 1 }, { a: 2 })).toBe(false);
    expect(jsonEqual([], {})).toBe(false);
    expect(jsonEqual([1], [1, 2])).toBe(false);
    expect(jsonEqual('1', 1)).toBe(false);
    expect(jsonEqual({ a: 1 }, null)).toBe(false);
  });

  it('list every primitive leaf', () => {
    expect(leaves({ a: [1, 'x', { b: true, c: null }] })).toEqual([1, 'x', true]);
    expect(leaves(null)).toEqual([]);
    expect(leaves('s')).toEqual(['s']);
  });

  it('order text by code unit, not locale', () => {
    expect(['b', 'B', 'a', 'a'].sort(compareText)).toEqual(['B', 'a', 'a', 'b']);
    expect(compareText('a', 'a')).toBe(0);
  });
});
