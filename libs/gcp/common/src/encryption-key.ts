import { KmsCryptoKey } from '@cdktf/provider-google/lib/kms-crypto-key';
import { KmsCryptoKeyIamMember } from '@cdktf/provider-google/lib/kms-crypto-key-iam-member';
import { KmsKeyRing } from '@cdktf/provider-google/lib/kms-key-ring';
import type { ITerraformDependable } from 'cdktf';
import { Construct } from 'constructs';

/** The role a service agent needs to use a customer-managed key (CMEK). */
export const CMEK_USER_ROLE = 'roles/cloudkms.cryptoKeyEncrypterDecrypter';

/** The longest rotation period we allow a key, in days. */
export const MAX_KEY_ROTATION_DAYS = 90;

const SECONDS_PER_DAY = 86_400;
const KMS_NAME = /^[a-zA-Z0-9_-]{1,63}$/;

/** Props of {@link GcpEncryptionKey}. */
export interface GcpEncryptionKeyProps {
  /** Key ring name; key rings cannot be deleted, so a name is never reused for another purpose. */
  readonly keyRingName: string;
  /** Key name within the ring, e.g. `artifact-registry`. */
  readonly keyName: string;
  /** Location of the ring: the region (or multi-region) of the data it encrypts, e.g. `europe-west1`. */
  readonly location: string;
  /**
   * Project of the key ring.
   * @default the provider's project
   */
  readonly projectId?: string;
  /**
   * Days between automatic rotations (a new primary version; old versions still decrypt).
   * @default 90
   */
  readonly rotationDays?: number;
  /**
   * IAM members that encrypt and decrypt with the key, e.g. the service agent of the service
   * whose data it protects (`serviceAccount:service-<number>@…`).
   * @default none
   */
  readonly encrypterDecrypters?: readonly string[];
  /**
   * Resources the grants wait for, e.g. the API whose enabling creates the service agent.
   * @default none
   */
  readonly grantsDependOn?: readonly ITerraformDependable[];
  /**
   * Add `prevent_destroy` to the ring and the key: destroying the key makes every piece of data
   * it encrypted unreadable.
   * @default true
   */
  readonly protect?: boolean;
}

/**
 * A Cloud KMS key ring and symmetric key with our defaults: rotation at most every 90 days,
 * a 30-day window before a destroyed version is gone, `prevent_destroy`, and
 * encrypter/decrypter grants for the service agents that use it (depend on `grants` before
 * creating the resource the key protects).
 */
export class GcpEncryptionKey extends Construct {
  /** The key ring. */
  readonly keyRing: KmsKeyRing;
  /** The key. */
  readonly key: KmsCryptoKey;
  /** The encrypter/decrypter grants, in the order of `encrypterDecrypters`. */
  readonly grants: readonly ITerraformDependable[];

  constructor(scope: Construct, id: string, props: GcpEncryptionKeyProps) {
    super(scope, id);
    const rotationDays = props.rotationDays ?? MAX_KEY_ROTATION_DAYS;
    const members = props.encrypterDecrypters ?? [];
    const problems = [
      [
        !KMS_NAME.test(props.keyRingName),
        `keyRingName must be 1-63 letters, digits, _ or - (got "${props.keyRingName}")`,
      ],
      [
        !KMS_NAME.test(props.keyName),
        `keyName must be 1-63 letters, digits, _ or - (got "${props.keyName}")`,
      ],
      [
        !Number.isInteger(rotationDays) || rotationDays < 1 || rotationDays > MAX_KEY_ROTATION_DAYS,
        `rotationDays must be a whole number from 1 to ${MAX_KEY_ROTATION_DAYS} (got ${rotationDays})`,
      ],
      [
        new Set(members).size !== members.length,
        `encrypterDecrypters lists a member twice (got ${members.join(', ')})`,
      ],
    ] as const;
    const messages = problems.filter(([bad]) => bad).map(([, message]) => message);
    if (messages.length > 0) throw new Error(`${this.node.path}: ${messages.join('; ')}`);

    const lifecycle = props.protect === false ? undefined : { preventDestroy: true };
    this.keyRing = new KmsKeyRing(this, 'key-ring', {
      name: props.keyRingName,
      location: props.location,
      project: props.projectId,
      lifecycle,
    });
    this.key = new KmsCryptoKey(this, 'key', {
      name: props.keyName,
      keyRing: this.keyRing.id,
      purpose: 'ENCRYPT_DECRYPT',
      rotationPeriod: `${rotationDays * SECONDS_PER_DAY}s`,
      destroyScheduledDuration: `${30 * SECONDS_PER_DAY}s`,
      lifecycle,
    });
    this.grants = members.map(
      (member) =>
        new KmsCryptoKeyIamMember(this, `encrypter-decrypter-${member.replace(/\//g, '_')}`, {
          cryptoKeyId: this.key.id,
          role: CMEK_USER_ROLE,
          member,
          dependsOn: props.grantsDependOn?.length ? [...props.grantsDependOn] : undefined,
        }),
    );
  }
}
