import { fromDetails } from '../../results';
import type { Rule } from '../../types';

export const ecrNoForceDelete: Rule = {
  id: 'PLT-ECR-NO-FORCE-DELETE',
  message: 'ECR repository can be destroyed with its images in it.',
  fix: 'leave force_delete unset or false; empty the repository on purpose before removing it',
  explanation:
    'With force_delete a destroy takes every image along, including the ones running in production and the only copy of a rollback target.',
  level: 'error',
  appliesTo: ['aws_ecr_repository'],
  evaluate: (repo) =>
    fromDetails(repo.config['force_delete'] === true ? ['force_delete is true'] : []),
};
