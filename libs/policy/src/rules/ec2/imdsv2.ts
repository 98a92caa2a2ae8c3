import { fromDetails } from '../../results';
import type { ResourceView, Rule, StackContext } from '../../types';
import { blocks } from '../helpers';

function metadataProblems(config: Readonly<Record<string, unknown>>): string[] {
  const options = blocks(config['metadata_options'])[0];
  if (!options) return ['metadata_options is missing (IMDSv1 stays enabled)'];
  const details: string[] = [];
  if (options['http_tokens'] !== 'required')
    details.push('metadata_options.http_tokens is not "required"');
  const hops = options['http_put_response_hop_limit'];
  if (typeof hops !== 'number')
    details.push('metadata_options.http_put_response_hop_limit is not set deliberately');
  else if (hops < 1 || hops > 2)
    details.push(
      `hop limit ${hops} lets containers reach the instance role (use 1, or 2 where pods need metadata)`,
    );
  return details;
}

/** The launch template an instance launches from, when it is in the same stack. */
function launchTemplateOf(instance: ResourceView, stack: StackContext): ResourceView | undefined {
  const reference = blocks(instance.config['launch_template'])[0]?.['id'];
  const match =
    typeof reference === 'string'
      ? /^\$\{aws_launch_template\.([A-Za-z0-9_-]+)\.id\}$/.exec(reference)
      : null;
  return match ? stack.ofType('aws_launch_template').find((t) => t.name === match[1]) : undefined;
}

export const ec2Imdsv2: Rule = {
  id: 'PLT-EC2-IMDSV2',
  checkov: 'CKV_AWS_79',
  trivy: 'AVD-AWS-0028',
  message: 'Instance metadata does not require IMDSv2 with a deliberate hop limit.',
  fix: 'set metadata_options { http_tokens = "required", http_put_response_hop_limit = 1 (or 2 where pods need metadata) }',
  explanation:
    'IMDSv1 turns any server-side request forgery into stolen instance-role credentials; the hop limit decides whether containers can reach them.',
  level: 'error',
  appliesTo: ['aws_launch_template', 'aws_instance'],
  evaluate: (resource, stack) => {
    if (
      resource.type === 'aws_instance' &&
      blocks(resource.config['metadata_options']).length === 0
    ) {
      const template = launchTemplateOf(resource, stack);
      if (template)
        return fromDetails(
          metadataProblems(template.config).map((d) => `launch template ${template.address}: ${d}`),
        );
    }
    return fromDetails(metadataProblems(resource.config));
  },
};
