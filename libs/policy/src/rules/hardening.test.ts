import { ecrNoForceDelete } from './ecr/no-force-delete';
import { ecsDropCapabilities } from './ecs/drop-capabilities';
import { elbDesyncStrictest } from './elb/desync-mitigation';
import { violations } from './harness';
import { kmsDeletionWindow } from './kms/deletion-window';
import { wafLogRedaction } from './waf/log-redaction';

describe('PLT-KMS-DELETION-WINDOW: a deleted key waits the full 30 days', () => {
  it('passes 30 days and the default (unset, 30 days)', () => {
    expect(
      violations(kmsDeletionWindow, ['aws_kms_key.k', { deletion_window_in_days: 30 }]),
    ).toEqual([]);
    expect(violations(kmsDeletionWindow, ['aws_kms_key.k', {}])).toEqual([]);
  });

  it.each([7, 29, '30'])('refuses %j', (days) => {
    expect(
      violations(kmsDeletionWindow, ['aws_kms_key.k', { deletion_window_in_days: days }]),
    ).toEqual([`aws_kms_key.k: deletion_window_in_days is ${JSON.stringify(days)}, not 30`]);
  });
});

describe('PLT-ECR-NO-FORCE-DELETE: a repository is never destroyed with its images', () => {
  it('refuses force_delete = true; passes false and unset', () => {
    expect(violations(ecrNoForceDelete, ['aws_ecr_repository.r', { force_delete: true }])).toEqual([
      'aws_ecr_repository.r: force_delete is true',
    ]);
    expect(violations(ecrNoForceDelete, ['aws_ecr_repository.r', { force_delete: false }])).toEqual(
      [],
    );
    expect(violations(ecrNoForceDelete, ['aws_ecr_repository.r', {}])).toEqual([]);
  });
});

describe('PLT-ECS-DROP-CAPABILITIES: containers drop every Linux capability', () => {
  const task = (...containers: Record<string, unknown>[]) =>
    ['aws_ecs_task_definition.t', { container_definitions: JSON.stringify(containers) }] as const;
  const dropAll = { capabilities: { drop: ['ALL'] } };

  it('passes containers that drop ALL and add none', () => {
    expect(
      violations(
        ecsDropCapabilities,
        task(
          { name: 'app', linuxParameters: dropAll },
          { name: 'otel', linuxParameters: { ...dropAll, initProcessEnabled: true } },
        ),
      ),
    ).toEqual([]);
    expect(
      violations(
        ecsDropCapabilities,
        task({ name: 'app', linuxParameters: { capabilities: { drop: ['ALL'], add: [] } } }),
      ),
    ).toEqual([]);
  });

  it.each([
    ['no linuxParameters', {}, 'linuxParameters.capabilities.drop does not hold "ALL"'],
    [
      'no capabilities',
      { linuxParameters: { initProcessEnabled: true } },
      'linuxParameters.capabilities.drop does not hold "ALL"',
    ],
    [
      'some dropped, not ALL',
      { linuxParameters: { capabilities: { drop: ['NET_RAW'] } } },
      'linuxParameters.capabilities.drop does not hold "ALL"',
    ],
    [
      'drop not a list',
      { linuxParameters: { capabilities: { drop: 'ALL' } } },
      'linuxParameters.capabilities.drop does not hold "ALL"',
    ],
    [
      'ALL dropped and one added back',
      { linuxParameters: { capabilities: { drop: ['ALL'], add: ['NET_ADMIN'] } } },
      'linuxParameters.capabilities.add holds ["NET_ADMIN"]',
    ],
  ])('refuses a container with %s, naming it', (_case, settings, detail) => {
    expect(
      violations(
        ecsDropCapabilities,
        task({ name: 'ok', linuxParameters: dropAll }, { name: 'app', ...settings }),
      ),
    ).toEqual([`aws_ecs_task_definition.t: container "app": ${detail}`]);
  });

  it('fails closed when the container definitions cannot be read', () => {
    expect(
      violations(ecsDropCapabilities, [
        'aws_ecs_task_definition.t',
        { container_definitions: '${jsonencode(local.c)}' },
      ]),
    ).toEqual(['aws_ecs_task_definition.t: container_definitions cannot be read']);
  });
});

describe('PLT-ELB-DESYNC-STRICTEST: an application load balancer blocks ambiguous requests', () => {
  it('passes strictest', () => {
    expect(
      violations(elbDesyncStrictest, ['aws_lb.public', { desync_mitigation_mode: 'strictest' }]),
    ).toEqual([]);
  });

  it('refuses defensive, monitor and the default (defensive)', () => {
    expect(
      violations(elbDesyncStrictest, ['aws_lb.public', { desync_mitigation_mode: 'defensive' }]),
    ).toEqual(['aws_lb.public: desync_mitigation_mode is "defensive"']);
    expect(
      violations(elbDesyncStrictest, ['aws_alb.public', { desync_mitigation_mode: 'monitor' }]),
    ).toEqual(['aws_alb.public: desync_mitigation_mode is "monitor"']);
    expect(violations(elbDesyncStrictest, ['aws_lb.public', {}])).toEqual([
      'aws_lb.public: desync_mitigation_mode is "defensive (default)"',
    ]);
  });

  it('leaves network load balancers alone (they do not parse HTTP)', () => {
    expect(
      violations(elbDesyncStrictest, ['aws_lb.nlb', { load_balancer_type: 'network' }]),
    ).toEqual([]);
  });
});

describe('PLT-WAF-LOG-REDACTION: WAF logs never keep Authorization or Cookie', () => {
  const header = (name: string) => ({ single_header: { name } });
  const logging = (...redacted: unknown[]) =>
    ['aws_wafv2_web_acl_logging_configuration.l', { redacted_fields: redacted }] as const;

  it('passes both headers redacted, in any case, among other fields', () => {
    expect(
      violations(
        wafLogRedaction,
        logging(header('Authorization'), { query_string: {} }, header('cookie')),
      ),
    ).toEqual([]);
  });

  it('names each credential header that is kept', () => {
    expect(violations(wafLogRedaction, logging(header('authorization')))).toEqual([
      'aws_wafv2_web_acl_logging_configuration.l: header "cookie" is not in redacted_fields',
    ]);
    expect(violations(wafLogRedaction, ['aws_wafv2_web_acl_logging_configuration.l', {}])).toEqual([
      'aws_wafv2_web_acl_logging_configuration.l: header "authorization" is not in redacted_fields',
      'aws_wafv2_web_acl_logging_configuration.l: header "cookie" is not in redacted_fields',
    ]);
  });

  it('does not count a redacted query string or method as a header', () => {
    expect(
      violations(wafLogRedaction, logging({ query_string: {} }, { method: {} }, header('cookie'))),
    ).toEqual([
      'aws_wafv2_web_acl_logging_configuration.l: header "authorization" is not in redacted_fields',
    ]);
  });
});
