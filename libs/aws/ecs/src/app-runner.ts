import { ApprunnerAutoScalingConfigurationVersion } from '@cdktf/provider-aws/lib/apprunner-auto-scaling-configuration-version';
import { ApprunnerObservabilityConfiguration } from '@cdktf/provider-aws/lib/apprunner-observability-configuration';
import { ApprunnerService } from '@cdktf/provider-aws/lib/apprunner-service';
import { ApprunnerVpcConnector } from '@cdktf/provider-aws/lib/apprunner-vpc-connector';
import { SecurityGroup } from '@cdktf/provider-aws/lib/security-group';
import { VpcSecurityGroupEgressRule } from '@cdktf/provider-aws/lib/vpc-security-group-egress-rule';
import { arn, ecsServiceNames, type ServiceConfig, servicePrincipal } from '@platform/config';
import type { NetworkRef } from '@platform/core';
import { Construct } from 'constructs';
import { grantPull, grantReadSecrets, grantTraces } from '@platform/aws-common';
import { serviceRole } from './roles';
import { INITIAL_IMAGE_TAG } from './service';

/** Concurrent requests per App Runner instance before it scales out. */
export const APP_RUNNER_MAX_CONCURRENCY = 100;

/** Props of {@link AppRunnerService}. */
export interface AppRunnerServiceProps {
  /** Environment name, e.g. dev. */
  readonly environmentName: string;
  /** The account. */
  readonly accountId: string;
  /** The region. */
  readonly region: string;
  /** The service, with runtime app-runner. */
  readonly service: ServiceConfig;
  /** Repository URL in this account's registry. */
  readonly repositoryUrl: string;
  /** The network: the VPC connector goes to its private subnets. */
  readonly network: NetworkRef;
  /** Customer-managed key that encrypts the service. */
  readonly kmsKeyArn: string;
}

/**
 * An App Runner service for accounts that already use it: the image from this account's ECR
 * through an access role, egress through a VPC connector in the private subnets, an
 * auto-scaling configuration from the task counts, X-Ray tracing, an HTTP health check, our
 * KMS key. The pipeline updates the image identifier; terraform ignores it afterwards.
 */
export class AppRunnerService extends Construct {
  /** The App Runner service. */
  readonly appRunner: ApprunnerService;

  constructor(scope: Construct, id: string, props: AppRunnerServiceProps) {
    super(scope, id);
    const { service } = props;
    if (service.runtime !== 'app-runner')
      throw new Error(
        `${this.node.path}: service "${service.name}" has runtime "${service.runtime}"; AppRunnerService runs only "app-runner" services`,
      );
    if (service.tasks.max > 25 || service.tasks.min < 1) {
      throw new Error(
        `${this.node.path}: App Runner runs 1 to 25 instances (tasks.min ${service.tasks.min}, tasks.max ${service.tasks.max})`,
      );
    }
    const names = ecsServiceNames({ name: props.environmentName }, service);
    const name = names.appRunnerService;
    const repositoryName = props.repositoryUrl.split('/').slice(1).join('/');
    const accessRole = serviceRole(this, 'access-role', {
      name: names.appRunnerAccessRole,
      description: `App Runner pulls the ${name} image from ECR`,
      servicePrincipal: servicePrincipal(props.region, 'build.apprunner'),
      accountId: props.accountId,
      statements: [
        ...grantPull([arn(props, { service: 'ecr', resource: `repository/${repositoryName}` })], {
          describeImages: true,
        }),
      ],
    });
    const instanceRole = serviceRole(this, 'instance-role', {
      name: names.appRunnerInstanceRole,
      description: `Application of ${name} on App Runner: traces, secrets`,
      servicePrincipal: servicePrincipal(props.region, 'tasks.apprunner'),
      accountId: props.accountId,
      statements: [grantTraces(), ...grantReadSecrets(Object.values(service.secrets))],
    });
    const securityGroup = new SecurityGroup(this, 'security-group', {
      name: names.appRunnerSecurityGroup,
      description: `App Runner VPC connector of ${name}: egress only`,
      vpcId: props.network.vpcId,
      tags: { Name: names.appRunnerSecurityGroup },
    });
    new VpcSecurityGroupEgressRule(this, 'egress-https', {
      securityGroupId: securityGroup.id,
      description: 'HTTPS to AWS APIs and dependencies in the VPC',
      ipProtocol: 'tcp',
      fromPort: 443,
      toPort: 443,
      cidrIpv4: '0.0.0.0/0',
    });
    const connector = new ApprunnerVpcConnector(this, 'vpc-connector', {
      vpcConnectorName: name,
      subnets: props.network.privateSubnetIds,
      securityGroups: [securityGroup.id],
    });
    const scaling = new ApprunnerAutoScalingConfigurationVersion(this, 'auto-scaling', {
      autoScalingConfigurationName: name,
      minSize: service.tasks.min,
      maxSize: service.tasks.max,
      maxConcurrency: APP_RUNNER_MAX_CONCURRENCY,
    });
    const observability = new ApprunnerObservabilityConfiguration(this, 'observability', {
      observabilityConfigurationName: name,
      traceConfiguration: { vendor: 'AWSXRAY' },
    });
    this.appRunner = new ApprunnerService(this, 'service', {
      serviceName: name,
      sourceConfiguration: {
        authenticationConfiguration: { accessRoleArn: accessRole.arn },
        autoDeploymentsEnabled: false,
        imageRepository: {
          imageRepositoryType: 'ECR',
          imageIdentifier: `${props.repositoryUrl}:${INITIAL_IMAGE_TAG}`,
          imageConfiguration: {
            port: String(service.port),
            runtimeEnvironmentSecrets:
              Object.keys(service.secrets).length > 0 ? { ...service.secrets } : undefined,
          },
        },
      },
      instanceConfiguration: {
        cpu: String(service.cpu),
        memory: String(service.memoryMiB),
        instanceRoleArn: instanceRole.arn,
      },
      networkConfiguration: {
        egressConfiguration: { egressType: 'VPC', vpcConnectorArn: connector.arn },
        ingressConfiguration: { isPubliclyAccessible: true },
      },
      healthCheckConfiguration: {
        protocol: 'HTTP',
        path: service.healthCheckPath,
        interval: 10,
        timeout: 5,
        healthyThreshold: 1,
        unhealthyThreshold: 3,
      },
      autoScalingConfigurationArn: scaling.arn,
      observabilityConfiguration: {
        observabilityEnabled: true,
        observabilityConfigurationArn: observability.arn,
      },
      encryptionConfiguration: { kmsKey: props.kmsKeyArn },
      lifecycle: {
        ignoreChanges: ['source_configuration[0].image_repository[0].image_identifier'],
      },
    });
  }
}
