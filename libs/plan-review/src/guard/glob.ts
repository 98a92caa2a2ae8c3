/**
 * A glob with only `*` (any run of characters, dots and brackets included) and `?` (one
 * character), anchored at both ends. Everything else matches literally.
 */
export function globToRegExp(glob: string): RegExp {
  const body = [...glob]
    .map((char) =>
      char === '*' ? '.*' : char === '?' ? '.' : char.replace(/[\\^$.|+()[\]{}]/g, '\\$&'),
    )
    .join('');
  return new RegExp(`^${body}$`, 's');
}

/** True when `text` matches the glob. */
export function matchesGlob(glob: string, text: string): boolean {
  return globToRegExp(glob).test(text);
}

/** An address without instance keys: `module.a["x"].aws_s3_bucket.b[0]` -> `module.a.aws_s3_bucket.b`. */
export function withoutInstanceKeys(address: string): string {
  return address.replace(/\[(?:\d+|"(?:[^"\\]|\\.)*")\]/g, '');
}
