import { DeliveryStack } from '@platform/aws-delivery';
import { EcsStack } from '@platform/aws-ecs';
import { ObservabilityStack } from '@platform/aws-observability';
import { ECS_NAMING_RULES, ECS_SERVICE_ALARM_KEYS, ecsServiceNames } from '@platform/config';
import {
  environment,
  environments,
  resourcesOf,
  synthJson,
  type StackJson,
} from '@platform/testing';
import { App } from 'cdktf';

/** The ECS, delivery and observability stacks of prod, and the delivery stack of the pipeline account (dev). */
function synthFamilies() {
  const all = environments();
  const prod = environment('prod');
  return {
    ecs: synthJson(new EcsStack(new App(), prod)),
    delivery: synthJson(new DeliveryStack(new App(), prod, all)),
    pipelines: synthJson(new DeliveryStack(new App(), environment('dev'), all)),
    observability: synthJson(new ObservabilityStack(new App(), prod, all)),
  };
}

const text = (json: StackJson) => JSON.stringify(json);
/** Whether the synthesized stack mentions each string (kept small: a failure does not print the stack). */
const mentions = (json: StackJson, needles: (string | RegExp)[]) =>
  needles.map((n) => (typeof n === 'string' ? text(json).includes(n) : n.test(text(json))));
const alarmKeysRead = (json: StackJson) =>
  [...new Set([...text(json).matchAll(/\.alarms\.(\w+)/g)].map((m) => m[1]))].sort();
const alarmKeysPublished = (ecs: StackJson) =>
  [
    ...new Set(
      [
        ...text(ecs).matchAll(
          /\\"(\w+)\\" = \\"prod-[a-z-]+-(?:5xx-rate|p99-latency|unhealthy-hosts|cpu|memory)\\"/g,
        ),
      ].map((m) => m[1]),
    ),
  ].sort();

describe("the ECS family's public names have one source", () => {
  afterEach(() => jest.restoreAllMocks());

  it('the ECS stack names its resources as the naming module does, and publishes the alarms by key', () => {
    const { ecs } = synthFamilies();
    const web = ecsServiceNames(environment('prod'), { name: 'web' });
    expect(resourcesOf(ecs, 'aws_ecs_task_definition').map((r) => r['family'])).toContain(
      web.taskFamily,
    );
    expect(resourcesOf(ecs, 'aws_cloudwatch_metric_alarm').map((r) => r['alarm_name'])).toEqual(
      expect.arrayContaining(Object.values(web.alarms)),
    );
    expect(alarmKeysPublished(ecs)).toEqual([...ECS_SERVICE_ALARM_KEYS].sort());
  });

  it('a changed naming rule renames the ECS resources and every reference delivery and observability make to them', () => {
    jest
      .spyOn(ECS_NAMING_RULES, 'servicePrefix')
      .mockImplementation((env, service) => `${env.name}-svc-${service.name}`);
    const { ecs, delivery, pipelines, observability } = synthFamilies();

    // the producer
    const families = resourcesOf(ecs, 'aws_ecs_task_definition').map((r) => r['family']);
    expect(families.sort()).toEqual(['prod-svc-api', 'prod-svc-web']);
    expect(resourcesOf(ecs, 'aws_codedeploy_app').map((r) => r['name'])).toEqual(['prod-svc-web']);
    expect(resourcesOf(ecs, 'aws_cloudwatch_metric_alarm').map((r) => r['alarm_name'])).toContain(
      'prod-svc-web-5xx-rate',
    );
    expect(text(ecs)).not.toMatch(/"prod-(web|api)(-|")/);

    // delivery, in prod's account (its deploy role) and in the pipeline account (what each deploy
    // of an earlier environment targets)
    expect(
      mentions(delivery, [
        ':codedeploy:eu-west-1:333333333333:application:prod-svc-web',
        ':iam::333333333333:role/prod-svc-web-execution',
        ':cloudwatch:eu-west-1:333333333333:alarm:prod-svc-web-*',
      ]),
    ).toEqual([true, true, true]);
    expect(
      mentions(pipelines, [
        /ApplicationName\W+staging-svc-web\W/,
        /taskFamily\W+staging-svc-web\W/,
        /:iam::111111111111:role\/dev-svc-web-task\W/,
      ]),
    ).toEqual([true, true, true]);
    // and no name built by the old rule is left
    for (const json of [delivery, pipelines]) {
      expect(
        text(json).match(/[:/"]((dev|staging|prod)-(web|api))(-(execution|task|5xx|\*)|:|\/|\\)/g),
      ).toBeNull();
    }

    // observability reads the alarms by the keys the producer publishes them under
    expect(alarmKeysRead(observability)).toEqual([...ECS_SERVICE_ALARM_KEYS].sort());
    expect(alarmKeysPublished(ecs)).toEqual([...ECS_SERVICE_ALARM_KEYS].sort());
  });
});
