// Writes test inputs into a fresh temp folder.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/** Writes `{ relativePath: content }` (objects as JSON) and returns absolute paths by relative path. */
export function writeTempFiles(
  files: Record<string, string | Buffer | object>,
): Record<string, string> {
  const dir = mkdtempSync(join(tmpdir(), 'plan-review-'));
  const paths: Record<string, string> = {};
  for (const [name, content] of Object.entries(files)) {
    const file = join(dir, name);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(
      file,
      typeof content === 'string' || Buffer.isBuffer(content) ? content : JSON.stringify(content),
    );
    paths[name] = file;
  }
  return paths;
}
