// Plan files both CLI test files read: cli.test.ts drives the CLI in-process, bin.test.ts runs the
// real bin in child processes.
import { plan, rc } from './builders';

/** A replaced VPC (forced by cidr_block) and a TTL update, in a stack folder `network-prod`. */
const networkProd = plan([
  rc(
    'aws_vpc.main',
    ['delete', 'create'],
    { replace_paths: [['cidr_block']] },
    { action_reason: 'replace_because_cannot_update' },
  ),
  rc('aws_route53_record.www', ['update'], { before: { ttl: 60 }, after: { ttl: 300 } }),
]);

/** A destroyed ECR repository, in a file named for its stack `registry-prod`. */
const registryProd = plan([
  rc(
    'aws_ecr_repository.app',
    ['delete'],
    {},
    { action_reason: 'delete_because_no_resource_config' },
  ),
]);

/** The shared plans by file name (relative), for `writeTempFiles`. */
export const CLI_PLANS = {
  'plans/network-prod/plan.json': networkProd,
  'plans/registry-prod.json': registryProd,
  'plans/garbage.json': 'this is not json',
};
