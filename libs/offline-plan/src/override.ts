// The override that makes a synthesized stack plannable with no credentials and no network:
// a local backend, placeholder credentials with the provider's skip flags, and every remote-state
// read served from a local fixture state (tools/plan-fixtures/<family>.json: the outputs the
// producer publishes).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Json, State } from './plan-json';
import { ctyTypeOf } from './state-from-plan';
import { WORKSPACE_ROOT } from './terraform';

/** Where remote-state fixtures live: one JSON object of outputs per producing family. */
export const FIXTURES_DIR = join(WORKSPACE_ROOT, 'tools', 'plan-fixtures');

/** A synthesized stack (cdk.tf.json), as far as the override reads it. */
export interface SynthesizedStack {
  readonly provider?: Record<string, readonly Record<string, unknown>[]>;
  readonly data?: {
    readonly terraform_remote_state?: Record<
      string,
      { readonly config?: { readonly key?: string } }
    >;
  };
}

/** The override file and the fixture states it points at (file name → state). */
export interface OfflineOverride {
  readonly override: Record<string, unknown>;
  readonly fixtures: Record<string, State>;
}

/** The offline override of a stack; fixture states are written beside it by the caller. */
export function offlineOverride(stack: SynthesizedStack): OfflineOverride {
  const override: Record<string, unknown> = {
    terraform: { backend: { local: { path: 'terraform.tfstate' } } },
    provider: {
      aws: (stack.provider?.['aws'] ?? []).map((p) => ({
        ...(p['alias'] ? { alias: p['alias'] } : {}),
        // the account pin needs an STS call; the real plan and apply keep it
        allowed_account_ids: null,
        access_key: 'offline-placeholder',
        secret_key: 'offline-placeholder',
        skip_credentials_validation: true,
        skip_requesting_account_id: true,
        skip_metadata_api_check: 'true',
        skip_region_validation: true,
      })),
    },
  };
  const fixtures: Record<string, State> = {};
  const remote = stack.data?.terraform_remote_state ?? {};
  if (Object.keys(remote).length > 0) {
    const reads: Record<string, unknown> = {};
    for (const [name, block] of Object.entries(remote)) {
      const key = block.config?.key ?? '';
      const family = key.split('/')[1]?.replace(/-[^-]+$/, '');
      const fixture = join(FIXTURES_DIR, `${family}.json`);
      if (!family || !existsSync(fixture))
        throw new Error(
          `remote state "${name}" (key ${key || '(none)'}) has no fixture: add tools/plan-fixtures/${family ?? '<family>'}.json with the outputs its producer publishes`,
        );
      const file = `${family}.fixture.tfstate`;
      fixtures[file] = fixtureState(
        JSON.parse(readFileSync(fixture, 'utf8')) as Record<string, Json>,
      );
      reads[name] = { backend: 'local', config: { path: file } };
    }
    override['data'] = { terraform_remote_state: reads };
  }
  return { override, fixtures };
}

/** A state (format 4) holding only the given outputs. */
export function fixtureState(outputs: Record<string, Json>): State {
  return {
    version: 4,
    terraform_version: '1.11.4',
    serial: 1,
    lineage: 'plan-offline-fixture',
    outputs: Object.fromEntries(
      Object.entries(outputs).map(([k, v]) => [
        k,
        { value: v, type: Array.isArray(v) ? ['list', 'string'] : ctyTypeOf(v) },
      ]),
    ),
    resources: [],
    check_results: null,
  };
}

/** Region and account of a stack's default AWS provider. */
export function stackLocation(stack: SynthesizedStack): { region: string; accountId: string } {
  const provider = (stack.provider?.['aws'] ?? []).find((p) => !p['alias']) ?? {};
  const accounts = provider['allowed_account_ids'];
  return {
    region: typeof provider['region'] === 'string' ? provider['region'] : 'us-east-1',
    accountId:
      Array.isArray(accounts) && typeof accounts[0] === 'string' ? accounts[0] : '123456789012',
  };
}
