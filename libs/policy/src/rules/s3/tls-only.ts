import { fromDetails } from '../../results';
import type { Rule } from '../../types';
import { bucketCompanions, policyOf } from '../helpers';

export const s3TlsOnly: Rule = {
  id: 'PLT-S3-TLS-ONLY',
  message: 'S3 bucket accepts requests without TLS.',
  fix: 'attach a bucket policy that denies s3:* when aws:SecureTransport is "false"',
  explanation:
    'Without the deny, a misconfigured client can send credentials and data in clear text.',
  level: 'error',
  appliesTo: ['aws_s3_bucket'],
  evaluate: (bucket, stack) => {
    const policies = bucketCompanions(stack, 'aws_s3_bucket_policy', bucket);
    const denies = policies.some((p) =>
      (policyOf(p, stack, 'policy')?.statements ?? []).some(
        (s) =>
          s.effect === 'Deny' &&
          (s.actions.includes('s3:*') || s.actions.includes('*')) &&
          (s.principals['*']?.includes('*') || s.principals['AWS']?.includes('*')) &&
          s.conditions['Bool']?.['aws:SecureTransport']?.includes('false'),
      ),
    );
    return fromDetails(
      denies
        ? []
        : [
            'no bucket policy denies requests where aws:SecureTransport is false (or it cannot be read)',
          ],
    );
  },
};
