import { AWS_REGIONS } from '@platform/config';
import type { YAMLSeq } from 'yaml';
import { splitList } from '../../lib/environments';
import type { CloudInput, CloudOutcome } from './cloud';
import { deriveEnvironment } from './derive';
import { chooseRange, primaryCidrOf, zonesOf } from './network';

/**
 * An AWS environment derived from an AWS one: its own account (12 digits, nobody else's), a
 * region this platform knows, the region's zones, a VPC range of the source's size.
 */
export function awsEnvironment({
  name,
  source,
  sourceText,
  others,
  deployOrder,
  options,
}: CloudInput): CloudOutcome {
  const accountId = String(options.accountId ?? '').trim();
  const region = options.region ?? String(source.doc.getIn(['aws', 'region']) ?? '');
  const owner = others.find((e) => String(e.doc.getIn(['aws', 'accountId'])) === accountId);
  const checks: [boolean, string][] = [
    [
      accountId === '',
      '--accountId: required for an aws environment (its own 12-digit account id)',
    ],
    [
      accountId !== '' && !/^\d{12}$/.test(accountId),
      `--accountId "${accountId}": must be a 12-digit AWS account id`,
    ],
    [
      owner !== undefined,
      `--accountId ${accountId} is ${owner?.name}'s account; every environment needs its own`,
    ],
    [
      !(AWS_REGIONS as readonly string[]).includes(region),
      `--region "${region}": not an AWS region this platform knows`,
    ],
  ];
  const problems = checks.filter(([failed]) => failed).map(([, message]) => message);
  if (problems.length > 0) return { problems };

  const range = chooseRange(options.cidr, Number(primaryCidrOf(source).split('/')[1]), others);
  if (!range.cidr || range.problems.length > 0) return range;
  const sourceZones = (source.doc.getIn(['aws', 'availabilityZones'], true) as YAMLSeq).items
    .length;
  const zones = splitList(options.availabilityZones);
  const doc = deriveEnvironment(sourceText, {
    from: source.name,
    name,
    fromAccountId: String(source.doc.getIn(['aws', 'accountId'])),
    accountId,
    fromRegion: String(source.doc.getIn(['aws', 'region'])),
    region,
    availabilityZones: zones.length > 0 ? zones : zonesOf(region, sourceZones),
    vpcCidr: range.cidr,
    deployOrder,
    production: options.production ?? source.doc.get('production') === true,
    hostedZoneId: options.hostedZoneId,
  });
  return {
    doc,
    cidr: range.cidr,
    notes: [],
    nextSteps: [
      ...(options.hostedZoneId === undefined
        ? [`set ecs.hostedZone.id in environments/${name}.yaml to the zone's id in the new account`]
        : []),
      `create the secrets its services reference, then bootstrap the account: npx nx run bootstrap:deploy -c ${name}`,
      `GitHub: an environment "${name}" (with reviewers if it serves customers), its DEPLOY_ROLE_ARN, the variable PLAN_ROLE_ARN_${name.toUpperCase()}`,
    ],
  };
}
