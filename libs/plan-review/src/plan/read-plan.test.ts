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
    ['[1,2]', /^p\.json: not a terraform plan JSON \(expected an object\)$/],
    ['null', /^p\.json: not a terraform plan JSON \(expected an object\)$/],
    ['"plan"', /^p\.json: not a terraform plan JSON \(expected an object\)$/],
    ['{"format_version":"1.0","variables":7}', /^p\.json: not a terraform plan JSON \(variables: /],
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

  it('takes state-like values beside planned values or changes as a plan, and names it "plan" by default', () => {
    const withValues = (key: string) => `{"format_version":"1.0","values":{},"${key}":{}}`;
    expect(parsePlan(withValues('planned_values')).format_version).toBe('1.0');
    expect(
      parsePlan('{"format_version":"1.0","values":{},"resource_changes":[]}').format_version,
    ).toBe('1.0');
    expect(() => parsePlan('[]')).toThrow(/^plan: not a terraform plan JSON/);
    expect(() => parsePlan('{"format_version":"10.0","planned_values":{}}')).toThrow(
      'plan: unsupported plan format_version "10.0" (supported: 0.x and 1.x)',
    );
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
