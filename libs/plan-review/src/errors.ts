/**
 * Bad input from the user (unreadable file, not a plan, unsupported format, unknown option).
 * The CLI prints the message as one line on stderr and exits with code 2.
 */
export class InputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InputError';
  }
}

/** Collapses a message to one line, so the CLI never prints more than one line per error. */
export function oneLine(message: string): string {
  return message.replace(/\s*\n\s*/g, ' ').trim();
}
