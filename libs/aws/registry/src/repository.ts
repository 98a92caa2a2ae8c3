import { EcrLifecyclePolicy } from '@cdktf/provider-aws/lib/ecr-lifecycle-policy';
import { EcrRepository } from '@cdktf/provider-aws/lib/ecr-repository';
import { Construct } from 'constructs';

/** Props of {@link ImageRepository}. */
export interface ImageRepositoryProps {
  /** Repository name, e.g. web. */
  readonly name: string;
  /** ARN of the customer-managed key that encrypts the images. */
  readonly kmsKeyArn: string;
  /** Tagged images kept; older ones expire. */
  readonly keepLastImages: number;
  /**
   * Days an untagged image lives before it expires.
   * @default 1
   */
  readonly untaggedExpiryDays?: number;
  /**
   * Add `prevent_destroy`: terraform refuses any plan that destroys the repository.
   * @default false
   */
  readonly protect?: boolean;
}

/**
 * An ECR repository with our defaults: immutable tags (a tag names one image forever),
 * scan on push, KMS encryption with our key, and a lifecycle policy that expires untagged
 * images and keeps the last N tagged ones.
 */
export class ImageRepository extends Construct {
  /** The repository. */
  readonly repository: EcrRepository;

  constructor(scope: Construct, id: string, props: ImageRepositoryProps) {
    super(scope, id);
    const untaggedDays = props.untaggedExpiryDays ?? 1;
    const problems = [
      [
        !Number.isInteger(props.keepLastImages) || props.keepLastImages < 1,
        `keepLastImages must be a whole number >= 1 (got ${props.keepLastImages})`,
      ],
      [
        !Number.isInteger(untaggedDays) || untaggedDays < 1,
        `untaggedExpiryDays must be a whole number >= 1 (got ${untaggedDays})`,
      ],
    ] as const;
    const messages = problems.filter(([bad]) => bad).map(([, message]) => message);
    if (messages.length > 0) throw new Error(`${this.node.path}: ${messages.join('; ')}`);

    this.repository = new EcrRepository(this, 'repository', {
      name: props.name,
      imageTagMutability: 'IMMUTABLE',
      imageScanningConfiguration: { scanOnPush: true },
      encryptionConfiguration: [{ encryptionType: 'KMS', kmsKey: props.kmsKeyArn }],
      forceDelete: false,
      lifecycle: props.protect ? { preventDestroy: true } : undefined,
    });
    new EcrLifecyclePolicy(this, 'lifecycle', {
      repository: this.repository.name,
      policy: JSON.stringify({
        rules: [
          {
            rulePriority: 1,
            description: `Expire untagged images after ${untaggedDays} day(s)`,
            selection: {
              tagStatus: 'untagged',
              countType: 'sinceImagePushed',
              countUnit: 'days',
              countNumber: untaggedDays,
            },
            action: { type: 'expire' },
          },
          {
            rulePriority: 2,
            description: `Keep the last ${props.keepLastImages} images`,
            selection: {
              tagStatus: 'any',
              countType: 'imageCountMoreThan',
              countNumber: props.keepLastImages,
            },
            action: { type: 'expire' },
          },
        ],
      }),
    });
  }
}
