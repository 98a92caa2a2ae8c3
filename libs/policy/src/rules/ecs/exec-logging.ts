import { fromDetails } from '../../results';
import type { Rule } from '../../types';
import { blocks } from '../helpers';

export const ecsExecLogging: Rule = {
  id: 'PLT-ECS-EXEC-LOGGING',
  checkov: 'CKV_AWS_224',
  message:
    'ECS Exec sessions of the cluster are not encrypted with our key and logged to an encrypted destination.',
  fix: 'set configuration.execute_command_configuration { kms_key_id, logging = "OVERRIDE", log_configuration { cloud_watch_log_group_name, cloud_watch_encryption_enabled = true } }',
  explanation:
    'An ECS Exec session is a shell in production: what was typed must be kept, encrypted, for audit.',
  level: 'error',
  appliesTo: ['aws_ecs_cluster'],
  evaluate: (cluster) => {
    const exec = blocks(cluster.config['configuration']).flatMap((c) =>
      blocks(c['execute_command_configuration']),
    )[0];
    if (!exec) return fromDetails(['no configuration.execute_command_configuration']);
    const details: string[] = [];
    if (typeof exec['kms_key_id'] !== 'string' || exec['kms_key_id'] === '')
      details.push('kms_key_id is not set');
    if (exec['logging'] !== 'OVERRIDE')
      details.push(`logging is ${JSON.stringify(exec['logging'] ?? 'DEFAULT')}, not "OVERRIDE"`);
    const log = blocks(exec['log_configuration'])[0];
    const toLogs =
      log &&
      typeof log['cloud_watch_log_group_name'] === 'string' &&
      log['cloud_watch_encryption_enabled'] === true;
    const toS3 =
      log && typeof log['s3_bucket_name'] === 'string' && log['s3_encryption_enabled'] === true;
    if (!toLogs && !toS3) details.push('log_configuration sends sessions nowhere encrypted');
    return fromDetails(details);
  },
};
