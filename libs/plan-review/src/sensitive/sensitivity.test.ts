import { isMarked, redact, subMap } from './sensitivity';

describe('sensitivity maps', () => {
  it('masks every part the map marks, in objects and lists, and keeps the rest', () => {
    expect(
      redact(
        { user: 'admin', password: 'pw', keys: ['k1', 'k2'], nested: { token: 't', id: 1 } },
        { password: true, keys: [false, true], nested: { token: true } },
      ),
    ).toEqual({
      user: 'admin',
      password: '(sensitive)',
      keys: ['k1', '(sensitive)'],
      nested: { token: '(sensitive)', id: 1 },
    });
  });

  it('masks a whole value marked true, but never invents a value that is absent or null', () => {
    expect(redact({ a: 1 }, true)).toBe('(sensitive)');
    expect(redact(undefined, true)).toBeUndefined();
    expect(redact(null, true)).toBeNull();
    expect(redact(null, { a: true })).toBeNull();
    expect(redact({ a: null }, { a: true })).toEqual({ a: null });
  });

  it('keeps a scalar as it is under a map of parts, and everything under false or no map', () => {
    expect(redact('abc', { 0: true })).toBe('abc');
    expect(redact({ a: 'x' }, false)).toEqual({ a: 'x' });
    expect(redact({ a: 'x' }, undefined)).toEqual({ a: 'x' });
  });

  it('walks a map one step at a time; true stays true below', () => {
    expect(subMap(true, 'any')).toBe(true);
    expect(subMap({ a: { b: true } }, 'a')).toEqual({ b: true });
    expect(subMap([false, true], 1)).toBe(true);
    expect(isMarked(subMap({ a: true }, 'a'))).toBe(true);
    expect(isMarked({ a: true })).toBe(false);
  });
});
