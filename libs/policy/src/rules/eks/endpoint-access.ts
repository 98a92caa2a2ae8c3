import { fromDetails } from '../../results';
import type { Rule } from '../../types';
import { blocks } from '../helpers';

const OPEN = ['0.0.0.0/0', '::/0'];

export const eksEndpointAccess: Rule = {
  id: 'PLT-EKS-ENDPOINT-ACCESS',
  checkov: 'CKV_AWS_39',
  trivy: 'AVD-AWS-0040',
  message: 'EKS API endpoint is open to the internet or not reachable privately.',
  fix: 'set endpoint_private_access = true and endpoint_public_access = false; where a public endpoint is needed, list public_access_cidrs (never 0.0.0.0/0)',
  explanation:
    "The Kubernetes API is the cluster's control surface: a public endpoint open to every address invites credential stuffing and exploits of API server flaws.",
  level: 'error',
  appliesTo: ['aws_eks_cluster'],
  evaluate: (cluster) => {
    const vpc = blocks(cluster.config['vpc_config'])[0];
    if (!vpc) return fromDetails(['vpc_config is missing']);
    const details: string[] = [];
    if (vpc['endpoint_private_access'] !== true)
      details.push('endpoint_private_access is not true');
    // The provider's default is a public endpoint open to 0.0.0.0/0: anything but a literal false is public.
    if (vpc['endpoint_public_access'] !== false) {
      const cidrs = vpc['public_access_cidrs'];
      if (!Array.isArray(cidrs) || cidrs.length === 0)
        details.push('public endpoint without public_access_cidrs (the default is 0.0.0.0/0)');
      else
        details.push(
          ...cidrs
            .filter((c) => OPEN.includes(String(c)) || String(c).includes('${'))
            .map((c) => `public endpoint allows ${String(c)}`),
        );
    }
    return fromDetails(details);
  },
};
