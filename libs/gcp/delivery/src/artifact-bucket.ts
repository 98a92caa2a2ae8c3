import { StorageBucket } from '@cdktf/provider-google/lib/storage-bucket';
import { Construct } from 'constructs';
import { assertValid, BUCKET_NAME } from './validation';

/** Props of {@link DeliveryArtifactBucket}. */
export interface DeliveryArtifactBucketProps {
  /** Bucket name (globally unique), e.g. acme-ci-delivery-artifacts. */
  readonly name: string;
  /** Project of the pipelines. */
  readonly projectId: string;
  /** Location: the pipelines' region. */
  readonly location: string;
  /**
   * Days a render result or release source stays; older objects are deleted (releases that
   * old can no longer be re-rendered, only rolled back to through a new release).
   * @default 90
   */
  readonly retentionDays?: number;
}

/**
 * Where Cloud Deploy keeps rendered manifests and the release sources Cloud Build uploads:
 * private (uniform bucket-level access, public access prevention enforced), versioned (an
 * overwritten or deleted object stays recoverable for a week), expiring old objects, never
 * destroyed with objects inside.
 */
export class DeliveryArtifactBucket extends Construct {
  /** The bucket. */
  readonly bucket: StorageBucket;
  /** Its name (a reference: grants on it wait for it). */
  readonly name: string;

  constructor(scope: Construct, id: string, props: DeliveryArtifactBucketProps) {
    super(scope, id);
    const retentionDays = props.retentionDays ?? 90;
    assertValid(this, [
      [
        !BUCKET_NAME.test(props.name) || props.name.includes('goog'),
        `name must be 3-63 lowercase letters, digits, "-", "_" or ".", without "goog" (got "${props.name}")`,
      ],
      [
        !Number.isInteger(retentionDays) || retentionDays < 1,
        `retentionDays must be a whole number >= 1 (got ${retentionDays})`,
      ],
    ]);
    this.bucket = new StorageBucket(this, 'bucket', {
      name: props.name,
      project: props.projectId,
      location: props.location,
      uniformBucketLevelAccess: true,
      publicAccessPrevention: 'enforced',
      forceDestroy: false,
      versioning: { enabled: true },
      lifecycleRule: [
        { condition: { age: retentionDays }, action: { type: 'Delete' } },
        { condition: { daysSinceNoncurrentTime: 7 }, action: { type: 'Delete' } },
      ],
    });
    this.name = this.bucket.name;
  }
}
