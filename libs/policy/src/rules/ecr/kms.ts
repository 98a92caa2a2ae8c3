import { fromDetails } from '../../results';
import type { Rule } from '../../types';
import { blocks } from '../helpers';

export const ecrKms: Rule = {
  id: 'PLT-ECR-KMS',
  checkov: 'CKV_AWS_136',
  trivy: 'AVD-AWS-0033',
  message: 'ECR repository is not encrypted with a customer-managed KMS key.',
  fix: 'set encryption_configuration { encryption_type = "KMS", kms_key = <our key ARN> }',
  explanation:
    'Images hold code and sometimes baked-in configuration; our key keeps reading them under a key policy we control.',
  level: 'error',
  appliesTo: ['aws_ecr_repository'],
  evaluate: (repo) => {
    const ok = blocks(repo.config['encryption_configuration']).some(
      (c) =>
        c['encryption_type'] === 'KMS' && typeof c['kms_key'] === 'string' && c['kms_key'] !== '',
    );
    return fromDetails(
      ok ? [] : ['no encryption_configuration with encryption_type KMS and a kms_key'],
    );
  },
};
