import { fromDetails } from '../../results';
import type { Rule } from '../../types';

export const ecrImmutableTags: Rule = {
  id: 'PLT-ECR-IMMUTABLE-TAGS',
  checkov: 'CKV_AWS_51',
  trivy: 'AVD-AWS-0031',
  message: 'ECR repository allows a tag to be moved to another image.',
  fix: 'set image_tag_mutability = "IMMUTABLE"; release with a new tag instead of re-pushing one',
  explanation:
    'A mutable tag lets what runs in prod differ from what was tested and scanned under the same name.',
  level: 'error',
  appliesTo: ['aws_ecr_repository'],
  evaluate: (repo) =>
    fromDetails(
      repo.config['image_tag_mutability'] === 'IMMUTABLE'
        ? []
        : [
            `image_tag_mutability is ${JSON.stringify(repo.config['image_tag_mutability'] ?? 'MUTABLE (default)')}`,
          ],
    ),
};
