import { z } from 'zod';
import { logRetentionDays } from './retention';

/** A share of requests, 0 (none) to 1 (all). */
const rate = (what: string) =>
  z
    .number()
    .min(0, `${what} is a share of requests from 0 (none) to 1 (all)`)
    .max(1, `${what} is a share of requests from 0 (none) to 1 (all): 5 % is 0.05`);

const tracingSchema = z.strictObject({
  /**
   * Share of requests X-Ray traces per service, after the reservoir (0 to 1).
   * @default 0.05
   */
  sampleRate: rate('sampleRate').default(0.05),
  /**
   * Requests per second X-Ray traces per service before sampleRate applies (the reservoir).
   * @default 1
   */
  reservoirPerSecond: z
    .number()
    .int('reservoirPerSecond must be a whole number of requests per second')
    .min(0, 'reservoirPerSecond must be 0 or more')
    .default(1),
  /**
   * Per-service sampleRate overrides, by service name (each must name a service of the file).
   * @default none: every service uses sampleRate
   */
  serviceSampleRates: z.record(z.string(), rate('a service sample rate')).default({}),
  /**
   * A request slower than this (seconds) joins the X-Ray group of slow requests.
   * @default 2
   */
  slowRequestSeconds: z
    .number()
    .positive('slowRequestSeconds must be more than 0 seconds')
    .max(60, 'slowRequestSeconds above 60 s would catch nothing an ALB lets through')
    .default(2),
});

const alarmsSchema = z.strictObject({
  /**
   * NAT port-allocation errors per 5 minutes (per gateway) that raise an alarm.
   * @default 1: any error means connections from the private subnets are being dropped
   */
  natPortAllocationErrorsPer5Minutes: z
    .number()
    .int('natPortAllocationErrorsPer5Minutes must be a whole number')
    .min(1, 'natPortAllocationErrorsPer5Minutes must be 1 or more')
    .default(1),
  /**
   * Requests the WAF web ACL blocks per 5 minutes that count as a spike.
   * @default 1000
   */
  wafBlockedRequestsPer5Minutes: z
    .number()
    .int('wafBlockedRequestsPer5Minutes must be a whole number')
    .min(1, 'wafBlockedRequestsPer5Minutes must be 1 or more')
    .default(1000),
});

const doraSchema = z.strictObject({
  /**
   * Days the DORA event log group keeps deployment, pipeline and commit events.
   * @default 400: a year of history plus a quarter to compare with
   */
  retentionDays: logRetentionDays.default(400),
});

/** Dashboards, alarms beyond the per-service ones, tracing and DORA metrics. */
export const observabilitySchema = z
  .strictObject({
    /** X-Ray sampling and groups. */
    tracing: tracingSchema.prefault({}),
    /** Thresholds of the environment-wide alarms (NAT, WAF). */
    alarms: alarmsSchema.prefault({}),
    /** The DORA event log. */
    dora: doraSchema.prefault({}),
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
