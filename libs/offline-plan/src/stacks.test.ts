import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { offlineGap } from './stacks';

describe('which stacks an offline plan covers', () => {
  const stackWith = (providers: Record<string, unknown>) => {
    const dir = mkdtempSync(join(tmpdir(), 'offline-gap-'));
    const source = join(dir, 'cdk.tf.json');
    writeFileSync(source, JSON.stringify({ terraform: { required_providers: providers } }));
    return { app: 'network', stack: 'network-x', source };
  };

  it('plans AWS stacks', () => {
    expect(offlineGap(stackWith({ aws: { source: 'aws', version: '5.100.0' } }))).toBeUndefined();
  });

  it('skips a stack that needs the google provider, saying that validate checks it instead', () => {
    expect(offlineGap(stackWith({ google: { source: 'google', version: '6.50.0' } }))).toMatch(
      /needs the google provider, which offline plans do not cover: validate checks it/,
    );
  });
});
