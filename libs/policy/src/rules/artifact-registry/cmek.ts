import { fromDetails } from '../../results';
import type { Rule } from '../../types';

export const artifactRegistryCmek: Rule = {
  id: 'PLT-GAR-CMEK',
  checkov: 'CKV_GCP_84',
  message: 'Artifact Registry repository is not encrypted with a customer-managed Cloud KMS key.',
  fix: 'set kms_key_name to our google_kms_crypto_key id (the Artifact Registry service agent needs cloudkms.cryptoKeyEncrypterDecrypter on it)',
  explanation:
    'A key of our own lets IAM and audit logs govern who can read the images, and revoking it makes them unreadable.',
  level: 'error',
  appliesTo: ['google_artifact_registry_repository'],
  evaluate: (repository) => {
    const key = repository.config['kms_key_name'];
    return fromDetails(
      typeof key === 'string' && key.trim() !== '' ? [] : ['kms_key_name is not set'],
    );
  },
};
