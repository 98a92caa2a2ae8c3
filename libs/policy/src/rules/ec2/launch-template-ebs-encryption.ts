import { fromDetails } from '../../results';
import type { Rule } from '../../types';
import { blocks } from '../helpers';

export const launchTemplateEbsEncryption: Rule = {
  id: 'PLT-EC2-LT-EBS-KMS',
  checkov: 'CKV_AWS_8',
  trivy: 'AVD-AWS-0008',
  message: 'Launch template volumes are not encrypted with a customer-managed KMS key.',
  fix: 'give every block_device_mappings entry ebs { encrypted = "true", kms_key_id = <our key> }',
  explanation:
    'Node volumes hold container images, logs and emptyDir data; our key keeps access to them under the key policy and in CloudTrail.',
  level: 'error',
  appliesTo: ['aws_launch_template'],
  evaluate: (template) => {
    const mappings = blocks(template.config['block_device_mappings']);
    if (mappings.length === 0)
      return fromDetails(["no block_device_mappings: the root volume takes the AMI's defaults"]);
    return fromDetails(
      mappings.flatMap((mapping, index) => {
        const ebs = blocks(mapping['ebs'])[0];
        if (!ebs) return [`block_device_mappings[${index}] has no ebs block`];
        const details: string[] = [];
        if (String(ebs['encrypted']) !== 'true')
          details.push(`block_device_mappings[${index}] is not encrypted`);
        if (typeof ebs['kms_key_id'] !== 'string' || ebs['kms_key_id'] === '')
          details.push(`block_device_mappings[${index}] has no kms_key_id`);
        return details;
      }),
    );
  },
};
