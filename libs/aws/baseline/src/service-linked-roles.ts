import { IamServiceLinkedRole } from '@cdktf/provider-aws/lib/iam-service-linked-role';
import {
  type ArnScope,
  type AwsEnvironmentWith,
  iamRoleArn,
  servicePrincipal,
} from '@platform/config';
import { Construct } from 'constructs';

/** The ARN of an AWS service-linked role: fixed by AWS, so it is known without a lookup. */
export const serviceLinkedRoleArn = (scope: ArnScope, service: string, roleName: string) =>
  iamRoleArn(scope, `aws-service-role/${service}/${roleName}`);

/** Props of {@link ServiceLinkedRoles}. */
export interface ServiceLinkedRolesProps {
  /** The environment: account, and which roles to create. */
  readonly environment: AwsEnvironmentWith<'baseline'>;
}

/**
 * The service-linked roles the baseline relies on: AWS Config's (the recorder records and
 * delivers with it, as Security Hub control Config.1 expects) and EC2 Auto Scaling's (named in
 * the EBS default key's policy). Each is created here, or taken as existing, per config.
 */
export class ServiceLinkedRoles extends Construct {
  /** ARN of AWSServiceRoleForConfig. */
  readonly configRoleArn: string;
  /** ARN of AWSServiceRoleForAutoScaling (a plain string: it is a key-policy principal). */
  readonly autoScalingRoleArn: string;
  /** AWSServiceRoleForConfig when this stack creates it. */
  readonly configRole?: IamServiceLinkedRole;
  /** AWSServiceRoleForAutoScaling when this stack creates it: the EBS key waits for it. */
  readonly autoScalingRole?: IamServiceLinkedRole;

  constructor(scope: Construct, id: string, props: ServiceLinkedRolesProps) {
    super(scope, id);
    const env = props.environment;
    const roles = env.baseline.serviceLinkedRoles;
    this.configRole = roles.createConfigRole
      ? new IamServiceLinkedRole(this, 'config', {
          awsServiceName: servicePrincipal(env.aws.region, 'config'),
        })
      : undefined;
    this.autoScalingRole = roles.createAutoScalingRole
      ? new IamServiceLinkedRole(this, 'autoscaling', {
          awsServiceName: servicePrincipal(env.aws.region, 'autoscaling'),
        })
      : undefined;
    this.configRoleArn =
      this.configRole?.arn ??
      serviceLinkedRoleArn(
        env.aws,
        servicePrincipal(env.aws.region, 'config'),
        'AWSServiceRoleForConfig',
      );
    this.autoScalingRoleArn = serviceLinkedRoleArn(
      env.aws,
      servicePrincipal(env.aws.region, 'autoscaling'),
      'AWSServiceRoleForAutoScaling',
    );
  }
}
