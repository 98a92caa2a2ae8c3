import { InputError, oneLine } from '../errors';
import { cell, code, escapeText, plural, row, shortenedTable } from './markdown';

describe('markdown text', () => {
  it('inline code survives the backticks inside it', () => {
    expect(code('aws_vpc.main')).toBe('`aws_vpc.main`');
    expect(code('a`b')).toBe('`` a`b ``');
    expect(code('a``b`')).toBe('``` a``b` ```');
    expect(code('`x')).toBe('`` `x ``');
    expect(code('x`')).toBe('`` x` ``');
    expect(code('')).toBe('``');
  });

  it('escapes what markdown or GitHub would interpret', () => {
    expect(escapeText('a\\b `c` *d* _e_ [f] <g> #h ~i')).toBe(
      'a\\\\b \\`c\\` \\*d\\* \\_e\\_ \\[f\\] \\<g\\> \\#h \\~i',
    );
    expect(escapeText('plain text, 1.2 (x)')).toBe('plain text, 1.2 (x)');
  });

  it('table cells escape pipes and flatten lines; rows join cells', () => {
    expect(cell('a|b\r\nc\nd')).toBe('a\\|b c d');
    expect(row(['a', 'b|c'])).toBe('| a | b\\|c |');
  });

  it('counts in words, with thousands separated', () => {
    expect(plural(1, 'resource')).toBe('1 resource');
    expect(plural(0, 'resource')).toBe('0 resources');
    expect(plural(1234, 'policy', 'policies')).toBe('1,234 policies');
  });
});

describe('errors', () => {
  it('bad input is an InputError by name', () => {
    const error = new InputError('x.json: not JSON');
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('InputError');
    expect(error.message).toBe('x.json: not JSON');
  });

  it('one line, however the message was broken', () => {
    expect(oneLine('  first\n   second  \n\nthird ')).toBe('first second third');
  });
});

describe('shortenedTable', () => {
  it('a table of the rows that fit, then the line that counts the rest after a blank line', () => {
    expect(shortenedTable(['a', 'b'], [['1', '2']], '… 3 more')).toEqual([
      '| a | b |',
      '| --- | --- |',
      '| 1 | 2 |',
      '',
      '… 3 more',
    ]);
    expect(shortenedTable(['a'], [['1']])).toEqual(['| a |', '| --- |', '| 1 |']);
  });

  it('no header when no row fits: only the count of the rows left out', () => {
    expect(shortenedTable(['a', 'b'], [], '… 4 more')).toEqual(['… 4 more']);
    expect(shortenedTable(['a'], [])).toEqual([]);
  });
});
