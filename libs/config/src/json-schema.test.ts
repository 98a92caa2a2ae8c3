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

  type Branch = {
    additionalProperties: boolean;
    required: string[];
    properties: Record<
      string,
      { const?: string; properties: Record<string, Record<string, unknown>> }
    >;
  };
  const branch = (cloud: string): Branch => {
    const { oneOf } = environmentJsonSchema() as { oneOf: Branch[] };
    const found = oneOf.find((b) => b.properties['cloud']?.const === cloud);
    if (!found) throw new Error(`no ${cloud} branch`);
    return found;
  };

  it('offers one shape per cloud, chosen by `cloud`, each rejecting unknown fields and naming the required ones', () => {
    const aws = branch('aws');
    expect(aws.additionalProperties).toBe(false);
    expect(aws.required).toEqual(
      expect.arrayContaining(['name', 'cloud', 'aws', 'network', 'ecs']),
    );
    const gcp = branch('gcp');
    expect(gcp.additionalProperties).toBe(false);
    expect(gcp.required).toEqual(
      expect.arrayContaining(['name', 'cloud', 'gcp', 'network', 'gke']),
    );
  });

  it('every field of the environment schema, in both clouds, has a description an editor shows on hover', () => {
    expect(fieldsWithoutDescription(environmentJsonSchema())).toEqual([]);
  });

  it('a field with a default and an example carries both into the JSON schema', () => {
    expect(branch('aws').properties['github']?.properties['mainBranch']).toMatchObject({
      default: 'main',
      description: expect.stringContaining('plan role'),
    });
    const awsSection = branch('aws').properties['aws'] as unknown as {
      properties: Record<string, { properties: Record<string, Record<string, unknown>> }>;
    };
    expect(awsSection.properties['state']?.properties['bucket']?.['examples']).toEqual([
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
