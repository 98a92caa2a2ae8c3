// A plan that holds one secret in every place terraform puts sensitive values, including an
// attribute terraform forgot to mark (terraform_data.output copies a sensitive input unmarked).
import type { TfPlan } from '../src/plan/types';
import { plan, rc } from './builders';

/** The secret; it must never appear in any report. */
export const SECRET = 's3cr3t-value-DO-NOT-LEAK';

/** A plan that leaks {@link SECRET} everywhere a careless renderer could pick it up. */
export function leakyPlan(): TfPlan {
  return plan(
    [
      rc('terraform_data.marked', ['update'], {
        before: { input: SECRET, output: SECRET },
        after: { input: `${SECRET}-2` },
        after_unknown: { output: true },
        before_sensitive: { input: true },
        after_sensitive: { input: true },
      }),
      rc(
        'aws_db_instance.db',
        ['delete', 'create'],
        {
          before: { password: SECRET, tags: { owner: 'team' } },
          after: { password: SECRET, tags: { owner: 'team-2' } },
          before_sensitive: true,
          after_sensitive: true,
          replace_paths: [['password']],
        },
        { action_reason: 'replace_because_cannot_update' },
      ),
      rc('terraform_data.copy', ['create'], { after: { input: `prefix ${SECRET} suffix` } }),
    ],
    {
      variables: { secret: { value: SECRET } },
      configuration: { root_module: { variables: { secret: { sensitive: true } } } },
      output_changes: {
        sec: {
          actions: ['update'],
          before: SECRET,
          after: `${SECRET}-out`,
          before_sensitive: true,
          after_sensitive: true,
        },
      },
      planned_values: { outputs: { sec: { sensitive: true, value: `${SECRET}-out` } } },
    },
  );
}
