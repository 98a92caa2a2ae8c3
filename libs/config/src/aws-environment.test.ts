import { dnsName } from './schema/aws-names';
import { problemsAfterEditOf } from './test-support';

describe('AWS environment rules across sections', () => {
  it('every ARN is in the region’s partition: the connection and the EKS access entries too', () => {
    expect(
      problemsAfterEditOf((d) =>
        d.setIn(
          ['delivery', 'connectionArn'],
          String(d.getIn(['delivery', 'connectionArn'])).replace('arn:aws:', 'arn:aws-cn:'),
        ),
      ),
    ).toEqual([
      expect.stringMatching(
        /^dev\.yaml delivery\.connectionArn: "arn:aws-cn:codestar-connections:.*" is in partition "aws-cn", but eu-west-1 is in "aws": use arn:aws:…$/,
      ),
    ]);
    expect(
      problemsAfterEditOf((d) =>
        d.setIn(
          ['eks', 'access', 'readOnly'],
          ['arn:aws-us-gov:iam::111111111111:role/developers'],
        ),
      ),
    ).toEqual([
      'dev.yaml eks.access.readOnly.0: "arn:aws-us-gov:iam::111111111111:role/developers" is in partition "aws-us-gov", but eu-west-1 is in "aws": use arn:aws:…',
    ]);
  });

  it('an availability zone is listed once', () => {
    expect(
      problemsAfterEditOf((d) =>
        d.setIn(['aws', 'availabilityZones'], ['eu-west-1a', 'eu-west-1a']),
      ),
    ).toEqual(['dev.yaml aws.availabilityZones.1: "eu-west-1a" is listed twice']);
  });

  it('production: two zones are enough, one is not', () => {
    expect(
      problemsAfterEditOf(
        (d) => d.setIn(['aws', 'availabilityZones'], ['eu-west-1a', 'eu-west-1b']),
        'prod',
      ),
    ).toEqual([]);
    expect(
      problemsAfterEditOf((d) => d.setIn(['aws', 'availabilityZones'], ['eu-west-1a']), 'prod'),
    ).toEqual([
      'prod.yaml aws.availabilityZones: a production environment needs at least 2 availability zones (got 1)',
    ]);
  });

  it('production keeps audit logs 365 days or more', () => {
    expect(
      problemsAfterEditOf((d) => d.setIn(['baseline', 'audit', 'retentionDays'], 365), 'prod'),
    ).toEqual([]);
    expect(
      problemsAfterEditOf((d) => d.setIn(['baseline', 'audit', 'retentionDays'], 364), 'prod'),
    ).toEqual([
      'prod.yaml baseline.audit.objectLockRetentionDays: a log cannot stay locked longer than it is kept: use at most retentionDays (364) (got 365)',
      'prod.yaml baseline.audit.retentionDays: a production environment keeps audit logs for at least 365 days (got 364)',
    ]);
  });

  it('a VPC range is /16 to /28, and its subnets must fit', () => {
    expect(problemsAfterEditOf((d) => d.setIn(['network', 'vpcCidr'], '10.10.0.0/29'))).toEqual([
      'dev.yaml network.vpcCidr: a VPC range must be /16 to /28 (got /29)',
    ]);
    expect(problemsAfterEditOf((d) => d.setIn(['network', 'vpcCidr'], '10.10.0.0/15'))).toEqual([
      'dev.yaml network.vpcCidr: a VPC range must be /16 to /28 (got /15)',
    ]);
    // a /28 is a VPC range; only its subnets are then too large
    expect(
      problemsAfterEditOf((d) => d.setIn(['network', 'vpcCidr'], '10.10.0.0/28')),
    ).not.toContainEqual(expect.stringContaining('a VPC range must be'));
    expect(
      problemsAfterEditOf((d) => d.setIn(['network', 'subnets', 'public', 'prefixLength'], 17)),
    ).toEqual([
      expect.stringMatching(/^dev\.yaml network\.subnets: subnets do not fit in the VPC: /),
    ]);
  });
});

describe('DNS names', () => {
  const zone = 'dev.acme-platform.example';
  const host = (name: string) =>
    problemsAfterEditOf((d) => d.setIn(['services', 1, 'route', 'host'], name));

  it('a label of 63 characters is allowed, 64 is not', () => {
    expect(host(`${'a'.repeat(63)}.${zone}`)).toEqual([]);
    expect(host(`${'a'.repeat(64)}.${zone}`)).toEqual([
      `dev.yaml services.1.route.host: label "${'a'.repeat(64)}" has 64 characters; DNS allows 63`,
    ]);
  });

  it('a name of 253 characters is allowed, 254 is not (a zone name; a host stops at 128 for the ALB)', () => {
    /** A name of exactly `length` characters, in labels of at most 63. */
    const ofLength = (length: number) => {
      const labels: string[] = [];
      for (let left = length; left > 0; left -= labels.at(-1)!.length + 1)
        labels.push('b'.repeat(Math.min(63, left - (left > 63 && left < 66 ? 3 : 0))));
      return labels.join('.');
    };
    const check = (name: string) => {
      const result = dnsName('dev.example.com').safeParse(name);
      return result.success ? [] : result.error.issues.map((i) => i.message);
    };
    expect(ofLength(253)).toHaveLength(253);
    expect(check(ofLength(253))).toEqual([]);
    expect(ofLength(254)).toHaveLength(254);
    expect(check(ofLength(254))).toEqual(['must be at most 253 characters (DNS), got 254']);
  });
});
