import type { AttributeChange } from '../plan/attribute-diff';
import { assessRisk, isTagsOnly } from './assess';
import type { RiskRule } from './types';
import { at, blocks, isSet, strings } from './values';

const change = (path: string): AttributeChange => ({ path }) as AttributeChange;

describe('tags-only updates', () => {
  it('every changed attribute a tag or label, on an update', () => {
    expect(isTagsOnly('update', [change('tags.team'), change('tags_all.team')])).toBe(true);
    expect(
      isTagsOnly('update', [
        change('labels'),
        change('terraform_labels["a"]'),
        change('effective_labels.a'),
      ]),
    ).toBe(true);
  });

  it('not when another attribute changes, nothing changes, or the change is not an update', () => {
    expect(isTagsOnly('update', [change('tags.team'), change('retention_in_days')])).toBe(false);
    expect(isTagsOnly('update', [])).toBe(false);
    expect(isTagsOnly('replace', [change('tags.team')])).toBe(false);
    expect(isTagsOnly('update', [change('tagsx')])).toBe(false);
    expect(isTagsOnly('update', [change('my_tags')])).toBe(false);
  });
});

describe('assessRisk', () => {
  const rule = (id: string, level: RiskRule['level'], texts: string[]): RiskRule => ({
    id,
    level,
    finds: id,
    check: () => texts,
  });
  const input = {
    address: 'a.b',
    type: 'a',
    kind: 'update',
    before: {},
    after: {},
    afterUnknown: {},
  } as const;

  it('takes the level of the worst reason and lists high reasons first, rules in order within a level', () => {
    const risk = assessRisk(
      input,
      [],
      [rule('m', 'medium', ['m1']), rule('h', 'high', ['h1', 'h2']), rule('m2', 'medium', ['m3'])],
    );
    expect(risk.level).toBe('high');
    expect(risk.reasons.map((r) => `${r.level} ${r.rule} ${r.text}`)).toEqual([
      'high h h1',
      'high h h2',
      'medium m m1',
      'medium m2 m3',
    ]);
  });

  it('is low without reasons', () => {
    expect(assessRisk(input, [], [rule('m', 'medium', [])])).toEqual({
      level: 'low',
      reasons: [],
      tagsOnly: false,
    });
  });
});

describe('reading plan values', () => {
  it('at: object keys and list indexes, undefined when the shape differs', () => {
    const value = { a: [{ b: 1 }] };
    expect(at(value, 'a', 0, 'b')).toBe(1);
    expect(at(value, 'a', 'b')).toBeUndefined();
    expect(at(value, 0)).toBeUndefined();
    expect(at(null, 'a')).toBeUndefined();
  });

  it('blocks keeps the objects of a list; strings the strings of a list or one string', () => {
    expect(blocks({ b: [{ x: 1 }, 2, null, { y: 2 }] }, 'b')).toEqual([{ x: 1 }, { y: 2 }]);
    expect(blocks({ b: { x: 1 } }, 'b')).toEqual([]);
    expect(strings(['a', 1, 'b'])).toEqual(['a', 'b']);
    expect(strings('a')).toEqual(['a']);
    expect(strings(3)).toEqual([]);
  });

  it('isSet: not null, false, "", [] or {}', () => {
    for (const empty of [undefined, null, false, '', [], {}]) expect(isSet(empty)).toBe(false);
    for (const set of [true, 0, 'x', [0], { a: null }]) expect(isSet(set)).toBe(true);
  });
});
