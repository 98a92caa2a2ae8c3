import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { environmentJsonSchema, fieldsWithoutDescription } from './json-schema';

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

  it('every field of the environment schema has a description an editor shows on hover', () => {
    expect(fieldsWithoutDescription(environmentJsonSchema())).toEqual([]);
  });

  it('a field with a default and an example carries both into the JSON schema', () => {
    const schema = environmentJsonSchema() as {
      properties: Record<string, { properties: Record<string, Record<string, unknown>> }>;
    };
    expect(schema.properties['github']?.properties['mainBranch']).toMatchObject({
      default: 'main',
      description: expect.stringContaining('plan role'),
    });
    expect(schema.properties['state']?.properties['bucket']?.['examples']).toEqual([
      expect.any(String),
    ]);
  });

  it('the description check finds a field without one, in nested objects, lists and unions', () => {
    const undocumented = z.strictObject({
      documented: z.string().meta({ description: 'has one' }),
      bare: z.string(),
      list: z
        .array(z.strictObject({ inner: z.number() }))
        .meta({ description: 'a list of objects' }),
      choice: z
        .discriminatedUnion('kind', [
          z.strictObject({
            kind: z.literal('a').meta({ description: 'the a kind' }),
            deep: z.boolean(),
          }),
        ])
        .meta({ description: 'one of several shapes' }),
    });
    expect(fieldsWithoutDescription(z.toJSONSchema(undocumented))).toEqual([
      'bare',
      'list[].inner',
      'choice.deep',
    ]);
  });
});
