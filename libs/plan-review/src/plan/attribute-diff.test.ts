import { changedAttributes } from './attribute-diff';

describe('changedAttributes', () => {
  it('lists only paths whose value differs, flattening maps and lists', () => {
    const changes = changedAttributes({
      actions: ['update'],
      before: {
        name: 'a',
        tags: { Name: 'old', Team: 'x' },
        ingress: [{ cidr_blocks: ['10.0.0.0/8'], port: 443 }],
      },
      after: {
        name: 'a',
        tags: { Name: 'new', Team: 'x' },
        ingress: [{ cidr_blocks: ['10.0.0.0/16'], port: 443 }],
      },
    });
    expect(changes).toEqual([
      { path: 'tags.Name', before: '"old"', after: '"new"' },
      { path: 'ingress[0].cidr_blocks[0]', before: '"10.0.0.0/8"', after: '"10.0.0.0/16"' },
    ]);
  });

  it('reads unknown values as "(known after apply)"', () => {
    expect(
      changedAttributes({
        actions: ['update'],
        before: { arn: 'a1', x: 1 },
        after: { x: 1 },
        after_unknown: { arn: true },
      }),
    ).toEqual([{ path: 'arn', before: '"a1"', after: '(known after apply)' }]);
  });

  it('lists every set attribute of a created object and skips nulls', () => {
    expect(
      changedAttributes({
        actions: ['create'],
        before: null,
        after: { name: 'n', tags: null },
        after_unknown: { id: true },
      }),
    ).toEqual([
      { path: 'name', after: '"n"' },
      { path: 'id', after: '(known after apply)' },
    ]);
  });

  it('quotes map keys that are not identifiers', () => {
    expect(
      changedAttributes({
        actions: ['update'],
        before: { tags: {} },
        after: { tags: { 'kubernetes.io/role': 'elb' } },
      }),
    ).toEqual([{ path: 'tags["kubernetes.io/role"]', after: '"elb"' }]);
  });

  it('masks a value marked sensitive on either side and does not list its keys', () => {
    const changes = changedAttributes({
      actions: ['update'],
      before: { password: 'hunter2-old', labels: { secretkey: 'v1' } },
      after: { password: 'hunter2-new', labels: { secretkey: 'v2' } },
      before_sensitive: { password: true },
      after_sensitive: { password: true, labels: true },
    });
    expect(changes).toEqual([
      { path: 'password', before: '(sensitive)', after: '(sensitive)' },
      { path: 'labels', before: '(sensitive)', after: '(sensitive)' },
    ]);
    expect(JSON.stringify(changes)).not.toMatch(/hunter2|secretkey|v2/);
  });

  it('masks everything when the whole object is sensitive', () => {
    expect(
      changedAttributes({
        actions: ['update'],
        before: { a: 'x' },
        after: { a: 'y' },
        before_sensitive: true,
        after_sensitive: true,
      }),
    ).toEqual([{ path: '(value)', before: '(sensitive)', after: '(sensitive)' }]);
  });

  it('masks sensitive parts inside a value shown whole', () => {
    const changes = changedAttributes({
      actions: ['update'],
      before: { config: 'plain' },
      after: { config: { user: 'u', pass: 'p4ssw0rd!' } },
      after_sensitive: { config: { pass: true } },
    });
    expect(JSON.stringify(changes)).not.toContain('p4ssw0rd');
    expect(changes[0].after).toContain('(sensitive)');
  });

  it('does not report a sensitive value that did not change', () => {
    expect(
      changedAttributes({
        actions: ['update'],
        before: { p: 'same-secret', n: 1 },
        after: { p: 'same-secret', n: 2 },
        before_sensitive: { p: true },
        after_sensitive: { p: true },
      }),
    ).toEqual([{ path: 'n', before: '1', after: '2' }]);
  });

  const diff = (before: unknown, after: unknown, extra: object = {}) =>
    changedAttributes({ actions: ['update'], before, after, ...extra } as never);

  it('shows a value that changed between a list and a map, or a scalar and a container, whole', () => {
    expect(diff({ a: [1] }, { a: { x: 1 } })).toStrictEqual([
      { path: 'a', before: '[1]', after: '{"x":1}' },
    ]);
    expect(diff({ a: 'text' }, { a: { x: 1 } })).toStrictEqual([
      { path: 'a', before: '"text"', after: '{"x":1}' },
    ]);
    expect(diff({ a: { x: 1 } }, { a: 'text' })).toStrictEqual([
      { path: 'a', before: '{"x":1}', after: '"text"' },
    ]);
  });

  it('walks into a block that appears, attribute by attribute, with nothing before', () => {
    expect(diff({ a: null }, { a: { x: 1 } })).toStrictEqual([{ path: 'a.x', after: '1' }]);
    expect(diff({ a: { x: 1 } }, { a: null })).toStrictEqual([{ path: 'a.x', before: '1' }]);
  });

  it('finds unknown values below a block whose known parts did not change', () => {
    expect(
      diff({ tags: {} }, { tags: {} }, { after_unknown: { tags: { a: true } } }),
    ).toStrictEqual([{ path: 'tags.a', after: '(known after apply)' }]);
  });

  it('masks a sensitive value set where there was none, without inventing a value before', () => {
    expect(
      diff({ pw: null }, { pw: 'secret-value' }, { after_sensitive: { pw: true } }),
    ).toStrictEqual([{ path: 'pw', after: '(sensitive)' }]);
    expect(diff({ pw: 'secret-value' }, {}, { before_sensitive: { pw: true } })).toStrictEqual([
      { path: 'pw', before: '(sensitive)' },
    ]);
  });
});
