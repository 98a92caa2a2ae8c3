import { appconfigGradual } from './appconfig/gradual';
import { appconfigMonitored } from './appconfig/monitored';
import { codebuildKms } from './codebuild/kms';
import { codebuildLogs } from './codebuild/logs';
import { codebuildNotPrivileged } from './codebuild/not-privileged';
import { codepipelineArtifactKms } from './codepipeline/artifact-kms';
import { type FixtureResource, violations, weakenedTlsDenies } from './harness';
import { snsTlsOnly } from './sns/tls-only';

const project = (overrides: Record<string, unknown> = {}): FixtureResource => [
  'aws_codebuild_project.p',
  {
    name: 'web-release-build',
    encryption_key: '${aws_kms_key.k.arn}',
    environment: [{ compute_type: 'BUILD_GENERAL1_SMALL', privileged_mode: false }],
    logs_config: [
      {
        cloudwatch_logs: [{ status: 'ENABLED', group_name: '${aws_cloudwatch_log_group.l.name}' }],
        s3_logs: [{ status: 'DISABLED' }],
      },
    ],
    ...overrides,
  },
];

describe('delivery rules: CodePipeline, CodeBuild, AppConfig, SNS', () => {
  it('CodePipeline: a KMS artifact store passes; one without a key fails', () => {
    const pipeline = (store: Record<string, unknown>): FixtureResource => [
      'aws_codepipeline.p',
      { name: 'web-release', artifact_store: [{ type: 'S3', location: 'b', ...store }] },
    ];
    expect(
      violations(
        codepipelineArtifactKms,
        pipeline({ encryption_key: [{ id: '${aws_kms_key.k.arn}', type: 'KMS' }] }),
      ),
    ).toEqual([]);
    expect(violations(codepipelineArtifactKms, pipeline({}))).toEqual([
      'aws_codepipeline.p: artifact_store 0 has no customer-managed encryption_key',
    ]);
  });

  it('CodeBuild: our key passes; no key or the AWS-managed one fails', () => {
    expect(violations(codebuildKms, project())).toEqual([]);
    expect(violations(codebuildKms, project({ encryption_key: 'alias/aws/s3' }))).toEqual([
      'aws_codebuild_project.p: encryption_key is not a customer-managed key',
    ]);
  });

  it('CodeBuild: an unprivileged container passes; privileged (or unset) fails', () => {
    expect(violations(codebuildNotPrivileged, project())).toEqual([]);
    expect(
      violations(codebuildNotPrivileged, project({ environment: [{ privileged_mode: true }] })),
    ).toEqual(['aws_codebuild_project.p: environment.privileged_mode is not false']);
  });

  it('CodeBuild: logs to our group pass; disabled logs and unencrypted S3 logs fail', () => {
    expect(violations(codebuildLogs, project())).toEqual([]);
    expect(
      violations(
        codebuildLogs,
        project({
          logs_config: [
            {
              cloudwatch_logs: [{ status: 'DISABLED' }],
              s3_logs: [{ status: 'ENABLED', encryption_disabled: true }],
            },
          ],
        }),
      ),
    ).toEqual([
      'aws_codebuild_project.p: logs_config.cloudwatch_logs has no group_name of ours or is disabled',
      'aws_codebuild_project.p: logs_config.s3_logs is not encrypted',
    ]);
  });

  it('CodeBuild: each way out of our log group fails on its own; encrypted or disabled S3 logs pass', () => {
    const logs = (config: Record<string, unknown> | undefined) =>
      violations(codebuildLogs, project({ logs_config: config ? [config] : undefined }));
    const ours = { status: 'ENABLED', group_name: '${aws_cloudwatch_log_group.l.name}' };
    const noGroup = [
      'aws_codebuild_project.p: logs_config.cloudwatch_logs has no group_name of ours or is disabled',
    ];
    expect(logs(undefined)).toEqual(noGroup);
    expect(logs({})).toEqual(noGroup);
    expect(logs({ cloudwatch_logs: [{ status: 'ENABLED' }] })).toEqual(noGroup);
    expect(logs({ cloudwatch_logs: [{ ...ours, status: 'DISABLED' }] })).toEqual(noGroup);
    // status defaults to ENABLED
    expect(logs({ cloudwatch_logs: [{ group_name: ours.group_name }] })).toEqual([]);
    const s3 = (block: Record<string, unknown>) =>
      logs({ cloudwatch_logs: [ours], s3_logs: [block] });
    expect(s3({ status: 'ENABLED', encryption_disabled: true })).toEqual([
      'aws_codebuild_project.p: logs_config.s3_logs is not encrypted',
    ]);
    expect(s3({ status: 'ENABLED', encryption_disabled: false })).toEqual([]);
    expect(s3({ status: 'ENABLED' })).toEqual([]);
    expect(s3({ status: 'DISABLED', encryption_disabled: true })).toEqual([]);
  });

  it('AppConfig: an environment monitored by alarms (static or dynamic) passes; none fails', () => {
    const env = (config: Record<string, unknown>): FixtureResource => [
      'aws_appconfig_environment.e',
      { name: 'dev', application_id: 'a', ...config },
    ];
    expect(
      violations(appconfigMonitored, env({ monitor: [{ alarm_arn: 'arn:aws:cloudwatch:x' }] })),
    ).toEqual([]);
    expect(
      violations(
        appconfigMonitored,
        env({
          dynamic: { monitor: { for_each: '${x}', content: { alarm_arn: '${each.value}' } } },
        }),
      ),
    ).toEqual([]);
    expect(violations(appconfigMonitored, env({}))).toEqual([
      'aws_appconfig_environment.e: no monitor with an alarm_arn',
    ]);
  });

  it('AppConfig: a linear strategy with bake time passes; all at once without bake fails', () => {
    const strategy = (config: Record<string, unknown>): FixtureResource => [
      'aws_appconfig_deployment_strategy.s',
      { name: 's', replicate_to: 'NONE', ...config },
    ];
    expect(
      violations(
        appconfigGradual,
        strategy({
          deployment_duration_in_minutes: 10,
          growth_factor: 20,
          final_bake_time_in_minutes: 10,
        }),
      ),
    ).toEqual([]);
    expect(
      violations(
        appconfigGradual,
        strategy({ deployment_duration_in_minutes: 0, growth_factor: 100 }),
      ),
    ).toEqual([
      'aws_appconfig_deployment_strategy.s: deployment_duration_in_minutes is 0',
      'aws_appconfig_deployment_strategy.s: growth_factor is not below 100',
      'aws_appconfig_deployment_strategy.s: final_bake_time_in_minutes is not above 0',
    ]);
  });

  it('SNS: a topic whose policy denies plain-text publishing passes; an open or missing policy fails', () => {
    const topic: FixtureResource = ['aws_sns_topic.t', { name: 't' }];
    const policy = (statement: Record<string, unknown>[]): FixtureResource[] => [
      ['data.aws_iam_policy_document.d', { statement }],
      [
        'aws_sns_topic_policy.p',
        { arn: '${aws_sns_topic.t.arn}', policy: '${data.aws_iam_policy_document.d.json}' },
      ],
    ];
    const denyPlainText = {
      sid: 'DenyInsecureTransport',
      effect: 'Deny',
      actions: ['sns:Publish'],
      resources: ['${aws_sns_topic.t.arn}'],
      principals: [{ type: '*', identifiers: ['*'] }],
      condition: [{ test: 'Bool', variable: 'aws:SecureTransport', values: ['false'] }],
    };
    const everyone = {
      sid: 'Everyone',
      effect: 'Allow',
      actions: ['sns:Publish'],
      resources: ['${aws_sns_topic.t.arn}'],
      principals: [{ type: 'AWS', identifiers: ['*'] }],
    };
    expect(violations(snsTlsOnly, topic, ...policy([denyPlainText]))).toEqual([]);
    expect(violations(snsTlsOnly, topic, ...policy([denyPlainText, everyone]))).toEqual([
      'aws_sns_topic.t: statement Everyone allows every principal without a condition',
    ]);
    expect(violations(snsTlsOnly, topic)).toEqual([
      'aws_sns_topic.t: no topic policy denies sns:Publish where aws:SecureTransport is false (or it cannot be read)',
    ]);

    // the deny counts only whole: Deny, of publishing (or everything), to everyone, on plain text
    const missing =
      'aws_sns_topic.t: no topic policy denies sns:Publish where aws:SecureTransport is false (or it cannot be read)';
    for (const weakened of weakenedTlsDenies(denyPlainText, 'sns:Subscribe'))
      expect(violations(snsTlsOnly, topic, ...policy([weakened])).at(-1)).toBe(missing);
    expect(
      violations(
        snsTlsOnly,
        topic,
        ...policy([
          { ...denyPlainText, actions: ['*'], principals: [{ type: 'AWS', identifiers: ['*'] }] },
        ]),
      ),
    ).toEqual([]);
    // open means Allow, to everyone, without a condition; a named principal or a condition is not open
    const allowEveryone = { ...everyone, principals: [{ type: '*', identifiers: ['*'] }] };
    expect(violations(snsTlsOnly, topic, ...policy([denyPlainText, allowEveryone]))).toEqual([
      'aws_sns_topic.t: statement Everyone allows every principal without a condition',
    ]);
    expect(
      violations(snsTlsOnly, topic, ...policy([denyPlainText, { ...everyone, sid: undefined }])),
    ).toEqual(['aws_sns_topic.t: statement (no sid) allows every principal without a condition']);
    for (const notOpen of [
      { ...everyone, effect: 'Deny' },
      { ...everyone, principals: [{ type: 'Service', identifiers: ['cloudwatch.amazonaws.com'] }] },
      {
        ...everyone,
        condition: [
          { test: 'ArnLike', variable: 'aws:SourceArn', values: ['arn:aws:cloudwatch:*'] },
        ],
      },
    ])
      expect(violations(snsTlsOnly, topic, ...policy([denyPlainText, notOpen]))).toEqual([]);
    // a policy of another topic does not count
    expect(
      violations(
        snsTlsOnly,
        topic,
        ['data.aws_iam_policy_document.d', { statement: [denyPlainText] }],
        [
          'aws_sns_topic_policy.p',
          { arn: '${aws_sns_topic.other.arn}', policy: '${data.aws_iam_policy_document.d.json}' },
        ],
      ),
    ).toEqual([missing]);
    // an unreadable policy is no deny
    expect(
      violations(snsTlsOnly, topic, [
        'aws_sns_topic_policy.p',
        { arn: '${aws_sns_topic.t.arn}', policy: '${file("p.json")}' },
      ]),
    ).toEqual([missing]);
  });
});
