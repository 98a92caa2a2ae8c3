import { fromDetails } from '../../results';
import type { Rule } from '../../types';
import { blocks } from '../helpers';

export const codepipelineArtifactKms: Rule = {
  id: 'PLT-CODEPIPELINE-KMS',
  checkov: 'CKV_AWS_219',
  message: 'CodePipeline artifact store is not encrypted with a customer-managed KMS key.',
  fix: 'set artifact_store.encryption_key { id = <our key ARN>, type = "KMS" } on every artifact store',
  explanation:
    'Artifacts carry source code and deploy definitions; with the AWS-managed S3 key no other account can decrypt them, and nothing limits who can inside the account.',
  level: 'error',
  appliesTo: ['aws_codepipeline'],
  evaluate: (pipeline) => {
    const stores = blocks(pipeline.config['artifact_store']);
    if (stores.length === 0) return fromDetails(['no artifact_store']);
    return fromDetails(
      stores.flatMap((store, index) => {
        const [key] = blocks(store['encryption_key']);
        const id = key?.['id'];
        return key?.['type'] === 'KMS' &&
          typeof id === 'string' &&
          id !== '' &&
          !id.includes('alias/aws/')
          ? []
          : [`artifact_store ${index} has no customer-managed encryption_key`];
      }),
    );
  },
};
