import { fromDetails } from '../../results';
import type { Rule } from '../../types';
import { blocks } from '../helpers';

export const codebuildLogs: Rule = {
  id: 'PLT-CODEBUILD-LOGS',
  checkov: 'CKV_AWS_314',
  message: 'CodeBuild project does not log to a log group of ours (or logs to unencrypted S3).',
  fix: 'set logs_config.cloudwatch_logs { status = "ENABLED", group_name = <an EncryptedLogGroup> } and leave s3_logs disabled or encrypted',
  explanation:
    "Build logs are the audit trail of what was built and pushed; in CodeBuild's default group they have no retention and no key of ours.",
  level: 'error',
  appliesTo: ['aws_codebuild_project'],
  evaluate: (project) => {
    const [config] = blocks(project.config['logs_config']);
    const [cloudwatch] = blocks(config?.['cloudwatch_logs']);
    const [s3] = blocks(config?.['s3_logs']);
    return fromDetails([
      ...(cloudwatch &&
      cloudwatch['status'] !== 'DISABLED' &&
      typeof cloudwatch['group_name'] === 'string'
        ? []
        : ['logs_config.cloudwatch_logs has no group_name of ours or is disabled']),
      ...(s3 && s3['status'] === 'ENABLED' && s3['encryption_disabled'] === true
        ? ['logs_config.s3_logs is not encrypted']
        : []),
    ]);
  },
};
