import { checkStack } from '../engine';
import type { Rule } from '../types';
import { acmDnsValidated } from './acm/certificate';
import { appRunnerKms, appRunnerTracing, appRunnerVpcEgress } from './apprunner/service';
import { ecrImmutableTags } from './ecr/immutable-tags';
import { ecrKms } from './ecr/kms';
import { ecrLifecyclePolicy } from './ecr/lifecycle-policy';
import { ecrScanOnPush } from './ecr/scan-on-push';
import { ecsContainerInsights } from './ecs/container-insights';
import { ecsContainerLogs } from './ecs/container-logs';
import { ecsDeploymentRollback } from './ecs/deployment-rollback';
import { ecsNoPlainSecrets } from './ecs/no-plain-secrets';
import { ecsDistinctRoles } from './ecs/distinct-roles';
import { ecsExecLogging } from './ecs/exec-logging';
import { ecsNoHostPid } from './ecs/no-host-pid';
import { ecsNoPublicIp } from './ecs/no-public-ip';
import { ecsNonRoot } from './ecs/non-root';
import { ecsNotPrivileged } from './ecs/not-privileged';
import { ecsReadOnlyRoot } from './ecs/read-only-root';
import { elbAccessLogs } from './elb/access-logs';
import { elbDropInvalidHeaders } from './elb/drop-invalid-headers';
import { elbHttpsOnly } from './elb/https-only';
import { elbTlsPolicy } from './elb/tls-policy';
import { elbWaf } from './elb/waf';
import { wafBaselineRules } from './waf/baseline-rules';
import { wafLogging } from './waf/logging';

type Resources = Record<string, Record<string, Record<string, unknown>>>;

/** The finding details of one rule on a small stack fixture; [] when compliant. */
const details = (rule: Rule, resource: Resources) =>
  checkStack({ resource }, [rule]).findings.flatMap((f) => f.details);

const container = (overrides: Record<string, unknown> = {}) => ({
  name: 'app',
  image: '111111111111.dkr.ecr.eu-west-1.amazonaws.com/app:1',
  user: '1000:1000',
  readonlyRootFilesystem: true,
  privileged: false,
  logConfiguration: {
    logDriver: 'awslogs',
    options: { 'awslogs-group': '${aws_cloudwatch_log_group.app.name}' },
  },
  ...overrides,
});
const task = (containers: unknown[], extra: Record<string, unknown> = {}): Resources => ({
  aws_ecs_task_definition: {
    app: {
      family: 'app',
      task_role_arn: '${aws_iam_role.task.arn}',
      execution_role_arn: '${aws_iam_role.execution.arn}',
      container_definitions: JSON.stringify(containers),
      ...extra,
    },
  },
});

describe('container platform rules', () => {
  describe('ECR', () => {
    const repo = (config: Record<string, unknown>): Resources => ({
      aws_ecr_repository: { app: { name: 'app', ...config } },
    });
    const good = {
      image_tag_mutability: 'IMMUTABLE',
      image_scanning_configuration: { scan_on_push: true },
      encryption_configuration: [{ encryption_type: 'KMS', kms_key: '${aws_kms_key.ecr.arn}' }],
    };

    it('immutable tags: IMMUTABLE passes, the MUTABLE default fails', () => {
      expect(details(ecrImmutableTags, repo(good))).toEqual([]);
      expect(details(ecrImmutableTags, repo({}))).toEqual([
        'image_tag_mutability is "MUTABLE (default)"',
      ]);
    });

    it('scan on push: on passes, off fails', () => {
      expect(details(ecrScanOnPush, repo(good))).toEqual([]);
      expect(
        details(ecrScanOnPush, repo({ image_scanning_configuration: { scan_on_push: false } })),
      ).toHaveLength(1);
    });

    it('KMS: our key passes, AES256 fails', () => {
      expect(details(ecrKms, repo(good))).toEqual([]);
      expect(
        details(ecrKms, repo({ encryption_configuration: [{ encryption_type: 'AES256' }] })),
      ).toHaveLength(1);
    });

    it('lifecycle policy: a policy referencing the repository passes, none fails', () => {
      const withPolicy = {
        ...repo(good),
        aws_ecr_lifecycle_policy: {
          app: { repository: '${aws_ecr_repository.app.name}', policy: '{}' },
        },
      };
      expect(details(ecrLifecyclePolicy, withPolicy)).toEqual([]);
      expect(details(ecrLifecyclePolicy, repo(good))).toEqual([
        'no aws_ecr_lifecycle_policy references it',
      ]);
    });
  });

  describe('ECS', () => {
    const cluster = (config: Record<string, unknown>): Resources => ({
      aws_ecs_cluster: { main: { name: 'dev', ...config } },
    });
    const exec = {
      execute_command_configuration: {
        kms_key_id: '${aws_kms_key.ecs.arn}',
        logging: 'OVERRIDE',
        log_configuration: {
          cloud_watch_log_group_name: '/exec',
          cloud_watch_encryption_enabled: true,
        },
      },
    };

    it('Container Insights: enhanced passes, absent fails', () => {
      expect(
        details(
          ecsContainerInsights,
          cluster({ setting: [{ name: 'containerInsights', value: 'enhanced' }] }),
        ),
      ).toEqual([]);
      expect(
        details(
          ecsContainerInsights,
          cluster({ setting: [{ name: 'containerInsights', value: 'disabled' }] }),
        ),
      ).toHaveLength(1);
    });

    it('ECS Exec logging: encrypted, logged sessions pass; default logging without a key fails', () => {
      expect(details(ecsExecLogging, cluster({ configuration: exec }))).toEqual([]);
      expect(
        details(
          ecsExecLogging,
          cluster({ configuration: { execute_command_configuration: { logging: 'DEFAULT' } } }),
        ),
      ).toEqual([
        'kms_key_id is not set',
        'logging is "DEFAULT", not "OVERRIDE"',
        'log_configuration sends sessions nowhere encrypted',
      ]);
      expect(details(ecsExecLogging, cluster({}))).toEqual([
        'no configuration.execute_command_configuration',
      ]);
    });

    it('ECS Exec logging: each gap on its own; an encrypted S3 destination is enough', () => {
      const withExec = (change: Record<string, unknown>) =>
        details(
          ecsExecLogging,
          cluster({
            configuration: {
              execute_command_configuration: { ...exec.execute_command_configuration, ...change },
            },
          }),
        );
      const logTo = (log: Record<string, unknown>) => withExec({ log_configuration: log });
      expect(withExec({ kms_key_id: '' })).toEqual(['kms_key_id is not set']);
      expect(withExec({ kms_key_id: undefined })).toEqual(['kms_key_id is not set']);
      expect(withExec({ logging: undefined })).toEqual(['logging is "DEFAULT", not "OVERRIDE"']);
      expect(withExec({ logging: 'NONE' })).toEqual(['logging is "NONE", not "OVERRIDE"']);
      const nowhere = ['log_configuration sends sessions nowhere encrypted'];
      expect(logTo({ cloud_watch_log_group_name: '/exec' })).toEqual(nowhere);
      expect(logTo({ cloud_watch_encryption_enabled: true })).toEqual(nowhere);
      expect(withExec({ log_configuration: undefined })).toEqual(nowhere);
      expect(logTo({ s3_bucket_name: 'exec-logs', s3_encryption_enabled: true })).toEqual([]);
      expect(logTo({ s3_bucket_name: 'exec-logs' })).toEqual(nowhere);
      expect(logTo({ s3_encryption_enabled: true })).toEqual(nowhere);
    });

    it('read-only root: every container read-only passes; one writable container fails by name', () => {
      expect(details(ecsReadOnlyRoot, task([container(), container({ name: 'sidecar' })]))).toEqual(
        [],
      );
      expect(
        details(
          ecsReadOnlyRoot,
          task([container(), container({ name: 'sidecar', readonlyRootFilesystem: false })]),
        ),
      ).toEqual(['container "sidecar": readonlyRootFilesystem is not true']);
    });

    it('fails closed when the container definitions are one expression', () => {
      const opaque = {
        aws_ecs_task_definition: {
          app: { container_definitions: '${jsonencode(local.containers)}' },
        },
      };
      expect(details(ecsReadOnlyRoot, opaque)).toEqual(['container_definitions cannot be read']);
    });

    it('not privileged: unprivileged passes, privileged fails', () => {
      expect(details(ecsNotPrivileged, task([container()]))).toEqual([]);
      expect(details(ecsNotPrivileged, task([container({ privileged: true })]))).toEqual([
        'container "app": privileged is true',
      ]);
    });

    it('non-root: a uid passes; no user or root fails', () => {
      expect(details(ecsNonRoot, task([container()]))).toEqual([]);
      expect(
        details(
          ecsNonRoot,
          task([container({ user: undefined }), container({ name: 'b', user: '0:0' })]),
        ),
      ).toEqual([
        'container "app": user is not set (the image default is often root)',
        'container "b": user is "0:0"',
      ]);
    });

    it('no host PID: task mode passes, host fails', () => {
      expect(details(ecsNoHostPid, task([container()], { pid_mode: 'task' }))).toEqual([]);
      expect(details(ecsNoHostPid, task([container()], { pid_mode: 'host' }))).toEqual([
        'pid_mode is "host"',
      ]);
    });

    it('distinct roles: separate roles pass; one role for both, or none for the task, fails', () => {
      expect(details(ecsDistinctRoles, task([container()]))).toEqual([]);
      expect(
        details(
          ecsDistinctRoles,
          task([container()], { task_role_arn: '${aws_iam_role.execution.arn}' }),
        ),
      ).toEqual(['task_role_arn equals execution_role_arn']);
      expect(details(ecsDistinctRoles, task([container()], { task_role_arn: undefined }))).toEqual([
        'task_role_arn is not set',
      ]);
    });

    it('container logs: every container logging passes; a silent sidecar fails', () => {
      expect(details(ecsContainerLogs, task([container()]))).toEqual([]);
      expect(
        details(
          ecsContainerLogs,
          task([container(), container({ name: 'sidecar', logConfiguration: undefined })]),
        ),
      ).toEqual(['container "sidecar": logConfiguration is not set']);
    });

    it('no plain secrets: ARNs under secrets pass; a password in environment fails', () => {
      const withSecret = container({
        secrets: [
          { name: 'DB_PASSWORD', valueFrom: 'arn:aws:ssm:eu-west-1:111111111111:parameter/db' },
        ],
        environment: [{ name: 'LOG_LEVEL', value: 'info' }],
      });
      expect(details(ecsNoPlainSecrets, task([withSecret]))).toEqual([]);
      expect(
        details(
          ecsNoPlainSecrets,
          task([container({ environment: [{ name: 'DB_PASSWORD', value: 'hunter2' }] })]),
        ),
      ).toEqual(['container "app": plain value for DB_PASSWORD']);
    });

    it('deployment rollback: a circuit breaker with rollback, or a CodeDeploy group that rolls back, passes; neither fails', () => {
      const ecs = (config: Record<string, unknown>, extra: Resources = {}): Resources => ({
        aws_ecs_service: { app: { name: 'app', ...config } },
        ...extra,
      });
      expect(
        details(
          ecsDeploymentRollback,
          ecs({ deployment_circuit_breaker: { enable: true, rollback: true } }),
        ),
      ).toEqual([]);
      expect(details(ecsDeploymentRollback, ecs({}))).toEqual([
        'deployment_circuit_breaker does not enable rollback',
      ]);
      const group = {
        aws_codedeploy_deployment_group: {
          g: {
            ecs_service: { cluster_name: 'dev', service_name: '${aws_ecs_service.app.name}' },
            auto_rollback_configuration: { enabled: true, events: ['DEPLOYMENT_FAILURE'] },
          },
        },
      };
      expect(
        details(
          ecsDeploymentRollback,
          ecs({ deployment_controller: { type: 'CODE_DEPLOY' } }, group),
        ),
      ).toEqual([]);
      expect(
        details(ecsDeploymentRollback, ecs({ deployment_controller: { type: 'CODE_DEPLOY' } })),
      ).toEqual(['no CodeDeploy deployment group with automatic rollback references it']);
    });

    it('no public IP: private tasks pass, public ones fail', () => {
      const service = (assign: boolean): Resources => ({
        aws_ecs_service: {
          app: { name: 'app', network_configuration: { subnets: ['s'], assign_public_ip: assign } },
        },
      });
      expect(details(ecsNoPublicIp, service(false))).toEqual([]);
      expect(details(ecsNoPublicIp, service(true))).toEqual([
        'network_configuration.assign_public_ip is true',
      ]);
    });
  });

  describe('load balancers', () => {
    const listener = (config: Record<string, unknown>): Resources => ({
      aws_lb_listener: { l: { load_balancer_arn: '${aws_lb.public.arn}', ...config } },
    });
    const alb = (config: Record<string, unknown>, extra: Resources = {}): Resources => ({
      aws_lb: { public: { name: 'public', load_balancer_type: 'application', ...config } },
      ...extra,
    });

    it('HTTPS only: HTTPS and an HTTP redirect pass; HTTP forwarding fails', () => {
      expect(
        details(
          elbHttpsOnly,
          listener({ protocol: 'HTTPS', ssl_policy: 'ELBSecurityPolicy-TLS13-1-2-2021-06' }),
        ),
      ).toEqual([]);
      expect(
        details(
          elbHttpsOnly,
          listener({
            protocol: 'HTTP',
            default_action: [
              {
                type: 'redirect',
                redirect: { protocol: 'HTTPS', port: '443', status_code: 'HTTP_301' },
              },
            ],
          }),
        ),
      ).toEqual([]);
      expect(
        details(
          elbHttpsOnly,
          listener({
            protocol: 'HTTP',
            default_action: [{ type: 'forward', target_group_arn: 'x' }],
          }),
        ),
      ).toHaveLength(1);
    });

    it('TLS policy: TLS 1.2+ passes; the 2016 default fails', () => {
      expect(
        details(
          elbTlsPolicy,
          listener({ protocol: 'HTTPS', ssl_policy: 'ELBSecurityPolicy-TLS13-1-2-2021-06' }),
        ),
      ).toEqual([]);
      expect(
        details(
          elbTlsPolicy,
          listener({ protocol: 'HTTPS', ssl_policy: 'ELBSecurityPolicy-2016-08' }),
        ),
      ).toEqual(['ssl_policy is "ELBSecurityPolicy-2016-08"']);
      expect(details(elbTlsPolicy, listener({ protocol: 'HTTPS' }))).toEqual([
        'ssl_policy is "(provider default)"',
      ]);
    });

    it('drop invalid headers: on passes, off fails, network load balancers are not concerned', () => {
      expect(details(elbDropInvalidHeaders, alb({ drop_invalid_header_fields: true }))).toEqual([]);
      expect(details(elbDropInvalidHeaders, alb({}))).toEqual([
        'drop_invalid_header_fields is not true',
      ]);
      expect(details(elbDropInvalidHeaders, alb({ load_balancer_type: 'network' }))).toEqual([]);
    });

    it('access logs: enabled with a bucket passes, absent fails', () => {
      expect(
        details(elbAccessLogs, alb({ access_logs: { bucket: 'logs', enabled: true } })),
      ).toEqual([]);
      expect(details(elbAccessLogs, alb({}))).toEqual(['access_logs is not enabled with a bucket']);
    });

    it('WAF: a public ALB with an association passes; without one fails; an internal ALB is not concerned', () => {
      const association = {
        aws_wafv2_web_acl_association: {
          a: { resource_arn: '${aws_lb.public.arn}', web_acl_arn: '${aws_wafv2_web_acl.acl.arn}' },
        },
      };
      expect(details(elbWaf, alb({ internal: false }, association))).toEqual([]);
      expect(details(elbWaf, alb({ internal: false }))).toEqual([
        'no aws_wafv2_web_acl_association references it',
      ]);
      expect(details(elbWaf, alb({ internal: true }))).toEqual([]);
    });
  });

  describe('WAF', () => {
    const managed = (name: string, priority: number) => ({
      name,
      priority,
      override_action: { none: {} },
      statement: { managed_rule_group_statement: { name, vendor_name: 'AWS' } },
    });
    const rate = {
      name: 'rate',
      priority: 9,
      action: { block: {} },
      statement: { rate_based_statement: { limit: 1000, aggregate_key_type: 'IP' } },
    };
    const acl = (rules: unknown[], extra: Resources = {}): Resources => ({
      aws_wafv2_web_acl: { acl: { name: 'acl', scope: 'REGIONAL', rule: rules } },
      ...extra,
    });
    const baseline = [
      managed('AWSManagedRulesCommonRuleSet', 1),
      managed('AWSManagedRulesKnownBadInputsRuleSet', 2),
      managed('AWSManagedRulesAmazonIpReputationList', 3),
      rate,
    ];

    it('baseline rules: the three managed groups and a blocking rate limit pass; missing ones are named', () => {
      expect(details(wafBaselineRules, acl(baseline))).toEqual([]);
      expect(details(wafBaselineRules, acl([managed('AWSManagedRulesCommonRuleSet', 1)]))).toEqual([
        'no AWSManagedRulesKnownBadInputsRuleSet rule',
        'no AWSManagedRulesAmazonIpReputationList rule',
        'no rate_based_statement rule that blocks',
      ]);
    });

    it('logging: a logging configuration passes, none fails', () => {
      const logging = {
        aws_wafv2_web_acl_logging_configuration: {
          l: { resource_arn: '${aws_wafv2_web_acl.acl.arn}', log_destination_configs: ['x'] },
        },
      };
      expect(details(wafLogging, acl(baseline, logging))).toEqual([]);
      expect(details(wafLogging, acl(baseline))).toEqual([
        'no aws_wafv2_web_acl_logging_configuration references it',
      ]);
    });
  });

  describe('ACM', () => {
    it('DNS validation with create_before_destroy passes; email validation without it fails', () => {
      const cert = (config: Record<string, unknown>): Resources => ({
        aws_acm_certificate: { c: { domain_name: 'www.example.com', ...config } },
      });
      expect(
        details(
          acmDnsValidated,
          cert({ validation_method: 'DNS', lifecycle: { create_before_destroy: true } }),
        ),
      ).toEqual([]);
      expect(details(acmDnsValidated, cert({ validation_method: 'EMAIL' }))).toEqual([
        'validation_method is "EMAIL"',
        'lifecycle.create_before_destroy is not true',
      ]);
    });
  });

  describe('App Runner', () => {
    const service = (config: Record<string, unknown>): Resources => ({
      aws_apprunner_service: { s: { service_name: 's', ...config } },
    });
    const good = {
      encryption_configuration: { kms_key: '${aws_kms_key.k.arn}' },
      network_configuration: {
        egress_configuration: {
          egress_type: 'VPC',
          vpc_connector_arn: '${aws_apprunner_vpc_connector.c.arn}',
        },
      },
      observability_configuration: {
        observability_enabled: true,
        observability_configuration_arn: 'x',
      },
    };

    it('KMS, VPC egress and tracing pass when configured', () => {
      for (const rule of [appRunnerKms, appRunnerVpcEgress, appRunnerTracing])
        expect(details(rule, service(good))).toEqual([]);
    });

    it('the AWS-owned key, default egress and no tracing each fail', () => {
      expect(details(appRunnerKms, service({}))).toEqual([
        'encryption_configuration.kms_key is not set',
      ]);
      expect(
        details(
          appRunnerVpcEgress,
          service({ network_configuration: { egress_configuration: { egress_type: 'DEFAULT' } } }),
        ),
      ).toHaveLength(1);
      expect(
        details(
          appRunnerTracing,
          service({ observability_configuration: { observability_enabled: false } }),
        ),
      ).toEqual(['observability_configuration.observability_enabled is not true']);
    });

    it('each setting is read exactly: an empty key, a connector without VPC egress, VPC egress without one', () => {
      const noKey = ['encryption_configuration.kms_key is not set'];
      expect(details(appRunnerKms, service({ encryption_configuration: { kms_key: '' } }))).toEqual(
        noKey,
      );
      expect(details(appRunnerKms, service({ encryption_configuration: {} }))).toEqual(noKey);
      const egress = (configuration: Record<string, unknown>) =>
        details(
          appRunnerVpcEgress,
          service({ network_configuration: { egress_configuration: configuration } }),
        );
      const notVpc = ['egress_configuration.egress_type is not VPC with a connector'];
      expect(egress({ egress_type: 'VPC' })).toEqual(notVpc);
      expect(egress({ egress_type: 'DEFAULT', vpc_connector_arn: 'arn:c' })).toEqual(notVpc);
      expect(details(appRunnerVpcEgress, service({}))).toEqual(notVpc);
      expect(details(appRunnerTracing, service({}))).toEqual([
        'observability_configuration.observability_enabled is not true',
      ]);
      expect(
        details(
          appRunnerTracing,
          service({
            observability_configuration: [
              { observability_enabled: false },
              { observability_enabled: true },
            ],
          }),
        ),
      ).toEqual([]);
    });
  });
});
