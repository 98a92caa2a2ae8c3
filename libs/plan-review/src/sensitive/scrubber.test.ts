import { Scrubber } from './scrubber';

describe('Scrubber', () => {
  it('replaces every occurrence of a recorded secret, longest first', () => {
    const scrubber = new Scrubber();
    scrubber.add('s3cr3t');
    scrubber.add('s3cr3t-longer');
    expect(scrubber.scrub('a s3cr3t-longer b s3cr3t c')).toBe('a (sensitive) b (sensitive) c');
  });

  it('records every leaf of a structured secret, but not booleans or short values', () => {
    const scrubber = new Scrubber();
    scrubber.add({ user: 'admin-user', pass: ['pw-123456'], port: 54321, on: true, pin: 'abc' });
    expect(scrubber.scrub('admin-user pw-123456 54321 true abc')).toBe(
      '(sensitive) (sensitive) (sensitive) true abc',
    );
  });

  it('also catches the JSON-escaped and table-escaped spellings', () => {
    const scrubber = new Scrubber();
    scrubber.add('line1\n"quoted"|pipe');
    expect(scrubber.scrub(JSON.stringify({ v: 'line1\n"quoted"|pipe' }))).toBe(
      '{"v":"(sensitive)"}',
    );
    expect(scrubber.scrub('| line1\\n\\"quoted\\"\\|pipe |')).toBe('| (sensitive) |');
  });

  it('catches a table-escaped secret that JSON escaping leaves alone and one with quotes', () => {
    const scrubber = new Scrubber();
    scrubber.add('p"w|d');
    // a markdown table cell escapes the pipe but not the quote
    expect(scrubber.scrub('| p"w\\|d |')).toBe('| (sensitive) |');
  });

  it('scrubs secrets from four characters up (shorter ones only by the sensitivity maps)', () => {
    const scrubber = new Scrubber();
    scrubber.add(['abcd', 'xyz']);
    expect(scrubber.scrub('abcd xyz')).toBe('(sensitive) xyz');
  });

  it('leaves text alone when it has recorded nothing', () => {
    expect(new Scrubber().scrub('nothing | to hide')).toBe('nothing | to hide');
  });

  it('scrubs keys and values of a JSON-like object, keeping it valid', () => {
    const scrubber = new Scrubber();
    scrubber.add('topsecret');
    expect(scrubber.scrubDeep({ topsecret: ['x-topsecret-y', 1] })).toEqual({
      '(sensitive)': ['x-(sensitive)-y', 1],
    });
  });
});
