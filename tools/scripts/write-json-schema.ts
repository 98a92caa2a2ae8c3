// Writes environments/environment.schema.json (for editors) from the zod schema.
// Run after changing the schema: npx nx run config:json-schema
import { environmentJsonSchema } from '@platform/config';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

const target = join(__dirname, '..', '..', 'environments', 'environment.schema.json');
writeFileSync(target, `${JSON.stringify(environmentJsonSchema(), null, 2)}\n`);
console.log(`wrote ${target}`);
