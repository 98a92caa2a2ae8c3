// terraform's built-in provider (terraform_remote_state, terraform_data): part of terraform
// itself, so no provider schema document holds it unless terraform printed it. Taken from
// `terraform providers schema -json` of terraform 1.11.4, documentation dropped.
import type { ProviderSchema } from './schema';

/** The built-in provider's source address. */
export const BUILTIN_PROVIDER = 'terraform.io/builtin/terraform';

export const BUILTIN_SCHEMA: ProviderSchema = {
  resource_schemas: {
    terraform_data: {
      version: 0,
      block: {
        attributes: {
          id: { type: 'string', computed: true },
          input: { type: 'dynamic', optional: true },
          output: { type: 'dynamic', computed: true },
          triggers_replace: { type: 'dynamic', optional: true },
        },
      },
    },
  },
  data_source_schemas: {
    terraform_remote_state: {
      version: 0,
      block: {
        attributes: {
          backend: { type: 'string', required: true },
          config: { type: 'dynamic', optional: true },
          defaults: { type: 'dynamic', optional: true },
          outputs: { type: 'dynamic', computed: true },
          workspace: { type: 'string', optional: true },
        },
      },
    },
  },
};
