import { KmsCryptoKey } from '@cdktf/provider-google/lib/kms-crypto-key';
import { KmsCryptoKeyIamMember } from '@cdktf/provider-google/lib/kms-crypto-key-iam-member';
import { KmsKeyRing } from '@cdktf/provider-google/lib/kms-key-ring';
import { Construct } from 'constructs';
import { assertValid, known, PROJECT_NUMBER } from './validation';

/** Longest automatic rotation the platform accepts for a key-encryption key. */
export const MAX_KEY_ROTATION_DAYS = 90;

/** Key rings and keys: 1–63 letters, digits, underscores and hyphens. */
const KMS_NAME = /^[a-zA-Z0-9_-]{1,63}$/;

/** The role that lets a service agent wrap and unwrap with a key. */
export const KMS_ENCRYPTER_DECRYPTER = 'roles/cloudkms.cryptoKeyEncrypterDecrypter';

/** The GKE service agent of a project: it encrypts etcd with the customer-managed key. */
export const gkeServiceAgent = (projectNumber: string): string =>
  `serviceAccount:service-${projectNumber}@container-engine-robot.iam.gserviceaccount.com`;

/** Props of {@link ClusterEncryptionKey}. */
export interface ClusterEncryptionKeyProps {
  /** Project that holds the key ring, e.g. acme-dev. */
  readonly projectId: string;
  /** Number of the cluster's project (digits): names the GKE service agent granted the key. */
  readonly projectNumber: string;
  /** Location of the key ring: the cluster's region (GKE needs the key in the cluster's location). */
  readonly location: string;
  /** Key ring name. Key rings cannot be deleted in Cloud KMS: choose a name for the long term. */
  readonly keyRingName: string;
  /** Key name inside the ring. */
  readonly keyName: string;
  /**
   * Days between automatic rotations (a new primary version; old versions still decrypt).
   * @default 90, the longest allowed
   */
  readonly rotationDays?: number;
  /**
   * Add `prevent_destroy` to the key ring and key: a destroyed key makes the cluster's etcd
   * unreadable.
   * @default true
   */
  readonly protect?: boolean;
}

/**
 * A Cloud KMS key ring and symmetric key for GKE application-layer secrets encryption: software
 * protection, automatic rotation (at most every 90 days), and the project's GKE service agent
 * granted encrypt/decrypt on this key only (not on the ring, not project-wide).
 */
export class ClusterEncryptionKey extends Construct {
  /** The key ring. */
  readonly keyRing: KmsKeyRing;
  /** The key. */
  readonly key: KmsCryptoKey;
  /** The service agent's grant: the cluster must depend on it, or creation fails. */
  readonly serviceAgentGrant: KmsCryptoKeyIamMember;

  constructor(scope: Construct, id: string, props: ClusterEncryptionKeyProps) {
    super(scope, id);
    const rotationDays = props.rotationDays ?? MAX_KEY_ROTATION_DAYS;
    assertValid(this, [
      [
        known(props.projectNumber) && !PROJECT_NUMBER.test(props.projectNumber),
        `projectNumber must be the project's number, digits only (got "${props.projectNumber}")`,
      ],
      [
        !KMS_NAME.test(props.keyRingName),
        `keyRingName must be 1-63 letters, digits, "_" or "-" (got "${props.keyRingName}")`,
      ],
      [
        !KMS_NAME.test(props.keyName),
        `keyName must be 1-63 letters, digits, "_" or "-" (got "${props.keyName}")`,
      ],
      [
        !Number.isInteger(rotationDays) || rotationDays < 1 || rotationDays > MAX_KEY_ROTATION_DAYS,
        `rotationDays must be a whole number from 1 to ${MAX_KEY_ROTATION_DAYS} (got ${rotationDays})`,
      ],
    ]);
    const protect = props.protect ?? true;
    const lifecycle = protect ? { preventDestroy: true } : undefined;

    this.keyRing = new KmsKeyRing(this, 'key-ring', {
      project: props.projectId,
      name: props.keyRingName,
      location: props.location,
      lifecycle,
    });
    this.key = new KmsCryptoKey(this, 'key', {
      name: props.keyName,
      keyRing: this.keyRing.id,
      purpose: 'ENCRYPT_DECRYPT',
      rotationPeriod: `${rotationDays * 86_400}s`,
      versionTemplate: { algorithm: 'GOOGLE_SYMMETRIC_ENCRYPTION', protectionLevel: 'SOFTWARE' },
      lifecycle,
    });
    this.serviceAgentGrant = new KmsCryptoKeyIamMember(this, 'gke-service-agent', {
      cryptoKeyId: this.key.id,
      role: KMS_ENCRYPTER_DECRYPTER,
      member: gkeServiceAgent(props.projectNumber),
    });
  }
}
