import type { AwsEnvironment } from './load';
import type { Document } from 'yaml';
import { awsExamples, editedEnvironments, problems, problemsAfter } from './test-support';
import {
  appConfigNames,
  DERIVED_RULE_PRIORITY_MIN,
  derivedRulePriority,
  ecrRepositoryUrl,
  listenerRulePriority,
  RULE_PRIORITY_MAX,
} from './index';

describe('services, ecs and registry sections', () => {
  // loaded by each test (beforeEach runs inside the test; code run while jest collects tests
  // belongs to no test, so a mutation run could not tell which tests check it)
  let envs: AwsEnvironment[];
  beforeEach(() => {
    envs = awsExamples();
  });

  it('every example environment runs a blue-green canary service and a rolling one', () => {
    for (const env of envs) {
      const strategies = env.services.map((s) =>
        s.deployment.strategy === 'blue-green'
          ? `blue-green/${s.deployment.trafficShifting}`
          : s.deployment.strategy,
      );
      expect(strategies).toEqual(expect.arrayContaining(['blue-green/canary', 'rolling']));
    }
  });

  it('AppConfig names derive from the service and the environment unless config names them', () => {
    const dev = envs[0]!;
    const web = dev.services.find((s) => s.name === 'web')!;
    expect(appConfigNames(dev, web)).toEqual({
      application: 'web',
      environment: 'dev',
      profile: 'feature-flags',
    });
    expect(appConfigNames(dev, { name: 'x', appConfig: undefined })).toBeUndefined();
    expect(ecrRepositoryUrl(dev, 'web')).toBe('111111111111.dkr.ecr.eu-west-1.amazonaws.com/web');
  });

  it('a service may tune its health checks, drain, cooldowns and alarm thresholds; unset, they are absent', () => {
    const dir = editedEnvironments((d) => {
      d['dev']!.setIn(['services', 0, 'healthCheck'], {
        intervalSeconds: 30,
        gracePeriodSeconds: 90,
      });
      d['dev']!.setIn(['services', 0, 'deregistrationDelaySeconds'], 10);
      d['dev']!.setIn(['services', 0, 'autoscaling', 'scaleInCooldownSeconds'], 300);
      d['dev']!.setIn(['services', 0, 'alarms'], { errorRatePercent: 1.5, p99LatencySeconds: 0.8 });
    });
    const web = awsExamples(dir)[0]!.services.find((s) => s.name === 'web')!;
    expect(web.healthCheck).toEqual({ intervalSeconds: 30, gracePeriodSeconds: 90 });
    expect(web.deregistrationDelaySeconds).toBe(10);
    expect(web.autoscaling.scaleInCooldownSeconds).toBe(300);
    expect(web.alarms).toEqual({ errorRatePercent: 1.5, p99LatencySeconds: 0.8 });
    const api = envs[0]!.services.find((s) => s.name === 'api')!;
    expect([api.healthCheck, api.deregistrationDelaySeconds, api.alarms]).toEqual([
      undefined,
      undefined,
      undefined,
    ]);
  });

  it('rejects timings and thresholds outside what AWS accepts, naming each field', () => {
    const dir = editedEnvironments((d) => {
      d['dev']!.setIn(['services', 0, 'healthCheck'], { intervalSeconds: 1, healthyThreshold: 11 });
      d['dev']!.setIn(['services', 0, 'alarms'], { cpuPercent: 0 });
    });
    expect(problems(dir)).toEqual([
      'dev.yaml services.0.healthCheck.intervalSeconds: must be 5 to 300 seconds',
      'dev.yaml services.0.healthCheck.healthyThreshold: must be 2 to 10 checks',
      'dev.yaml services.0.alarms.cpuPercent: must be more than 0 (percent)',
    ]);
  });

  it('rejects two services with the same name', () => {
    const dir = editedEnvironments((d) => d['dev']!.setIn(['services', 1, 'name'], 'web'));
    expect(problems(dir)).toEqual([
      'dev.yaml services.1.name: name "web" is already used by services.0; every service needs its own',
    ]);
  });

  it('rejects colliding routes', () => {
    const dir = editedEnvironments((d) => {
      d['dev']!.setIn(['services', 1, 'route', 'host'], 'www.dev.acme-platform.example');
      d['dev']!.deleteIn(['services', 1, 'route', 'path']);
    });
    expect(problems(dir)).toEqual([
      'dev.yaml services.1.route: route "www.dev.acme-platform.example /*" is already used by services.0; every service needs its own',
    ]);
  });

  it('rejects two services whose names derive the same listener-rule priority, and names the fix', () => {
    // FNV-1a of "svc-009" and "svc-012" both land on 42995
    expect(derivedRulePriority('svc-009')).toBe(derivedRulePriority('svc-012'));
    // renamed in every AWS environment, so the promotion path still releases them
    const renamed = (d: Record<string, Document>) => {
      for (const env of ['dev', 'staging', 'prod']) {
        d[env]!.setIn(['services', 0, 'name'], 'svc-009');
        d[env]!.setIn(['services', 1, 'name'], 'svc-012');
      }
    };
    expect(problems(editedEnvironments(renamed))).toEqual(
      ['dev', 'prod', 'staging'].map(
        (env) =>
          `${env}.yaml services.1.route: "svc-012" derives listener-rule priority 42995 from its name, which services.0 ("svc-009") already has: set route.priority on one of them to a number no other service uses (1 to 50000)`,
      ),
    );
    const fixed = editedEnvironments((d) => {
      renamed(d);
      for (const env of ['dev', 'staging', 'prod'])
        d[env]!.setIn(['services', 1, 'route', 'priority'], 900);
    });
    const [first, second] = awsExamples(fixed)[0]!.services;
    expect([listenerRulePriority(first!), listenerRulePriority(second!)]).toEqual([42995, 900]);
  });

  it('rejects a route.priority another service has, set or derived, and one ALB does not accept', () => {
    const dir = editedEnvironments((d) =>
      d['dev']!.setIn(['services', 1, 'route', 'priority'], derivedRulePriority('web')),
    );
    expect(problems(dir)).toEqual([
      `dev.yaml services.1.route.priority: listener-rule priority ${derivedRulePriority('web')} is already used by services.0 ("web"); every service needs its own`,
    ]);
    const outside = editedEnvironments((d) => {
      d['dev']!.setIn(['services', 0, 'route', 'priority'], 0);
      d['dev']!.setIn(['services', 1, 'route', 'priority'], 50001);
    });
    expect(problems(outside)).toEqual([
      'dev.yaml services.0.route.priority: ALB listener-rule priorities are 1 to 50000',
      'dev.yaml services.1.route.priority: ALB listener-rule priorities are 1 to 50000',
    ]);
  });

  it('derives a listener-rule priority from the name alone, from 1000 up, unless route.priority is set', () => {
    expect(derivedRulePriority('web')).toBe(5825);
    expect(derivedRulePriority('api')).toBe(31567);
    expect(listenerRulePriority({ name: 'web', route: {} })).toBe(5825);
    expect(listenerRulePriority({ name: 'web', route: { priority: 1 } })).toBe(1);
    const many = Array.from({ length: 2000 }, (_, i) => derivedRulePriority(`service-${i}`));
    expect(Math.min(...many)).toBeGreaterThanOrEqual(DERIVED_RULE_PRIORITY_MIN);
    expect(Math.max(...many)).toBeLessThan(RULE_PRIORITY_MAX);
  });

  it('rejects a host outside the hosted zone', () => {
    const dir = editedEnvironments((d) =>
      d['dev']!.setIn(['services', 0, 'route', 'host'], 'www.other.example'),
    );
    expect(problems(dir)).toEqual([
      'dev.yaml services.0.route.host: "www.other.example" is not in the hosted zone dev.acme-platform.example: the certificate and DNS records live there',
    ]);
  });

  it('rejects a CPU/memory pair Fargate does not accept, naming the allowed memories', () => {
    const dir = editedEnvironments((d) => d['dev']!.setIn(['services', 0, 'memoryMiB'], 8192));
    expect(problems(dir)).toEqual([
      'dev.yaml services.0.memoryMiB: Fargate does not accept 8192 MiB with cpu 512: use one of 1024, 2048, 3072, 4096',
    ]);
    const cpu = editedEnvironments((d) => d['dev']!.setIn(['services', 0, 'cpu'], 300));
    expect(problems(cpu)[0]).toMatch(
      /^dev\.yaml services\.0\.cpu: Fargate does not accept cpu 300: use one of 256, 512/,
    );
  });

  it('accepts every pair in the Fargate table and a second service added as one block', () => {
    const dir = editedEnvironments((d) => {
      const api = d['dev']!.getIn(['services', 1]) as { toJSON(): Record<string, unknown> };
      d['dev']!.addIn(['services'], {
        ...api.toJSON(),
        name: 'worker',
        repository: 'worker',
        cpu: 256,
        memoryMiB: 2048,
        route: { path: '/jobs/*' },
      });
    });
    expect(awsExamples(dir)[0]!.services.map((s) => s.name)).toEqual(['api', 'web', 'worker']);
  });

  it('rejects a plain secret value: secrets are ARNs', () => {
    const plain = editedEnvironments((d) =>
      d['dev']!.setIn(['services', 1, 'secrets', 'DATABASE_URL'], 'postgres://user:pw@db'),
    );
    expect(problems(plain)[0]).toMatch(
      /^dev\.yaml services\.1\.secrets\.DATABASE_URL: must be the ARN of an SSM parameter/,
    );
  });

  it('rejects request-count scaling on a blue-green service', () => {
    const dir = editedEnvironments((d) =>
      d['dev']!.setIn(['services', 0, 'autoscaling', 'requestsPerTarget'], 100),
    );
    expect(problems(dir)).toEqual([
      'dev.yaml services.0.autoscaling.requestsPerTarget: request-count scaling follows one target group; blue-green swaps them: remove it or use "rolling"',
    ]);
  });

  it('rejects an unknown traffic shift and lists the allowed ones', () => {
    const dir = editedEnvironments((d) =>
      d['dev']!.setIn(['services', 0, 'deployment', 'trafficShifting'], 'slow'),
    );
    expect(problems(dir)).toEqual([
      'dev.yaml services.0.deployment.trafficShifting: must be one of "all-at-once", "canary", "linear" (got "slow")',
    ]);
  });

  it('rejects desired tasks outside min..max, and a production service with one task', () => {
    const dev = editedEnvironments((d) => d['dev']!.setIn(['services', 0, 'tasks', 'desired'], 9));
    expect(problems(dev)).toEqual([
      'dev.yaml services.0.tasks.desired: must be between tasks.min and tasks.max (1 to 3, got 9)',
    ]);
    const prod = editedEnvironments((d) => d['prod']!.setIn(['services', 1, 'tasks', 'min'], 1));
    expect(problems(prod)).toEqual([
      'prod.yaml services.1.tasks.min: a production service needs at least 2 tasks so one zone or one task can fail (got 1)',
    ]);
  });

  it('rejects a base on both capacity providers, and production without an on-demand base', () => {
    const both = editedEnvironments((d) =>
      d['staging']!.setIn(['ecs', 'capacityProviders', 'fargateSpot', 'base'], 1),
    );
    expect(problems(both)).toEqual([
      'staging.yaml ecs.capacityProviders.fargateSpot.base: only one capacity provider may have a base: set one of them to 0',
    ]);
    const prod = editedEnvironments((d) =>
      d['prod']!.setIn(['ecs', 'capacityProviders', 'fargate', 'base'], 0),
    );
    expect(problems(prod)[0]).toMatch(
      /^prod\.yaml ecs\.capacityProviders\.fargate\.base: a production environment keeps at least 1 task on on-demand Fargate/,
    );
  });

  it('rejects an ecs service without a route, and App Runner with blue-green', () => {
    const noRoute = editedEnvironments((d) => d['dev']!.deleteIn(['services', 1, 'route']));
    expect(problems(noRoute)).toEqual([
      'dev.yaml services.1.route: an ecs service needs a route: a host, a path, or both',
    ]);
    const appRunner = editedEnvironments((d) => {
      d['dev']!.setIn(['services', 0, 'runtime'], 'app-runner');
      d['dev']!.deleteIn(['services', 0, 'route']);
      d['dev']!.deleteIn(['services', 0, 'appConfig']);
    });
    expect(problems(appRunner)).toEqual([
      'dev.yaml services.0.deployment.strategy: App Runner deploys by itself: use "rolling" (blue-green needs the ecs runtime)',
    ]);
  });

  it('rejects a WAF rate limit below what AWS WAF accepts', () => {
    const dir = editedEnvironments((d) =>
      d['dev']!.setIn(['ecs', 'waf', 'rateLimitPer5Minutes'], 10),
    );
    expect(problems(dir)).toEqual([
      'dev.yaml ecs.waf.rateLimitPer5Minutes: AWS WAF rate limits are 100 or more per 5 minutes',
    ]);
  });
});

describe('service rules at their boundaries', () => {
  type Docs = Record<string, Document>;
  const dev = (d: Docs) => d['dev']!;

  it('task counts: min above max is one problem; desired may equal either bound', () => {
    const tasks = (desired: number, min: number, max: number) => (d: Docs) =>
      dev(d).setIn(['services', 1, 'tasks'], { desired, min, max });
    expect(problemsAfter(tasks(2, 3, 2))).toEqual([
      'dev.yaml services.1.tasks.min: must not exceed tasks.max (3 > 2)',
    ]);
    expect(problemsAfter(tasks(0, 1, 4))).toEqual([
      'dev.yaml services.1.tasks.desired: must be between tasks.min and tasks.max (1 to 4, got 0)',
    ]);
    expect(problemsAfter(tasks(4, 1, 4))).toEqual([]);
    expect(problemsAfter(tasks(1, 1, 4))).toEqual([]);
  });

  it('capacity providers: some weight is needed; production keeps a base of 1 or more', () => {
    expect(
      problemsAfter((d) => {
        dev(d).setIn(['ecs', 'capacityProviders', 'fargate', 'weight'], 0);
        dev(d).setIn(['ecs', 'capacityProviders', 'fargateSpot', 'weight'], 0);
      }),
    ).toEqual([
      'dev.yaml ecs.capacityProviders: at least one capacity provider needs a weight above 0',
    ]);
    expect(
      problemsAfter((d) => d['prod']!.setIn(['ecs', 'capacityProviders', 'fargate', 'base'], 1)),
    ).toEqual([]);
  });

  it('routes: a host may be the zone itself; a route needs a host or a path; two path-only routes collide', () => {
    expect(
      problemsAfter((d) =>
        dev(d).setIn(['services', 1, 'route', 'host'], 'dev.acme-platform.example'),
      ),
    ).toEqual([]);
    expect(problemsAfter((d) => dev(d).setIn(['services', 1, 'route'], { priority: 7 }))).toEqual([
      'dev.yaml services.1.route: an ecs service needs a route: a host, a path, or both',
    ]);
    expect(
      problemsAfter((d) => {
        dev(d).setIn(['services', 0, 'route'], { path: '/v1/*' });
        dev(d).deleteIn(['services', 1, 'route', 'host']);
      }),
    ).toEqual([
      'dev.yaml services.1.route: route "(any host) /v1/*" is already used by services.0; every service needs its own',
    ]);
  });

  it('App Runner: its own sizes, 1 to 25 instances, no route, AppConfig or request scaling', () => {
    /** dev's api (rolling, route, request scaling) moved to App Runner, then `edit`. */
    const api = (edit: (service: Document) => void = () => undefined) =>
      problemsAfter((d) => {
        dev(d).setIn(['services', 1, 'runtime'], 'app-runner');
        edit(dev(d));
      });
    expect(api()).toEqual([
      'dev.yaml services.1.route: App Runner services get their own URL, not an ALB route: remove route',
      'dev.yaml services.1.autoscaling.requestsPerTarget: App Runner scales on concurrency: remove requestsPerTarget',
    ]);
    const bare = (edit: (service: Document) => void) =>
      api((d) => {
        d.deleteIn(['services', 1, 'route']);
        d.deleteIn(['services', 1, 'autoscaling', 'requestsPerTarget']);
        edit(d);
      });
    expect(bare((d) => d.setIn(['services', 1, 'memoryMiB'], 8192))).toEqual([
      'dev.yaml services.1.memoryMiB: App Runner does not accept 8192 MiB with cpu 1024: use one of 2048, 3072, 4096',
    ]);
    expect(bare((d) => d.setIn(['services', 1, 'cpu'], 8192))).toEqual([
      'dev.yaml services.1.cpu: App Runner does not accept cpu 8192: use one of 256, 512, 1024, 2048, 4096',
    ]);
    expect(bare((d) => d.setIn(['services', 1, 'tasks'], { desired: 0, min: 0, max: 4 }))).toEqual([
      'dev.yaml services.1.tasks.min: App Runner runs 1 to 25 instances of a service (tasks.min 0, tasks.max 4)',
    ]);
    expect(
      bare((d) =>
        d.setIn(['services', 1, 'appConfig'], {
          profile: 'feature-flags',
          flags: { beta: { enabled: false } },
        }),
      ),
    ).toEqual(['dev.yaml services.1.appConfig: the AppConfig agent sidecar needs the ecs runtime']);
  });

  it('the certificate’s first name is at most 64 characters: the first ecs host, else the zone', () => {
    const long = `${'a'.repeat(40)}.dev.acme-platform.example`;
    expect(problemsAfter((d) => dev(d).setIn(['services', 0, 'route', 'host'], long))).toEqual([
      `dev.yaml services.0.route.host: "${long}" is the first host, so the certificate's first name: ACM allows 64 characters for a certificate's first name (got ${long.length}). Shorten it, or list a service with a shorter host first`,
    ]);
    // the second service's long host is not the first name
    expect(problemsAfter((d) => dev(d).setIn(['services', 1, 'route', 'host'], long))).toEqual([]);
    const zone = `${'z'.repeat(30)}.${'y'.repeat(30)}.example`;
    expect(
      problemsAfter((d) => {
        dev(d).setIn(['ecs', 'hostedZone', 'name'], zone);
        dev(d).setIn(['services', 0, 'route'], { path: '/web/*' });
        dev(d).deleteIn(['services', 1, 'route', 'host']);
      }),
    ).toEqual([
      `dev.yaml ecs.hostedZone.name: "${zone}" is the certificate's only name (no service has a host): ACM allows 64 characters for a certificate's first name (got ${zone.length})`,
    ]);
  });
});
