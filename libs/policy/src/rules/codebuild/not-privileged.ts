import { fromDetails } from '../../results';
import type { Rule } from '../../types';
import { blocks } from '../helpers';

export const codebuildNotPrivileged: Rule = {
  id: 'PLT-CODEBUILD-NOT-PRIVILEGED',
  checkov: 'CKV_AWS_316',
  message: 'CodeBuild project runs its build container privileged.',
  fix: 'set environment.privileged_mode = false; only a project that builds images may run privileged, as a reasoned suppression',
  explanation:
    'A privileged build container can reach the host: code from the repository then runs with more than the build needs.',
  level: 'error',
  appliesTo: ['aws_codebuild_project'],
  evaluate: (project) =>
    fromDetails(
      blocks(project.config['environment']).some((e) => e['privileged_mode'] !== false)
        ? ['environment.privileged_mode is not false']
        : [],
    ),
};
