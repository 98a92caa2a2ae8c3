import { fromDetails } from '../../results';
import type { Rule } from '../../types';

export const vpcFlowLogs: Rule = {
  id: 'PLT-VPC-FLOW-LOGS',
  checkov: 'CKV2_AWS_11',
  trivy: 'AVD-AWS-0178',
  message: 'VPC has no flow logs.',
  fix: 'add an aws_flow_log for the VPC with traffic_type "ALL"',
  explanation:
    'Flow logs are the only record of who talked to what in the network, needed for incident response.',
  level: 'error',
  appliesTo: ['aws_vpc'],
  evaluate: (vpc, stack) => {
    const logs = stack.referencing('aws_flow_log', vpc, 'vpc_id');
    return fromDetails(
      logs.some((l) => l.config['traffic_type'] === 'ALL')
        ? []
        : ['no aws_flow_log with traffic_type ALL references it'],
    );
  },
};
