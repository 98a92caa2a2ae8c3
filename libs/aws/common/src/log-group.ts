import { CloudwatchLogGroup } from '@cdktf/provider-aws/lib/cloudwatch-log-group';
import { LOG_RETENTION_DAYS } from '@platform/config';
import { Construct } from 'constructs';

/** Props of {@link EncryptedLogGroup}. */
export interface EncryptedLogGroupProps {
  /** Log group name, e.g. /platform/dev/vpc-flow-logs. */
  readonly name: string;
  /** Days to keep events; one of the values CloudWatch Logs accepts. */
  readonly retentionDays: number;
  /** ARN of the customer-managed key; its policy must let logs.<region>.amazonaws.com use it. */
  readonly kmsKeyArn: string;
}

/** A CloudWatch log group with bounded retention, encrypted with our key. */
export class EncryptedLogGroup extends Construct {
  /** The log group. */
  readonly group: CloudwatchLogGroup;

  constructor(scope: Construct, id: string, props: EncryptedLogGroupProps) {
    super(scope, id);
    if (!(LOG_RETENTION_DAYS as readonly number[]).includes(props.retentionDays)) {
      throw new Error(
        `${this.node.path}: retentionDays ${props.retentionDays} is not accepted by CloudWatch Logs; use one of ${LOG_RETENTION_DAYS.join(', ')}`,
      );
    }
    this.group = new CloudwatchLogGroup(this, 'group', {
      name: props.name,
      retentionInDays: props.retentionDays,
      kmsKeyId: props.kmsKeyArn,
    });
  }
}
