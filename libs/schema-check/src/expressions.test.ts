import { stringKind } from './expressions';

describe('strings as terraform templates', () => {
  it.each([
    ['plain text', 'literal'],
    ['${google_storage_bucket.state.name}', 'expression'],
    ['${jsonencode({ a = "}" })}', 'expression'],
    ['${var.a}-${var.b}', 'template'],
    ['gs://${google_storage_bucket.state.name}/x', 'template'],
    ['%{ if var.x }a%{ endif }', 'template'],
    ['$${not.interpolated}', 'literal'],
    ['100%', 'literal'],
  ] as const)('%s is %s', (text, kind) => {
    expect(stringKind(text)).toBe(kind);
  });
});
