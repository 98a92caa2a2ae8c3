import { fromDetails } from '../../results';
import type { Rule } from '../../types';

export const codebuildKms: Rule = {
  id: 'PLT-CODEBUILD-KMS',
  checkov: 'CKV_AWS_147',
  message: 'CodeBuild project is not encrypted with a customer-managed KMS key.',
  fix: 'set encryption_key to our key ARN (the one the pipeline artifacts use)',
  explanation:
    'Build outputs and caches hold code and images; our key keeps access to them under our key policy and lets later accounts decrypt only what they must.',
  level: 'error',
  appliesTo: ['aws_codebuild_project'],
  evaluate: (project) => {
    const key = project.config['encryption_key'];
    return fromDetails(
      typeof key === 'string' && key !== '' && !key.includes('alias/aws/')
        ? []
        : ['encryption_key is not a customer-managed key'],
    );
  },
};
