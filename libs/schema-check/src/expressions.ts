// Terraform's JSON syntax evaluates every string as a template: `${...}` interpolations and
// `%{...}` directives. What the checker needs to know about a string before comparing it with a
// type: is it one expression (any type at all), a template (a string, maybe unknown) or plain text.

/** How a JSON string reads as a terraform template. */
export type StringKind = 'literal' | 'expression' | 'template';

/**
 * `expression` when the whole string is one interpolation (`${aws_vpc.main.id}`: its value may
 * have any type), `template` when it mixes text with interpolations or directives (a string,
 * usually unknown until apply), `literal` otherwise. `$${` and `%%{` are escapes, not templates.
 */
export function stringKind(value: string): StringKind {
  const opens = interpolationStarts(value);
  if (opens.length === 0) return 'literal';
  if (opens.length === 1 && opens[0] === 0 && value.startsWith('${')) {
    const end = closingBrace(value, 2);
    if (end === value.length - 1) return 'expression';
  }
  return 'template';
}

/** True when the string holds an interpolation or directive (its value is decided by terraform). */
export const isTemplate = (value: string): boolean => stringKind(value) !== 'literal';

/** Offsets of `${` and `%{` that are not escaped as `$${` / `%%{`. */
function interpolationStarts(value: string): number[] {
  const starts: number[] = [];
  for (let i = 0; i < value.length - 1; i++) {
    const c = value[i];
    if ((c === '$' || c === '%') && value[i + 1] === '{') {
      if (i > 0 && value[i - 1] === c) continue; // the second `$` of a `$${` escape
      starts.push(i);
    }
  }
  return starts;
}

/** The offset of the `}` that closes a `${` opened before `from`, skipping quoted strings. */
function closingBrace(value: string, from: number): number {
  let depth = 1;
  let quote = false;
  for (let i = from; i < value.length; i++) {
    const c = value[i];
    if (quote) {
      if (c === '\\') i++;
      else if (c === '"') quote = false;
      continue;
    }
    if (c === '"') quote = true;
    else if (c === '{') depth++;
    else if (c === '}' && --depth === 0) return i;
  }
  return -1;
}
