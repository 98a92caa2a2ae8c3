import { checkType } from './cty';

const messages = (value: unknown, type: Parameters<typeof checkType>[1]) =>
  checkType(value, type).map((p) => `${p.path.join('')}: ${p.message}`);

describe('values against cty types, as terraform converts them', () => {
  it('numbers and bools convert to strings; numeric strings to numbers; "1"/"0"/"true"/"false" to bools', () => {
    expect(messages(5, 'string')).toEqual([]);
    expect(messages(true, 'string')).toEqual([]);
    expect(messages('5', 'number')).toEqual([]);
    expect(messages('1', 'bool')).toEqual([]);
    expect(messages('false', 'bool')).toEqual([]);
  });

  it('rejects what terraform rejects: a number for a bool, a word for a number, a scalar for a list', () => {
    expect(messages(1, 'bool')).toEqual([': bool required, got number 1']);
    expect(messages('yes', 'bool')).toEqual([': bool required, got string "yes"']);
    expect(messages(true, 'number')).toEqual([': number required, got boolean true']);
    expect(messages('a', ['list', 'string'])).toEqual([
      ': list of string required, got string "a"',
    ]);
    expect(messages({ a: { b: 1 } }, ['map', 'string'])).toEqual([
      '["a"]: string required, got an object',
    ]);
  });

  it('a whole-string reference fits any type; a template fits primitives only', () => {
    expect(messages('${var.tags}', ['map', 'string'])).toEqual([]);
    expect(messages('${var.a}-x', 'bool')).toEqual([]);
    expect(messages('${var.a}-x', ['map', 'string'])).toEqual([
      ': map of string required, got string "${var.a}-x"',
    ]);
  });

  it('objects need every attribute (null where unused) and report keys the type does not have', () => {
    const type = ['object', { from_port: 'number', cidr_blocks: ['list', 'string'] }] as const;
    expect(messages([{ from_port: 1, cidr_blocks: null }], ['list', type])).toEqual([]);
    expect(messages([{ from_port: 'x', extra: 1 }], ['list', type])).toEqual([
      '[0]: object attribute(s) "cidr_blocks" required (null where unused)',
      '[0]from_port: number required, got string "x"',
      '[0]extra: the object type has no attribute "extra" (terraform drops it silently)',
    ]);
  });

  it('tuples need their length; dynamic takes anything', () => {
    expect(messages([1], ['tuple', ['number', 'string']])).toEqual([
      ': tuple of 2 element(s) required, got an array',
    ]);
    expect(messages({ any: [1] }, 'dynamic')).toEqual([]);
  });
});
