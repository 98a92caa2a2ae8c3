import { fromDetails } from '../../results';
import type { Rule } from '../../types';

export const ecrLifecyclePolicy: Rule = {
  id: 'PLT-ECR-LIFECYCLE-POLICY',
  message: 'ECR repository has no lifecycle policy.',
  fix: 'add an aws_ecr_lifecycle_policy that expires untagged images and keeps the last N',
  explanation:
    'Without expiry a repository grows forever, and old vulnerable images stay pullable.',
  level: 'error',
  appliesTo: ['aws_ecr_repository'],
  evaluate: (repo, stack) =>
    fromDetails(
      stack.referencing('aws_ecr_lifecycle_policy', repo, 'repository').length > 0
        ? []
        : ['no aws_ecr_lifecycle_policy references it'],
    ),
};
