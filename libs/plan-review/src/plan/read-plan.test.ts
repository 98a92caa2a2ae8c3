import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { InputError } from '../errors';
import { parsePlan, readPlanFile } from './read-plan';

describe('reading plan JSON', () => {
  it('accepts format_version 0.x and 1.x', () => {
    expect(parsePlan('{"format_version":"0.1","planned_values":{}}').format_version).toBe('0.1');
    expect(parsePlan('{"format_version":"1.2","resource_changes":[]}').format_version).toBe('1.2');
  });

  it.each([
    ['{"format_version":"2.0"}', /unsupported plan format_version "2.0"/],
    ['not json', /not JSON/],
    ['[1,2]', /not a terraform plan JSON/],
    ['{"resource_changes":[]}', /no format_version/],
    ['{"format_version":"1.0","values":{}}', /terraform state, not a plan/],
    [
      '{"format_version":"1.0","resources":[{"type":"aws_vpc"}]}',
      /not a terraform plan JSON \(none of planned_values, resource_changes, prior_state, configuration/,
    ],
    [
      '{"format_version":"1.2","resource_changes":[{"type":"a","name":"b","change":{}}]}',
      /resource_changes\.0\.change\.actions/,
    ],
  ])('rejects %s with a one-line message', (text, message) => {
    let error: unknown;
    try {
      parsePlan(text, 'p.json');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InputError);
    expect((error as Error).message).toMatch(message);
    expect((error as Error).message).not.toContain('\n');
  });

  it('names an unreadable file', () => {
    expect(() => readPlanFile('/nonexistent/plan.json')).toThrow(
      '/nonexistent/plan.json: cannot read the file (ENOENT)',
    );
  });

  it('reads a UTF-16 file saved by a Windows shell', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'plan-review-')), 'plan.json');
    writeFileSync(
      file,
      Buffer.concat([
        Buffer.from([0xff, 0xfe]),
        Buffer.from('{"format_version":"1.1","planned_values":{}}', 'utf16le'),
      ]),
    );
    expect(readPlanFile(file).format_version).toBe('1.1');
  });
});
