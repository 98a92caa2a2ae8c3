/** One problem in one environment file. */
export interface ConfigProblem {
  /** The file, relative to the workspace root when possible. */
  readonly file: string;
  /** 1-based line of the offending field, when it can be located. */
  readonly line?: number;
  /** Dotted path of the field, e.g. network.natStrategy; empty for the whole file. */
  readonly field: string;
  /** What is wrong and what is allowed. */
  readonly message: string;
}

/** Raised when one or more environment files are invalid; lists every problem at once. */
export class ConfigError extends Error {
  constructor(readonly problems: readonly ConfigProblem[]) {
    super(formatProblems(problems));
    this.name = 'ConfigError';
  }
}

/** One line per problem: `environments/prod.yaml:12 network.natStrategy: must be ...`. */
export function formatProblems(problems: readonly ConfigProblem[]): string {
  return problems
    .map((p) => `${p.file}${p.line ? `:${p.line}` : ''} ${p.field || '(file)'}: ${p.message}`)
    .join('\n');
}
