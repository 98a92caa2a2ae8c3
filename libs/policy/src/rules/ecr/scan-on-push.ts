import { fromDetails } from '../../results';
import type { Rule } from '../../types';
import { blocks } from '../helpers';

export const ecrScanOnPush: Rule = {
  id: 'PLT-ECR-SCAN-ON-PUSH',
  checkov: 'CKV_AWS_163',
  trivy: 'AVD-AWS-0030',
  message: 'ECR repository does not scan images on push.',
  fix: 'set image_scanning_configuration { scan_on_push = true } (and keep the registry scanning configuration)',
  explanation:
    'Known vulnerabilities are cheapest to catch the moment an image enters the registry, before any environment runs it.',
  level: 'error',
  appliesTo: ['aws_ecr_repository'],
  evaluate: (repo) =>
    fromDetails(
      blocks(repo.config['image_scanning_configuration']).some((c) => c['scan_on_push'] === true)
        ? []
        : ['image_scanning_configuration.scan_on_push is not true'],
    ),
};
