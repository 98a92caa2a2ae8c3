import { environmentsOf, loadEnvironments } from '@platform/config';
import { synthFamily } from '@platform/core';
import { editedEnvironments } from '@platform/testing';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ObservabilityStack } from './observability-stack';

describe('a service whose name has a hyphen', () => {
  it('synthesizes through the policy pack: its composite alarm counts every alarm it reads by key', () => {
    const dir = editedEnvironments((d) => {
      for (const name of ['dev', 'staging', 'prod']) {
        const services = d[name]!.get('services', true) as { items: unknown[] };
        services.items.forEach((_, i) => {
          if (d[name]!.getIn(['services', i, 'name']) === 'api')
            d[name]!.setIn(['services', i, 'name'], 'orders-api');
        });
      }
    });
    const environments = environmentsOf('aws', loadEnvironments(dir));
    const result = synthFamily(
      'observability',
      { aws: (app, env, all) => new ObservabilityStack(app, env, all) },
      { environments, outdir: join(mkdtempSync(join(tmpdir(), 'obs-hyphen-')), 'out') },
    );
    expect(result.stacks).toEqual([
      'observability-dev',
      'observability-staging',
      'observability-prod',
    ]);
  });
});
