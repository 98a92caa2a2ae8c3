import { checkStack } from '../engine';
import { compositeAlarmConfirmed } from './cloudwatch/composite-alarm';
import { codedeployAlarmRollback } from './codedeploy/alarm-rollback';
import { ecsDeploymentAlarms } from './ecs/deployment-alarms';
import { type FixtureResource, fixtureStack, violations } from './harness';
import { stateBackend } from './terraform/state-backend';
import { stateProtected } from './terraform/state-protected';
import type { Rule } from '../types';

/** Details a rule reports on a stack JSON with a `terraform.backend` block. */
const withBackend = (
  rule: Rule,
  backend: Record<string, unknown>,
  ...resources: FixtureResource[]
) =>
  checkStack({ ...fixtureStack(...resources), terraform: { backend } }, [rule]).findings.flatMap(
    (f) => f.details.map((d) => `${f.resource.address}: ${d}`),
  );

const s3Backend = {
  bucket: 'acme-tfstate-prod',
  key: 'stacks/network-prod/terraform.tfstate',
  encrypt: true,
  kms_key_id: 'arn:aws:kms:eu-west-1:333333333333:alias/platform-state',
  use_lockfile: true,
};
const bootstrapLocal = {
  local: { path: '../../../../../apps/bootstrap/state/bootstrap-prod.tfstate' },
};

describe('PLT-STATE-BACKEND: state is encrypted with the state key and locked', () => {
  it('passes the S3 backend PlatformStack writes, and bootstrap on its local state', () => {
    expect(withBackend(stateBackend, { s3: s3Backend })).toEqual([]);
    expect(withBackend(stateBackend, bootstrapLocal)).toEqual([]);
  });

  it('flags an S3 backend that lost encryption, its key or the lockfile', () => {
    expect(
      withBackend(stateBackend, {
        s3: { ...s3Backend, encrypt: false, kms_key_id: undefined, use_lockfile: undefined },
      }),
    ).toEqual([
      'terraform.backend.s3: encrypt is not true',
      'terraform.backend.s3: kms_key_id is not set',
      'terraform.backend.s3: use_lockfile is not true',
    ]);
  });

  it('flags local state outside bootstrap, and any other backend', () => {
    expect(withBackend(stateBackend, { local: { path: 'terraform.tfstate' } })).toEqual([
      'terraform.backend.local: local state at "terraform.tfstate": only bootstrap\'s first deploy may keep state locally',
    ]);
    expect(withBackend(stateBackend, { remote: { organization: 'x' } })).toEqual([
      'terraform.backend.remote: backend "remote" is not the platform\'s S3 state',
    ]);
  });
});

describe('PLT-STATE-PREVENT-DESTROY: the state bucket and its key cannot be destroyed', () => {
  const bucket = (lifecycle?: unknown): FixtureResource => [
    'aws_s3_bucket.state',
    { bucket: 'acme-tfstate-prod', ...(lifecycle ? { lifecycle } : {}) },
  ];
  const key = (lifecycle?: unknown): FixtureResource => [
    'aws_kms_key.state',
    { enable_key_rotation: true, ...(lifecycle ? { lifecycle } : {}) },
  ];
  const protect = { prevent_destroy: true };

  it('passes a protected bucket and key, in bootstrap on local state and after the move to S3', () => {
    expect(withBackend(stateProtected, bootstrapLocal, bucket(protect), key(protect))).toEqual([]);
    expect(withBackend(stateProtected, { s3: s3Backend }, bucket(protect), key(protect))).toEqual(
      [],
    );
  });

  it('flags a state bucket or key without prevent_destroy', () => {
    expect(withBackend(stateProtected, bootstrapLocal, bucket(), key({}))).toEqual([
      'aws_kms_key.state: lifecycle.prevent_destroy is not true',
      'aws_s3_bucket.state: lifecycle.prevent_destroy is not true',
    ]);
    expect(withBackend(stateProtected, { s3: s3Backend }, bucket(), key(protect))).toEqual([
      'aws_s3_bucket.state: lifecycle.prevent_destroy is not true',
    ]);
  });

  it('leaves the buckets and keys of stacks that do not hold the state alone', () => {
    expect(
      withBackend(
        stateProtected,
        { s3: s3Backend },
        ['aws_s3_bucket.logs', { bucket: 'acme-access-logs' }],
        key(),
      ),
    ).toEqual([]);
  });
});

describe('PLT-CODEDEPLOY-ALARM-ROLLBACK: alarms stop a deployment and roll it back', () => {
  const group = (config: Record<string, unknown>): FixtureResource => [
    'aws_codedeploy_deployment_group.g',
    {
      deployment_group_name: 'prod-web',
      auto_rollback_configuration: {
        enabled: true,
        events: ['DEPLOYMENT_FAILURE', 'DEPLOYMENT_STOP_ON_ALARM'],
      },
      alarm_configuration: { enabled: true, alarms: ['prod-web-error-rate'] },
      ...config,
    },
  ];

  it('passes a group whose alarms stop and roll back the deployment', () => {
    expect(violations(codedeployAlarmRollback, group({}))).toEqual([]);
  });

  it('flags a group that no longer rolls back on alarm, or whose alarms are gone', () => {
    expect(
      violations(
        codedeployAlarmRollback,
        group({ auto_rollback_configuration: { enabled: true, events: ['DEPLOYMENT_FAILURE'] } }),
      ),
    ).toEqual([
      'aws_codedeploy_deployment_group.g: rollback does not react to DEPLOYMENT_STOP_ON_ALARM',
    ]);
    expect(
      violations(
        codedeployAlarmRollback,
        group({
          auto_rollback_configuration: undefined,
          alarm_configuration: { enabled: false, alarms: [], ignore_poll_alarm_failure: true },
        }),
      ),
    ).toEqual([
      'aws_codedeploy_deployment_group.g: auto_rollback_configuration is not enabled',
      'aws_codedeploy_deployment_group.g: rollback does not react to DEPLOYMENT_FAILURE',
      'aws_codedeploy_deployment_group.g: rollback does not react to DEPLOYMENT_STOP_ON_ALARM',
      'aws_codedeploy_deployment_group.g: alarm_configuration is not enabled',
      'aws_codedeploy_deployment_group.g: alarm_configuration names no alarm',
      'aws_codedeploy_deployment_group.g: ignore_poll_alarm_failure lets a deployment continue when alarms cannot be read',
    ]);
  });
});

describe('PLT-COMPOSITE-ALARM-CONFIRMED: the composite alarm pages, clears, and needs two symptoms', () => {
  const alarm = (config: Record<string, unknown>): FixtureResource => [
    'aws_cloudwatch_composite_alarm.a',
    {
      alarm_name: 'prod-web-degraded',
      alarm_rule: '(ALARM("prod-web-errors") AND ALARM("prod-web-latency")) OR ALARM("x")',
      actions_enabled: true,
      alarm_actions: ['arn:aws:sns:eu-west-1:1:alerts'],
      ok_actions: ['arn:aws:sns:eu-west-1:1:alerts'],
      ...config,
    },
  ];

  it('passes a composite that pages the topic when two alarms agree', () => {
    expect(violations(compositeAlarmConfirmed, alarm({}))).toEqual([]);
  });

  it('counts alarms whose names are interpolations with quotes inside (a hyphenated service key)', () => {
    // what the observability stack writes: ${jsondecode(...)["svc-001"].alarms.<key>}
    const term = (key: string) =>
      'ALARM("${jsondecode(data.x.outputs.services)["svc-001"].alarms.' + key + '}")';
    expect(
      violations(
        compositeAlarmConfirmed,
        alarm({ alarm_rule: `${term('errorRate')} AND ${term('latency')}` }),
      ),
    ).toEqual([]);
    expect(violations(compositeAlarmConfirmed, alarm({ alarm_rule: term('errorRate') }))).toEqual([
      'aws_cloudwatch_composite_alarm.a: alarm_rule does not require two alarms to agree (1 alarm(s), no AND)',
    ]);
  });

  it('flags a composite that pages on one alarm, or only ORs its alarms', () => {
    expect(
      violations(compositeAlarmConfirmed, alarm({ alarm_rule: 'ALARM("prod-web-errors")' })),
    ).toEqual([
      'aws_cloudwatch_composite_alarm.a: alarm_rule does not require two alarms to agree (1 alarm(s), no AND)',
    ]);
    expect(
      violations(compositeAlarmConfirmed, alarm({ alarm_rule: 'ALARM("a") OR ALARM("b")' })),
    ).toEqual([
      'aws_cloudwatch_composite_alarm.a: alarm_rule does not require two alarms to agree (2 alarm(s), no AND)',
    ]);
  });

  it('flags a composite that is muted, reaches nobody, or never says it cleared', () => {
    expect(
      violations(
        compositeAlarmConfirmed,
        alarm({ actions_enabled: false, alarm_actions: [], ok_actions: undefined }),
      ),
    ).toEqual([
      'aws_cloudwatch_composite_alarm.a: actions_enabled is false',
      'aws_cloudwatch_composite_alarm.a: alarm_actions is empty',
      'aws_cloudwatch_composite_alarm.a: ok_actions is empty',
    ]);
  });
});

describe('PLT-ECS-DEPLOYMENT-ALARMS: a rolling deployment rolls back when the service alarms fire', () => {
  const service = (config: Record<string, unknown>): FixtureResource => [
    'aws_ecs_service.s',
    {
      name: 'api',
      deployment_circuit_breaker: { enable: true, rollback: true },
      alarms: { enable: true, rollback: true, alarm_names: ['prod-api-error-rate'] },
      ...config,
    },
  ];

  it('passes a rolling service whose alarms roll it back, and leaves CodeDeploy services to their group', () => {
    expect(violations(ecsDeploymentAlarms, service({}))).toEqual([]);
    expect(
      violations(
        ecsDeploymentAlarms,
        service({ deployment_controller: { type: 'CODE_DEPLOY' }, alarms: undefined }),
      ),
    ).toEqual([]);
  });

  it('flags a rolling service whose alarms are gone, off, or only notify', () => {
    expect(violations(ecsDeploymentAlarms, service({ alarms: undefined }))).toEqual([
      'aws_ecs_service.s: alarms.enable is not true',
      'aws_ecs_service.s: alarms.rollback is not true',
      'aws_ecs_service.s: alarms.alarm_names is empty',
    ]);
    expect(
      violations(
        ecsDeploymentAlarms,
        service({ alarms: { enable: true, rollback: false, alarm_names: ['x'] } }),
      ),
    ).toEqual(['aws_ecs_service.s: alarms.rollback is not true']);
  });
});

describe('the protection rules read every way a value can be missing or written', () => {
  it('an empty kms_key_id is not a key', () => {
    expect(withBackend(stateBackend, { s3: { ...s3Backend, kms_key_id: '' } })).toEqual([
      'terraform.backend.s3: kms_key_id is not set',
    ]);
  });

  it('the state bucket is found among other buckets of the stack', () => {
    expect(
      withBackend(
        stateProtected,
        { s3: s3Backend },
        [
          'aws_s3_bucket.logs',
          { bucket: 'acme-access-logs', lifecycle: { prevent_destroy: true } },
        ],
        ['aws_s3_bucket.state', { bucket: 'acme-tfstate-prod' }],
      ),
    ).toEqual(['aws_s3_bucket.state: lifecycle.prevent_destroy is not true']);
  });

  it('a deployment group with no rollback or alarm blocks at all is flagged for both', () => {
    expect(
      violations(codedeployAlarmRollback, [
        'aws_codedeploy_deployment_group.g',
        { deployment_group_name: 'x' },
      ]),
    ).toEqual([
      'aws_codedeploy_deployment_group.g: auto_rollback_configuration is not enabled',
      'aws_codedeploy_deployment_group.g: rollback does not react to DEPLOYMENT_FAILURE',
      'aws_codedeploy_deployment_group.g: rollback does not react to DEPLOYMENT_STOP_ON_ALARM',
      'aws_codedeploy_deployment_group.g: alarm_configuration is not enabled',
      'aws_codedeploy_deployment_group.g: alarm_configuration names no alarm',
    ]);
  });

  it('a composite of exactly two alarms ANDed passes, however ALARM() is spaced; empty action strings do not count', () => {
    const composite = (config: Record<string, unknown>): FixtureResource => [
      'aws_cloudwatch_composite_alarm.a',
      { alarm_actions: ['arn:topic'], ok_actions: ['arn:topic'], ...config },
    ];
    expect(
      violations(
        compositeAlarmConfirmed,
        composite({ alarm_rule: 'ALARM( "prod-web-errors" ) AND ALARM(prod-web-latency)' }),
      ),
    ).toEqual([]);
    expect(
      violations(
        compositeAlarmConfirmed,
        composite({ alarm_rule: 'ALARM("a") AND ALARM("a")', alarm_actions: [''], ok_actions: '' }),
      ),
    ).toEqual([
      'aws_cloudwatch_composite_alarm.a: alarm_actions is empty',
      'aws_cloudwatch_composite_alarm.a: ok_actions is empty',
      'aws_cloudwatch_composite_alarm.a: alarm_rule does not require two alarms to agree (1 alarm(s))',
    ]);
  });
});
