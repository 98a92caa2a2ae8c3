import { KmsKeyRingIamMember } from '@cdktf/provider-google/lib/kms-key-ring-iam-member';
import { StorageBucket } from '@cdktf/provider-google/lib/storage-bucket';
import { GCP_STATE_KEY_NAME } from '@platform/config';
import type { ITerraformDependable } from 'cdktf';
import { Construct } from 'constructs';
import { GcpEncryptionKey } from '@platform/gcp-common';

/** The Cloud Storage service agent of a project: encrypts and decrypts objects with the bucket's CMEK key. */
export function storageServiceAgent(projectNumber: string): string {
  return `serviceAccount:service-${projectNumber}@gs-project-accounts.iam.gserviceaccount.com`;
}

/** Longest soft-delete retention Cloud Storage allows, in days. */
export const MAX_SOFT_DELETE_DAYS = 90;

const SECONDS_PER_DAY = 86_400;
const PROJECT_NUMBER = /^[1-9]\d{5,18}$/;
const BUCKET_NAME = /^(?!goog)(?!.*google)[a-z0-9][a-z0-9_-]{1,61}[a-z0-9]$/;
const ADMIN_MEMBER = /^(user|group|serviceAccount|domain):[^\s:]+$/;

/** Props of {@link GcpStateBucket}. */
export interface GcpStateBucketProps {
  /** Bucket name (global), e.g. `acme-platform-gcpdev-tfstate`. */
  readonly bucketName: string;
  /** Region of the bucket and its key, e.g. `europe-west1`. */
  readonly location: string;
  /**
   * Project of the bucket and the key.
   * @default the provider's project
   */
  readonly projectId?: string;
  /** Number of the project: names its Cloud Storage service agent (no API lookup at plan time). */
  readonly projectNumber: string;
  /** Key ring of the state key (key rings are never deleted: the name stays taken). */
  readonly keyRingName: string;
  /**
   * Days between rotations of the state key, at most 90.
   * @default 90
   */
  readonly keyRotationDays?: number;
  /**
   * Break-glass administrators of the state key (`roles/cloudkms.admin` on its key ring), e.g.
   * `group:platform-admins@example.com`.
   * @default none: the key is administered through project-level roles only
   */
  readonly keyAdministrators?: readonly string[];
  /**
   * Days a state version lives after a newer one replaces it (or it is deleted).
   * @default 90
   */
  readonly noncurrentVersionRetentionDays?: number;
  /**
   * Days a deleted or replaced object stays restorable (soft delete), at most 90.
   * @default 30
   */
  readonly softDeleteRetentionDays?: number;
  /**
   * Resources to create first, e.g. the Cloud KMS and Cloud Storage APIs.
   * @default none
   */
  readonly dependsOn?: readonly ITerraformDependable[];
}

/**
 * The bucket of an environment's Terraform state: versioned, uniform bucket-level access,
 * public access prevention enforced, encrypted with a key of its own (rotated, 30-day
 * destroy window) that only the project's Cloud Storage service agent uses, soft delete and
 * expiry of old versions, and `prevent_destroy` on the bucket, the key and its ring. The
 * bucket is created after the agent's grant on the key (creation fails otherwise).
 */
export class GcpStateBucket extends Construct {
  /** The state key. */
  readonly key: GcpEncryptionKey;
  /** The bucket. */
  readonly bucket: StorageBucket;

  constructor(scope: Construct, id: string, props: GcpStateBucketProps) {
    super(scope, id);
    const noncurrentDays = props.noncurrentVersionRetentionDays ?? 90;
    const softDeleteDays = props.softDeleteRetentionDays ?? 30;
    const admins = props.keyAdministrators ?? [];
    const problems = [
      [
        !BUCKET_NAME.test(props.bucketName),
        `bucketName must be 3-63 lowercase letters, digits, _ or -, not starting with "goog" nor containing "google" (got "${props.bucketName}")`,
      ],
      [
        !PROJECT_NUMBER.test(props.projectNumber),
        `projectNumber must be the project's number, digits only (got "${props.projectNumber}")`,
      ],
      [
        !Number.isInteger(noncurrentDays) || noncurrentDays < 1,
        `noncurrentVersionRetentionDays must be a whole number >= 1 (got ${noncurrentDays})`,
      ],
      [
        !Number.isInteger(softDeleteDays) ||
          softDeleteDays < 7 ||
          softDeleteDays > MAX_SOFT_DELETE_DAYS,
        `softDeleteRetentionDays must be a whole number from 7 to ${MAX_SOFT_DELETE_DAYS} (got ${softDeleteDays})`,
      ],
      [
        admins.some((m) => !ADMIN_MEMBER.test(m)),
        `keyAdministrators must be IAM members such as "group:platform-admins@example.com" (got ${admins.join(', ')})`,
      ],
    ] as const;
    const messages = problems.filter(([bad]) => bad).map(([, message]) => message);
    if (messages.length > 0) throw new Error(`${this.node.path}: ${messages.join('; ')}`);

    this.key = new GcpEncryptionKey(this, 'key', {
      keyRingName: props.keyRingName,
      // The key every stack's gcs backend names (gcpStateKmsKeyId in @platform/config).
      keyName: GCP_STATE_KEY_NAME,
      location: props.location,
      projectId: props.projectId,
      rotationDays: props.keyRotationDays,
      encrypterDecrypters: [storageServiceAgent(props.projectNumber)],
      grantsDependOn: props.dependsOn,
      protect: true,
    });
    for (const member of admins) {
      new KmsKeyRingIamMember(this, `key-administrator-${member}`, {
        keyRingId: this.key.keyRing.id,
        role: 'roles/cloudkms.admin',
        member,
      });
    }

    this.bucket = new StorageBucket(this, 'bucket', {
      name: props.bucketName,
      location: props.location.toUpperCase(),
      project: props.projectId,
      storageClass: 'STANDARD',
      uniformBucketLevelAccess: true,
      publicAccessPrevention: 'enforced',
      versioning: { enabled: true },
      encryption: { defaultKmsKeyName: this.key.key.id },
      softDeletePolicy: { retentionDurationSeconds: softDeleteDays * SECONDS_PER_DAY },
      lifecycleRule: [
        {
          action: { type: 'Delete' },
          condition: { daysSinceNoncurrentTime: noncurrentDays, withState: 'ARCHIVED' },
        },
      ],
      forceDestroy: false,
      lifecycle: { preventDestroy: true },
      dependsOn: [...(props.dependsOn ?? []), ...this.key.grants],
    });
  }
}
