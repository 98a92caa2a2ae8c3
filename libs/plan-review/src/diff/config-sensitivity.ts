import { isContainer, isObject } from '../plan/json';
import type { Json } from '../plan/types';
import type { ConfigItem } from './config-items';

/** Attribute names whose values a config diff never shows. */
export const SECRET_KEY = /pass(word)?|secret|token|private_?key|access_?key|credential|api_?key/i;

/**
 * A sensitivity map for a configuration block, in the shape terraform uses for plans: values under
 * secret-looking keys, a sensitive variable's default and a sensitive output's value are marked.
 */
export function configSensitivity(item: ConfigItem): Json {
  const body = item.body;
  if (isObject(body) && body['sensitive'] === true) {
    if (item.block === 'variable') return { default: true };
    if (item.block === 'output') return { value: true };
  }
  return byKeyName(body);
}

function byKeyName(value: Json): Json {
  if (!isContainer(value)) return false;
  if (Array.isArray(value)) return value.map(byKeyName);
  return Object.fromEntries(
    Object.entries(value).map(([key, item]) => [
      key,
      SECRET_KEY.test(key) ? true : byKeyName(item),
    ]),
  );
}
