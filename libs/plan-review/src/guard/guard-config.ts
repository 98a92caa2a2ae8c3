import { readFileSync } from 'node:fs';
import { z } from 'zod';
import defaults from '../../guard.defaults.json';
import { decodeText } from '../plan/decode';
import { InputError } from '../errors';

/** A protection rule: a resource type or address glob, and why destroying a match hurts. */
export interface ProtectRule {
  readonly match: string;
  readonly reason: string;
}

/** An exception: an address (or glob) allowed through, and why. */
export interface AllowRule {
  readonly address: string;
  readonly reason: string;
}

/** What the guard protects and lets through. */
export interface GuardConfig {
  readonly protect: readonly ProtectRule[];
  readonly allow: readonly AllowRule[];
}

const configSchema = z.strictObject({
  $comment: z.string().optional(),
  protect: z
    .array(z.strictObject({ match: z.string().min(1), reason: z.string().min(1) }))
    .default([]),
  allow: z
    .array(z.strictObject({ address: z.string().min(1), reason: z.string().min(1) }))
    .default([]),
});

/** The built-in protections of `guard.defaults.json`. */
export function defaultGuardConfig(): GuardConfig {
  return parseGuardConfig(defaults, 'guard.defaults.json');
}

/** Validates a guard config object; every rule needs a reason. */
export function parseGuardConfig(data: unknown, name: string): GuardConfig {
  const parsed = configSchema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new InputError(
      `${name}: invalid guard config (${issue.path.join('.') || '(root)'}: ${issue.message})`,
    );
  }
  return { protect: parsed.data.protect, allow: parsed.data.allow };
}

/** Reads a project guard config file (JSON). */
export function readGuardConfig(file: string): GuardConfig {
  let text: string;
  try {
    text = decodeText(readFileSync(file), file);
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw new InputError(
      `${file}: cannot read the guard config (${(error as NodeJS.ErrnoException).code ?? 'error'})`,
    );
  }
  try {
    return parseGuardConfig(JSON.parse(text), file);
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw new InputError(`${file}: guard config is not JSON (${(error as Error).message})`);
  }
}

/** Concatenates configs (defaults first). */
export function mergeGuardConfigs(...configs: readonly GuardConfig[]): GuardConfig {
  return { protect: configs.flatMap((c) => c.protect), allow: configs.flatMap((c) => c.allow) };
}
