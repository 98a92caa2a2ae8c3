import { fromDetails } from '../../results';
import type { Rule } from '../../types';
import { blocks } from '../helpers';

export const appRunnerKms: Rule = {
  id: 'PLT-APPRUNNER-KMS',
  message: 'App Runner service is not encrypted with a customer-managed KMS key.',
  fix: 'set encryption_configuration { kms_key = <our key ARN> }',
  explanation:
    'App Runner keeps the image and configuration (secrets references included); our key keeps them under our key policy.',
  level: 'error',
  appliesTo: ['aws_apprunner_service'],
  evaluate: (service) =>
    fromDetails(
      blocks(service.config['encryption_configuration']).some(
        (e) => typeof e['kms_key'] === 'string' && e['kms_key'] !== '',
      )
        ? []
        : ['encryption_configuration.kms_key is not set'],
    ),
};

export const appRunnerVpcEgress: Rule = {
  id: 'PLT-APPRUNNER-VPC-EGRESS',
  message:
    'App Runner service sends its outbound traffic to the internet directly, not through the VPC.',
  fix: 'set network_configuration.egress_configuration { egress_type = "VPC", vpc_connector_arn = <connector in the private subnets> }',
  explanation:
    'VPC egress puts the service behind the same security groups, flow logs and NAT as every other workload.',
  level: 'error',
  appliesTo: ['aws_apprunner_service'],
  evaluate: (service) => {
    const egress = blocks(service.config['network_configuration']).flatMap((n) =>
      blocks(n['egress_configuration']),
    );
    const ok = egress.some(
      (e) => e['egress_type'] === 'VPC' && typeof e['vpc_connector_arn'] === 'string',
    );
    return fromDetails(ok ? [] : ['egress_configuration.egress_type is not VPC with a connector']);
  },
};

export const appRunnerTracing: Rule = {
  id: 'PLT-APPRUNNER-TRACING',
  message: 'App Runner service has observability (X-Ray tracing) off.',
  fix: 'set observability_configuration { observability_enabled = true, observability_configuration_arn = <AWSXRAY configuration> }',
  explanation:
    'Traces are how a slow request is followed across services; every runtime of the platform sends them.',
  level: 'error',
  appliesTo: ['aws_apprunner_service'],
  evaluate: (service) =>
    fromDetails(
      blocks(service.config['observability_configuration']).some(
        (o) => o['observability_enabled'] === true,
      )
        ? []
        : ['observability_configuration.observability_enabled is not true'],
    ),
};
