import { fromDetails } from '../../results';
import type { Rule } from '../../types';

export const guarddutyEnabled: Rule = {
  id: 'PLT-GUARDDUTY-ENABLED',
  checkov: 'CKV2_AWS_3',
  message: 'GuardDuty detector is suspended.',
  fix: 'set enable = true (its default) on the detector; turn individual protection features off instead',
  explanation:
    'A suspended detector analyses nothing and raises no findings: compromised credentials and crypto-miners go unnoticed.',
  level: 'error',
  appliesTo: ['aws_guardduty_detector'],
  evaluate: (detector) =>
    fromDetails(detector.config['enable'] === false ? ['enable is false'] : []),
};
