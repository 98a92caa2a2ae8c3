import { z } from 'zod';
import { logRetentionDays } from './retention';

/** A share of requests, 0 (none) to 1 (all). */
const rate = (what: string) =>
  z
    .number()
    .min(0, `${what} is a share of requests from 0 (none) to 1 (all)`)
    .max(1, `${what} is a share of requests from 0 (none) to 1 (all): 5 % is 0.05`);

const tracingSchema = z.strictObject({
  sampleRate: rate('sampleRate').default(0.05).meta({
    description:
      'Share of requests X-Ray traces per service, after the reservoir (0 to 1). Default: 0.05',
  }),
  reservoirPerSecond: z
    .number()
    .int('reservoirPerSecond must be a whole number of requests per second')
    .min(0, 'reservoirPerSecond must be 0 or more')
    .default(1)
    .meta({
      description:
        'Requests per second X-Ray traces per service before sampleRate applies (the reservoir). Default: 1',
    }),
  serviceSampleRates: z
    .record(z.string(), rate('a service sample rate'))
    .default({})
    .meta({
      description:
        'Per-service sampleRate overrides, by service name (each must name a service of the file). Default: none: every service uses sampleRate',
      examples: [{ web: 0.2 }],
    }),
  slowRequestSeconds: z
    .number()
    .positive('slowRequestSeconds must be more than 0 seconds')
    .max(60, 'slowRequestSeconds above 60 s would catch nothing an ALB lets through')
    .default(2)
    .meta({
      description:
        'A request slower than this (seconds) joins the X-Ray group of slow requests. Default: 2',
    }),
});

const alarmsSchema = z.strictObject({
  natPortAllocationErrorsPer5Minutes: z
    .number()
    .int('natPortAllocationErrorsPer5Minutes must be a whole number')
    .min(1, 'natPortAllocationErrorsPer5Minutes must be 1 or more')
    .default(1)
    .meta({
      description:
        'NAT port-allocation errors per 5 minutes (per gateway) that raise an alarm. Default: 1: any error means connections from the private subnets are being dropped',
    }),
  wafBlockedRequestsPer5Minutes: z
    .number()
    .int('wafBlockedRequestsPer5Minutes must be a whole number')
    .min(1, 'wafBlockedRequestsPer5Minutes must be 1 or more')
    .default(1000)
    .meta({
      description:
        'Requests the WAF web ACL blocks per 5 minutes that count as a spike. Default: 1000',
    }),
});

const doraSchema = z.strictObject({
  retentionDays: logRetentionDays.default(400).meta({
    description:
      'Days the DORA event log group keeps deployment, pipeline and commit events. Default: 400: a year of history plus a quarter to compare with',
  }),
});

/** Dashboards, alarms beyond the per-service ones, tracing and DORA metrics. */
export const observabilitySchema = z
  .strictObject({
    tracing: tracingSchema.prefault({}).meta({ description: 'X-Ray sampling and groups.' }),
    alarms: alarmsSchema
      .prefault({})
      .meta({ description: 'Thresholds of the environment-wide alarms (NAT, WAF).' }),
    dora: doraSchema.prefault({}).meta({ description: 'The DORA event log.' }),
  })
  .prefault({});

export type ObservabilityConfig = z.infer<typeof observabilitySchema>;

/** Cross-field problems: per-service sample rates must name services of the environment. */
export function observabilityProblems(env: {
  readonly services: readonly { readonly name: string }[];
  readonly observability: ObservabilityConfig;
}): { path: (string | number)[]; message: string }[] {
  const names = env.services.map((s) => s.name);
  return Object.keys(env.observability.tracing.serviceSampleRates)
    .filter((name) => !names.includes(name))
    .map((name) => ({
      path: ['observability', 'tracing', 'serviceSampleRates', name],
      message: `"${name}" is not a service of this environment (services: ${names.join(', ') || 'none'})`,
    }));
}
