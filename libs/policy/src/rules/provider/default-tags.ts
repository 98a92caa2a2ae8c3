import { fromDetails } from '../../results';
import type { Rule } from '../../types';
import { blocks } from '../helpers';

/** Tags every resource carries through the provider's default_tags. */
export const REQUIRED_TAGS = [
  'Environment',
  'Stack',
  'Owner',
  'CostCenter',
  'ManagedBy',
  'Repository',
];

export const providerDefaultTags: Rule = {
  id: 'PLT-PROVIDER-DEFAULT-TAGS',
  message: 'AWS provider does not tag every resource with ownership.',
  fix: `set default_tags with ${REQUIRED_TAGS.join(', ')}`,
  explanation:
    'Tags are how cost, ownership and incident routing find a resource; default_tags makes them impossible to forget.',
  level: 'error',
  appliesTo: ['provider.aws'],
  evaluate: (provider) => {
    const tags = blocks(provider.config['default_tags']).reduce<Record<string, unknown>>(
      (all, block) => ({ ...all, ...((block['tags'] ?? {}) as Record<string, unknown>) }),
      {},
    );
    return fromDetails(
      REQUIRED_TAGS.filter((t) => typeof tags[t] !== 'string' || tags[t] === '').map(
        (t) => `default tag ${t} is missing`,
      ),
    );
  },
};
