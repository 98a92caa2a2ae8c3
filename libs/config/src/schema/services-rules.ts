import { listenerRulePriority, RULE_PRIORITY_MAX } from '../ecs-naming';
import { ACM_FIRST_NAME_MAX_LENGTH } from './aws-names';
import type { EcsConfig } from './ecs';
import {
  APP_RUNNER_INSTANCE_SIZES,
  APP_RUNNER_MAX_INSTANCES,
  FARGATE_TASK_SIZES,
  SIDECAR_PORTS,
  type ServiceConfig,
} from './services';

type Issue = (path: (string | number)[], message: string) => void;

/** What the service rules need of an environment. */
interface ServicesContext {
  readonly production: boolean;
  readonly ecs: EcsConfig;
  readonly services: readonly ServiceConfig[];
}

const routeKey = (s: ServiceConfig) => `${s.route?.host ?? '(any host)'} ${s.route?.path ?? '/*'}`;

/**
 * Cross-field rules of the services and the ECS settings: unique names and repositories,
 * routes (and their listener-rule priorities) that do not collide and live in the hosted zone, task sizes the runtime accepts,
 * sane task counts, request-count scaling only where target groups stay put, one
 * capacity-provider base. (Secrets may live in another account: the ARN is granted as is.)
 */
export function checkServices(env: ServicesContext, issue: Issue): void {
  const { ecs, services } = env;
  const firstWith = new Map<string, number>();
  const unique = (index: number, field: string, value: string, what: string) => {
    const key = `${field}:${value}`;
    const first = firstWith.get(key);
    if (first === undefined) firstWith.set(key, index);
    else
      issue(
        ['services', index, field],
        `${what} "${value}" is already used by services.${first}; every service needs its own`,
      );
  };

  const priorityOwners = new Map<number, number>();
  const priorityProblem = (index: number, service: ServiceConfig) => {
    const priority = listenerRulePriority(service);
    const first = priorityOwners.get(priority);
    if (first === undefined) return void priorityOwners.set(priority, index);
    if (services[first]!.name === service.name) return; // reported as a duplicate name
    const owner = `services.${first} ("${services[first]!.name}")`;
    if (service.route?.priority !== undefined)
      issue(
        ['services', index, 'route', 'priority'],
        `listener-rule priority ${priority} is already used by ${owner}; every service needs its own`,
      );
    else
      issue(
        ['services', index, 'route'],
        `"${service.name}" derives listener-rule priority ${priority} from its name, which ${owner} already has: set route.priority on one of them to a number no other service uses (1 to ${RULE_PRIORITY_MAX})`,
      );
  };

  services.forEach((service, i) => {
    const at = (...path: (string | number)[]) => ['services', i, ...path];
    unique(i, 'name', service.name, 'name');
    unique(i, 'repository', service.repository, 'repository');

    const sizes = service.runtime === 'app-runner' ? APP_RUNNER_INSTANCE_SIZES : FARGATE_TASK_SIZES;
    const what = service.runtime === 'app-runner' ? 'App Runner' : 'Fargate';
    const memories = sizes[service.cpu];
    if (!memories) {
      issue(
        at('cpu'),
        `${what} does not accept cpu ${service.cpu}: use one of ${Object.keys(sizes).join(', ')}`,
      );
    } else if (!memories.includes(service.memoryMiB)) {
      issue(
        at('memoryMiB'),
        `${what} does not accept ${service.memoryMiB} MiB with cpu ${service.cpu}: use one of ${memories.join(', ')}`,
      );
    }

    const { desired, min, max } = service.tasks;
    if (min > max) issue(at('tasks', 'min'), `must not exceed tasks.max (${min} > ${max})`);
    else if (desired < min || desired > max)
      issue(
        at('tasks', 'desired'),
        `must be between tasks.min and tasks.max (${min} to ${max}, got ${desired})`,
      );
    if (env.production && min < 2) {
      issue(
        at('tasks', 'min'),
        `a production service needs at least 2 tasks so one zone or one task can fail (got ${min})`,
      );
    }

    if (service.runtime === 'app-runner') {
      if (min < 1 || max > APP_RUNNER_MAX_INSTANCES) {
        issue(
          at('tasks', min < 1 ? 'min' : 'max'),
          `App Runner runs 1 to ${APP_RUNNER_MAX_INSTANCES} instances of a service (tasks.min ${min}, tasks.max ${max})`,
        );
      }
      if (service.deployment.strategy !== 'rolling') {
        issue(
          at('deployment', 'strategy'),
          'App Runner deploys by itself: use "rolling" (blue-green needs the ecs runtime)',
        );
      }
      if (service.route)
        issue(at('route'), 'App Runner services get their own URL, not an ALB route: remove route');
      if (service.appConfig)
        issue(at('appConfig'), 'the AppConfig agent sidecar needs the ecs runtime');
      if (service.autoscaling.requestsPerTarget !== undefined)
        issue(
          at('autoscaling', 'requestsPerTarget'),
          'App Runner scales on concurrency: remove requestsPerTarget',
        );
      return;
    }

    const sidecar = SIDECAR_PORTS[service.port];
    if (sidecar) {
      issue(
        at('port'),
        `${service.port} is the port of ${sidecar}, which runs in every ecs task (one network namespace): use another port`,
      );
    }
    if (!service.route || (service.route.host === undefined && service.route.path === undefined)) {
      issue(at('route'), 'an ecs service needs a route: a host, a path, or both');
    } else {
      const { host } = service.route;
      if (
        host !== undefined &&
        host !== ecs.hostedZone.name &&
        !host.endsWith(`.${ecs.hostedZone.name}`)
      ) {
        issue(
          at('route', 'host'),
          `"${host}" is not in the hosted zone ${ecs.hostedZone.name}: the certificate and DNS records live there`,
        );
      }
      unique(i, 'route', routeKey(service), 'route');
      priorityProblem(i, service);
    }
    if (
      service.deployment.strategy === 'blue-green' &&
      service.autoscaling.requestsPerTarget !== undefined
    ) {
      issue(
        at('autoscaling', 'requestsPerTarget'),
        'request-count scaling follows one target group; blue-green swaps them: remove it or use "rolling"',
      );
    }
  });

  certificateFirstNameProblem(env, issue);

  const { fargate, fargateSpot } = ecs.capacityProviders;
  if (fargate.base > 0 && fargateSpot.base > 0) {
    issue(
      ['ecs', 'capacityProviders', 'fargateSpot', 'base'],
      'only one capacity provider may have a base: set one of them to 0',
    );
  }
  if (fargate.weight + fargateSpot.weight === 0) {
    issue(['ecs', 'capacityProviders'], 'at least one capacity provider needs a weight above 0');
  }
  if (env.production && fargate.base < 1) {
    issue(
      ['ecs', 'capacityProviders', 'fargate', 'base'],
      `a production environment keeps at least 1 task on on-demand Fargate so a Spot reclaim never empties a service (got ${fargate.base})`,
    );
  }
}

/**
 * The ALB's certificate names every route host, the first one (in service order) as its
 * domain_name, or the zone's name when no service has a host; ACM allows 64 characters there.
 */
function certificateFirstNameProblem(env: ServicesContext, issue: Issue): void {
  const index = env.services.findIndex((s) => s.runtime === 'ecs' && s.route?.host !== undefined);
  const first = index >= 0 ? env.services[index]?.route?.host : env.ecs.hostedZone.name;
  if (first === undefined || first.length <= ACM_FIRST_NAME_MAX_LENGTH) return;
  const allowed = `ACM allows ${ACM_FIRST_NAME_MAX_LENGTH} characters for a certificate's first name (got ${first.length})`;
  if (index >= 0) {
    issue(
      ['services', index, 'route', 'host'],
      `"${first}" is the first host, so the certificate's first name: ${allowed}. Shorten it, or list a service with a shorter host first`,
    );
  } else {
    issue(
      ['ecs', 'hostedZone', 'name'],
      `"${first}" is the certificate's only name (no service has a host): ${allowed}`,
    );
  }
}
