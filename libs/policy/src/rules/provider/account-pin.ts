import { fromDetails } from '../../results';
import type { Rule } from '../../types';

export const providerAccountPin: Rule = {
  id: 'PLT-PROVIDER-ACCOUNT-PIN',
  message: "AWS provider is not pinned to the environment's account.",
  fix: "set allowed_account_ids to the environment's account id",
  explanation:
    'With the pin, credentials for the wrong account fail before anything is read or changed.',
  level: 'error',
  appliesTo: ['provider.aws'],
  evaluate: (provider) => {
    const ids = provider.config['allowed_account_ids'];
    const pinned =
      Array.isArray(ids) && ids.length > 0 && ids.every((id) => /^\d{12}$/.test(String(id)));
    const assumes = provider.config['assume_role'] !== undefined;
    return fromDetails([
      ...(pinned ? [] : ['allowed_account_ids is not a list of account ids']),
      ...(assumes
        ? ['assume_role bakes a role ARN into the configuration: the caller brings credentials']
        : []),
    ]);
  },
};
