import { fromDetails } from '../../results';
import type { Rule } from '../../types';

export const ebsDefaultEncryption: Rule = {
  id: 'PLT-EBS-DEFAULT-ENCRYPTION',
  checkov: 'CKV_AWS_106',
  message: 'EBS encryption by default is switched off.',
  fix: 'set enabled = true (its default) on aws_ebs_encryption_by_default',
  explanation:
    'With encryption by default every new volume and snapshot of the region is encrypted, whoever creates it and however.',
  level: 'error',
  appliesTo: ['aws_ebs_encryption_by_default'],
  evaluate: (setting) =>
    fromDetails(setting.config['enabled'] === false ? ['enabled is false'] : []),
};
