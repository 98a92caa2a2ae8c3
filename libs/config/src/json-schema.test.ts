import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { environmentJsonSchema } from './json-schema';

describe('JSON Schema for editors', () => {
  it('the committed environments/environment.schema.json matches the zod schema (run nx run config:json-schema)', () => {
    const committed = JSON.parse(
      readFileSync(
        join(__dirname, '..', '..', '..', 'environments', 'environment.schema.json'),
        'utf8',
      ),
    );
    expect(committed).toEqual(environmentJsonSchema());
  });

  it('rejects unknown fields and names the required ones', () => {
    const schema = environmentJsonSchema() as { additionalProperties: boolean; required: string[] };
    expect(schema.additionalProperties).toBe(false);
    expect(schema.required).toEqual(
      expect.arrayContaining(['name', 'accountId', 'region', 'network', 'state']),
    );
  });
});
