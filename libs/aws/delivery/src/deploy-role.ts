import { IamRole } from '@cdktf/provider-aws/lib/iam-role';
import { IamRolePolicy } from '@cdktf/provider-aws/lib/iam-role-policy';
import {
  grant,
  grantDecrypt,
  grantReadObjects,
  policyDocument,
  type Statement,
} from '@platform/aws-common';
import {
  accountRootArn,
  arn,
  type AwsEnvironment,
  ecsServiceArns,
  s3Arn,
  type ServiceConfig,
  servicePrincipal,
} from '@platform/config';
import { Construct } from 'constructs';
import {
  ARTIFACT_KEY_ALIAS,
  artifactBucketName,
  artifactPrefix,
  deployRoleName,
  pipelineRoleName,
  productionArtifactPrefix,
  productionPipelineName,
  roleArn,
  stepsRoleName,
} from './naming';

type Env = Pick<AwsEnvironment, 'name' | 'aws'>;

/** Props of {@link DeployRole}. */
export interface DeployRoleProps {
  /** The environment the role deploys to (the stack's own). */
  readonly environment: Env;
  /** The environment whose account runs the pipelines. */
  readonly pipelineEnvironment: Env;
  /** The service, as configured in this environment. */
  readonly service: ServiceConfig;
  /**
   * The environment is released from its own account ({@link ProductionRelease}): the role
   * trusts only that account's release pipeline and steps roles and reads its artifacts there.
   * @default false: trusted by the pipeline account's roles
   */
  readonly releasedInOwnAccount?: boolean;
}

/**
 * The role a service's pipeline deploys through in one environment. Only the pipeline's role
 * and its steps project's role (in the pipeline account) may assume it, matched by ARN. It
 * reads only this pipeline's artifacts (decrypting with the artifact key, found by alias) and
 * deploys only this service: CodeDeploy into its deployment group (blue/green), an ECS service
 * update (rolling) or an App Runner image update.
 */
export class DeployRole extends Construct {
  /** The role. */
  readonly role: IamRole;

  constructor(scope: Construct, id: string, props: DeployRoleProps) {
    super(scope, id);
    const { environment: env, pipelineEnvironment: pipelineEnv, service } = props;
    const ecs = ecsServiceArns(env, service);
    const own = props.releasedInOwnAccount ?? false;
    const releasedFrom = own ? env : pipelineEnv;
    const trusted = (
      own
        ? [
            `${productionPipelineName(env, service)}-pipeline`,
            `${productionPipelineName(env, service)}-steps`,
          ]
        : [pipelineRoleName(service), stepsRoleName(service)]
    ).map((n) => roleArn(releasedFrom.aws, n));
    const prefix = own ? productionArtifactPrefix(env, service) : artifactPrefix(service);
    this.role = new IamRole(this, 'role', {
      name: deployRoleName(env, service),
      description: `The ${service.name} release pipeline deploys to ${env.name} through this role`,
      maxSessionDuration: 3600,
      assumeRolePolicy: policyDocument(this, 'trust', [
        {
          sid: 'PipelineAssumesRole',
          actions: ['sts:AssumeRole'],
          principals: [{ type: 'AWS', identifiers: [accountRootArn(releasedFrom.aws)] }],
          // Matched by ARN rather than named as principals: the trust survives a re-created role
          // and does not fail while the pipeline account's roles are still being created.
          conditions: [{ test: 'ArnEquals', variable: 'aws:PrincipalArn', values: trusted }],
        },
      ]),
    });
    const passTo = (arns: string[], servicePrincipal: string): Statement =>
      grant('passRole', arns, {
        sid: 'PassServiceRoles',
        conditions: [
          { test: 'StringEquals', variable: 'iam:PassedToService', values: [servicePrincipal] },
        ],
      });
    const repository = arn(env.aws, {
      service: 'ecr',
      resource: `repository/${service.repository}`,
    });
    const runtime: Statement[] =
      service.runtime === 'app-runner'
        ? [
            grant('appRunnerFind', ['*'], { sid: 'FindAppRunnerService' }),
            grant('appRunnerUpdate', [ecs.appRunnerServiceArns], { sid: 'UpdateAppRunnerImage' }),
            passTo(
              [ecs.appRunnerAccessRoleArn],
              servicePrincipal(env.aws.region, 'build.apprunner'),
            ),
          ]
        : [
            // DescribeTaskDefinition and RegisterTaskDefinition have no resource-level permissions.
            grant('ecsTaskDefinitions', ['*'], { sid: 'RegisterTaskDefinition' }),
            grant('ecsDescribe', [ecs.serviceArn], { sid: 'DescribeEcs' }),
            grant('ecsTasks', [ecs.taskArns, ecs.containerInstanceArns], { sid: 'WatchTasks' }),
            grant('ecsTagTaskDefinition', [ecs.taskDefinitionArns], { sid: 'TagTaskDefinitions' }),
            passTo(
              [ecs.executionRoleArn, ecs.taskRoleArn],
              servicePrincipal(env.aws.region, 'ecs-tasks'),
            ),
            ...(service.deployment.strategy === 'blue-green'
              ? [
                  grant(
                    'codeDeploy',
                    [
                      ecs.codeDeployApplicationArn,
                      ecs.deploymentGroupArn,
                      arn(env.aws, { service: 'codedeploy', resource: 'deploymentconfig:*' }),
                    ],
                    { sid: 'CodeDeployBlueGreen' },
                  ),
                ]
              : [grant('ecsUpdate', [ecs.serviceArn], { sid: 'UpdateService' })]),
          ];
    new IamRolePolicy(this, 'policy', {
      name: 'deploy-one-service',
      role: this.role.id,
      policy: policyDocument(this, 'policy-document', [
        grantReadObjects(
          [s3Arn(releasedFrom.aws, `${artifactBucketName(releasedFrom)}/${prefix}/*`)],
          { sid: 'ReadPipelineArtifacts' },
        ),
        grantDecrypt([arn(releasedFrom.aws, { service: 'kms', resource: 'key/*' })], {
          sid: 'DecryptPipelineArtifacts',
          conditions: [
            {
              test: 'ForAnyValue:StringEquals',
              variable: 'kms:ResourceAliases',
              values: [ARTIFACT_KEY_ALIAS],
            },
          ],
        }),
        grant('ecrDescribe', [repository], { sid: 'ImageReplicated' }),
        ...runtime,
      ]),
    });
  }
}
