import { fromDetails } from '../../results';
import type { Rule } from '../../types';
import { blocks } from '../helpers';

export const gkeSecretsCmek: Rule = {
  id: 'PLT-GKE-SECRETS-CMEK',
  message:
    'GKE cluster does not encrypt Kubernetes secrets with a customer-managed Cloud KMS key (application-layer secrets encryption).',
  fix: 'set database_encryption { state = "ENCRYPTED", key_name = <our google_kms_crypto_key id> } and grant the GKE service agent cloudkms.cryptoKeyEncrypterDecrypter on the key',
  explanation:
    'Envelope encryption keeps secrets unreadable in etcd and its backups, and lets the key’s IAM and audit logs govern every decryption.',
  level: 'error',
  appliesTo: ['google_container_cluster'],
  evaluate: (cluster) => {
    const encryption = blocks(cluster.config['database_encryption'])[0];
    const details: string[] = [];
    if (encryption?.['state'] !== 'ENCRYPTED')
      details.push('database_encryption.state is not "ENCRYPTED"');
    const key = encryption?.['key_name'];
    if (typeof key !== 'string' || key.trim() === '')
      details.push('database_encryption.key_name is not set');
    return fromDetails(details);
  },
};
