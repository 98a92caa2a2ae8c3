import { awsExamples, editedEnvironments, ENVIRONMENTS_DIR, problems } from './test-support';

const byName = (dir: string, name: string) => awsExamples(dir).find((e) => e.name === name)!;

describe('observability section of the environment files', () => {
  it('the example environments trace more in dev than in prod and keep DORA events in prod for two years', () => {
    const dev = byName(ENVIRONMENTS_DIR, 'dev');
    const prod = byName(ENVIRONMENTS_DIR, 'prod');
    expect(dev.observability.tracing.sampleRate).toBeGreaterThan(
      prod.observability.tracing.sampleRate,
    );
    expect(prod.observability.dora.retentionDays).toBe(731);
  });

  it('fills every field with its default when the section is left out', () => {
    const dir = editedEnvironments((d) => d['dev']!.delete('observability'));
    expect(byName(dir, 'dev').observability).toEqual({
      tracing: {
        sampleRate: 0.05,
        reservoirPerSecond: 1,
        serviceSampleRates: {},
        slowRequestSeconds: 2,
      },
      alarms: { natPortAllocationErrorsPer5Minutes: 1, wafBlockedRequestsPer5Minutes: 1000 },
      dora: { retentionDays: 400 },
    });
  });

  it('rejects a sample rate written as a percentage, naming the file, the field and the allowed range', () => {
    const dir = editedEnvironments((d) =>
      d['staging']!.setIn(['observability', 'tracing', 'sampleRate'], 5),
    );
    expect(problems(dir)).toEqual([
      'staging.yaml observability.tracing.sampleRate: sampleRate is a share of requests from 0 (none) to 1 (all): 5 % is 0.05',
    ]);
  });

  it('rejects a per-service rate for a service the environment does not run', () => {
    const dir = editedEnvironments((d) =>
      d['prod']!.setIn(['observability', 'tracing', 'serviceSampleRates'], { worker: 0.5 }),
    );
    expect(problems(dir)).toEqual([
      'prod.yaml observability.tracing.serviceSampleRates.worker: "worker" is not a service of this environment (services: web, api)',
    ]);
  });

  it('rejects a DORA retention CloudWatch Logs does not accept', () => {
    const dir = editedEnvironments((d) =>
      d['dev']!.setIn(['observability', 'dora', 'retentionDays'], 100),
    );
    expect(problems(dir)).toEqual([
      expect.stringMatching(
        /^dev\.yaml observability\.dora\.retentionDays: must be a retention CloudWatch Logs accepts/,
      ),
    ]);
  });
});
