import { fromDetails, notApplicable } from '../../results';
import type { ResourceView, Rule, StackContext } from '../../types';
import { blocks } from '../helpers';

const BOOTSTRAP_LOCAL_STATE = /(^|\/)apps\/bootstrap\/state\/bootstrap-[a-z0-9-]+\.tfstate$/;

/**
 * Whether `stack` creates the bucket that holds Terraform state: bootstrap on its local backend
 * (before the move), or a stack whose S3 backend names one of its own buckets (after it).
 */
function createsStateBucket(stack: StackContext): boolean {
  const local = stack
    .ofType('terraform.backend.local')
    .some((b) => BOOTSTRAP_LOCAL_STATE.test(String(b.config['path'])));
  const remote = stack.ofType('terraform.backend.s3').map((b) => b.config['bucket']);
  return local || stack.ofType('aws_s3_bucket').some((b) => remote.includes(b.config['bucket']));
}

const protectedFromDestroy = (resource: ResourceView) =>
  blocks(resource.config['lifecycle']).some((l) => l['prevent_destroy'] === true);

export const stateProtected: Rule = {
  id: 'PLT-STATE-PREVENT-DESTROY',
  message: 'The Terraform state bucket or its key can be destroyed by terraform.',
  fix: 'create them with protect: true (SecureBucket / EncryptionKey), which sets lifecycle { prevent_destroy = true }',
  explanation:
    "The state bucket holds every stack's state and the key decrypts it: a plan that destroys either loses the record of the whole estate. prevent_destroy makes terraform refuse such a plan.",
  level: 'error',
  appliesTo: ['aws_s3_bucket', 'aws_kms_key'],
  evaluate: (resource, stack) => {
    if (!createsStateBucket(stack)) return notApplicable();
    // in the stack that creates the state bucket, every bucket and key is state or guards it
    return fromDetails(
      protectedFromDestroy(resource) ? [] : ['lifecycle.prevent_destroy is not true'],
    );
  },
};
