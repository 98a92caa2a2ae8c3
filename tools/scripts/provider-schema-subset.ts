// Writes the committed google provider schema (tools/provider-schemas/google-<version>.subset.json)
// from the full schema: npx nx run schema-check:schema-subset [-- --source FILE] [--stacks DIR] [--check]
//   --source FILE  the full `terraform providers schema -json` document, gzipped or not
//                  (default: $GOOGLE_PROVIDER_SCHEMA, else ../shared/provider-schemas/google-<version>.json.gz)
//   --stacks DIR   also keep every google type in synthesized stacks below DIR (e.g. dist/apps)
//   --check        write nothing; exit 1 when the committed file is not what this would write
import { buildGoogleSubset } from '@platform/schema-check';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';

const root = join(__dirname, '..', '..');
const { values } = parseArgs({
  options: {
    source: { type: 'string' },
    stacks: { type: 'string' },
    check: { type: 'boolean', default: false },
  },
});
try {
  const subset = buildGoogleSubset({ root, source: values.source, stacksDir: values.stacks });
  const target = join(root, subset.file);
  const summary = `${subset.resources.length} resource type(s), ${subset.dataSources.length} data source(s)`;
  if (values.check) {
    const current = existsSync(target) ? readFileSync(target, 'utf8') : '';
    if (current !== subset.text) {
      console.error(
        `${subset.file} is out of date (${summary}): run npx nx run schema-check:schema-subset`,
      );
      process.exit(1);
    }
    console.log(`${subset.file} is up to date (${summary})`);
  } else {
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, subset.text);
    console.log(`wrote ${subset.file} (${summary}, ${subset.text.length} bytes)`);
  }
} catch (error) {
  console.error(`provider-schema-subset: ${(error as Error).message}`);
  process.exit(1);
}
