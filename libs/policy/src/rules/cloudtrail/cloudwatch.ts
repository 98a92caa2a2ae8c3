import { fromDetails } from '../../results';
import type { Rule } from '../../types';

export const cloudtrailCloudwatch: Rule = {
  id: 'PLT-CLOUDTRAIL-CLOUDWATCH',
  checkov: 'CKV2_AWS_10',
  trivy: 'AVD-AWS-0162',
  message: 'CloudTrail trail does not deliver to CloudWatch Logs.',
  fix: 'set cloud_watch_logs_group_arn ("<log group arn>:*") and cloud_watch_logs_role_arn',
  explanation:
    "The CIS alarms (root use, policy changes, sign-in without MFA, ...) are metric filters on the trail's log group: without delivery nothing can alarm.",
  level: 'error',
  appliesTo: ['aws_cloudtrail'],
  evaluate: (trail) => {
    const set = (name: string) =>
      typeof trail.config[name] === 'string' && trail.config[name] !== '';
    return fromDetails(
      ['cloud_watch_logs_group_arn', 'cloud_watch_logs_role_arn']
        .filter((name) => !set(name))
        .map((name) => `${name} is not set`),
    );
  },
};
