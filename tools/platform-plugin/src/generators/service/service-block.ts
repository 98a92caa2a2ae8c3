import type { ServiceGeneratorSchema } from './schema';

/** What the block of one environment depends on. */
export interface TargetEnvironment {
  /** Environment name. */
  readonly name: string;
  /** Whether the environment serves customers. */
  readonly production: boolean;
  /** Whether it is the first on the promotion path (where images are built). */
  readonly first: boolean;
  /** How many availability zones it uses. */
  readonly zoneCount: number;
  /** Its hosted zone, e.g. dev.example.com. */
  readonly hostedZone: string;
  /** Owner of its GitHub repository, e.g. acme. */
  readonly githubOwner: string;
}

/** Options with their defaults applied. */
export type ResolvedOptions = Required<
  Omit<ServiceGeneratorSchema, 'traffic' | 'host' | 'path' | 'repository' | 'environments'>
> &
  Pick<ServiceGeneratorSchema, 'traffic' | 'host' | 'path' | 'repository'>;

/**
 * Task counts per environment: the first (dev) runs one task, other non-production
 * environments two, production at least two and one per availability zone (schema rule:
 * a production service needs at least 2 tasks).
 */
export function taskCounts(env: TargetEnvironment): { desired: number; min: number; max: number } {
  if (env.production) {
    const min = Math.max(2, env.zoneCount);
    return { desired: min, min, max: min * 4 };
  }
  return env.first ? { desired: 1, min: 1, max: 3 } : { desired: 2, min: 2, max: 4 };
}

/** Minutes blue tasks stay up after a blue/green shift: longer where rollback matters more. */
export function terminateBlueAfterMinutes(env: TargetEnvironment): number {
  if (env.production) return 60;
  return env.first ? 5 : 15;
}

/** The service block written to one environment file, keys in the order of the examples. */
export function serviceBlock(
  options: ResolvedOptions,
  env: TargetEnvironment,
): Record<string, unknown> {
  const ecs = options.runtime === 'ecs';
  const route = ecs
    ? {
        host: options.host ?? `${options.name}.${env.hostedZone}`,
        ...(options.path ? { path: options.path } : {}),
      }
    : undefined;
  const deployment =
    options.strategy === 'blue-green'
      ? {
          strategy: 'blue-green',
          trafficShifting: options.traffic ?? 'canary',
          terminateBlueAfterMinutes: terminateBlueAfterMinutes(env),
        }
      : { strategy: 'rolling' };
  return {
    name: options.name,
    repository: options.name,
    source: { repository: options.repository ?? `${env.githubOwner}/${options.name}` },
    port: options.port,
    healthCheckPath: options.healthCheckPath,
    ...(route ? { route } : {}),
    cpu: options.cpu,
    memoryMiB: options.memoryMiB,
    tasks: taskCounts(env),
    autoscaling: { cpuPercent: 60, memoryPercent: 75 },
    runtime: options.runtime,
    deployment,
    ...(ecs ? { appConfig: { profile: 'feature-flags' } } : {}),
  };
}

/** Keys of the block written in flow style (`{ a: 1 }`), as in the example environments. */
export const FLOW_KEYS = ['source', 'route', 'tasks', 'autoscaling', 'appConfig'] as const;
