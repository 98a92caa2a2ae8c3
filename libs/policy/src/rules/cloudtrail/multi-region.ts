import { fromDetails } from '../../results';
import type { Rule } from '../../types';

export const cloudtrailMultiRegion: Rule = {
  id: 'PLT-CLOUDTRAIL-MULTI-REGION',
  checkov: 'CKV_AWS_67',
  trivy: 'AVD-AWS-0014',
  message: 'CloudTrail trail does not record every region and global service.',
  fix: 'set is_multi_region_trail = true and include_global_service_events = true (its default)',
  explanation:
    'An attacker works where nobody looks: a trail of one region misses resources created in the others and IAM calls, which are global.',
  level: 'error',
  appliesTo: ['aws_cloudtrail'],
  evaluate: (trail) =>
    fromDetails([
      ...(trail.config['is_multi_region_trail'] === true
        ? []
        : ['is_multi_region_trail is not true']),
      ...(trail.config['include_global_service_events'] === false
        ? ['include_global_service_events is false']
        : []),
    ]),
};
