import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { InputError } from '../errors';
import { decodeText } from './decode';
import type { TfPlan } from './types';

const change = z.looseObject({ actions: z.array(z.string()) });
const resourceChange = z.looseObject({
  address: z.string().optional(),
  type: z.string(),
  name: z.string(),
  change,
});
const planSchema = z.looseObject({
  format_version: z.string(),
  resource_changes: z.array(resourceChange).optional(),
  resource_drift: z.array(resourceChange).optional(),
  output_changes: z.record(z.string(), change).optional(),
  variables: z.record(z.string(), z.looseObject({})).optional(),
});

/** Keys of which every plan terraform writes has at least one. */
const PLAN_KEYS = ['planned_values', 'resource_changes', 'prior_state', 'configuration'] as const;

/** Plan JSON major versions this tool understands (`format_version` "0.x" and "1.x"). */
export const SUPPORTED_FORMAT_MAJORS: readonly number[] = [0, 1];

/** Reads, decodes and validates one `terraform show -json` file; throws {@link InputError}. */
export function readPlanFile(file: string): TfPlan {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (error) {
    throw new InputError(
      `${file}: cannot read the file (${(error as NodeJS.ErrnoException).code ?? 'error'})`,
    );
  }
  return parsePlan(decodeText(bytes, file), file);
}

/** Parses and validates plan JSON text; `name` labels error messages. */
export function parsePlan(text: string, name = 'plan'): TfPlan {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new InputError(`${name}: not JSON (${(error as Error).message})`);
  }
  return validatePlan(data, name);
}

/** Checks that a parsed value is a plan JSON of a supported format version. */
export function validatePlan(data: unknown, name = 'plan'): TfPlan {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    throw new InputError(`${name}: not a terraform plan JSON (expected an object)`);
  }
  const record = data as Record<string, unknown>;
  if (!('format_version' in record)) {
    throw new InputError(
      `${name}: not a terraform plan JSON (no format_version; expected "terraform show -json PLANFILE" output)`,
    );
  }
  if ('values' in record && !('planned_values' in record) && !('resource_changes' in record)) {
    throw new InputError(
      `${name}: this is a terraform state, not a plan (run "terraform show -json PLANFILE")`,
    );
  }
  const parsed = planSchema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue.path.map(String).join('.') || '(root)';
    throw new InputError(`${name}: not a terraform plan JSON (${where}: ${issue.message})`);
  }
  const major = Number(parsed.data.format_version.split('.')[0]);
  if (!SUPPORTED_FORMAT_MAJORS.includes(major)) {
    throw new InputError(
      `${name}: unsupported plan format_version "${parsed.data.format_version}" (supported: 0.x and 1.x)`,
    );
  }
  if (!PLAN_KEYS.some((key) => key in record)) {
    throw new InputError(
      `${name}: not a terraform plan JSON (none of ${PLAN_KEYS.join(', ')}; expected "terraform show -json PLANFILE" output)`,
    );
  }
  return data as TfPlan;
}
