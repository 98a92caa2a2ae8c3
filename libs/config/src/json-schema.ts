import { z } from 'zod';
import { environmentSchema } from './schema/environment';

/**
 * JSON Schema of an environment file, for editors (yaml-language-server). Cross-field rules
 * (CIDR layout, production rules, cross-file uniqueness) are enforced only at load.
 */
export function environmentJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(environmentSchema, { io: 'input', unrepresentable: 'any' }) as Record<
    string,
    unknown
  >;
}
