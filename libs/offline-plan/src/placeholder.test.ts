import { partitionOf, placeholderFor, serviceOf } from './placeholder';

const where = { partition: 'aws', region: 'eu-west-1', accountId: '111111111111' };
const string = { kind: 'type', type: 'string' } as const;

describe('placeholders', () => {
  it('the partition follows the region', () => {
    expect(partitionOf('eu-west-1')).toBe('aws');
    expect(partitionOf('cn-north-1')).toBe('aws-cn');
    expect(partitionOf('us-gov-west-1')).toBe('aws-us-gov');
  });

  it('the ARN service follows the resource type', () => {
    expect(serviceOf('aws_lb_listener')).toBe('elasticloadbalancing');
    expect(serviceOf('aws_cloudwatch_log_group')).toBe('logs');
    expect(serviceOf('aws_cloudwatch_metric_alarm')).toBe('cloudwatch');
    expect(serviceOf('aws_iam_role')).toBe('iam');
  });

  it('global services have no region, S3 no account, and a known name ends the ARN', () => {
    const arn = (resourceType: string, attribute = 'arn', knownName?: string) =>
      placeholderFor(
        string,
        {
          resourceType,
          address: `${resourceType}.x`,
          path: [attribute],
          ...(knownName ? { knownName } : {}),
        },
        where,
      );
    expect(arn('aws_iam_role', 'arn', 'deploy')).toBe('arn:aws:iam::111111111111:iam-role/deploy');
    expect(arn('aws_s3_bucket', 'arn', 'logs')).toBe('arn:aws:s3:::logs');
    expect(arn('aws_ecs_service', 'kms_key_arn')).toMatch(
      /^arn:aws:kms:eu-west-1:111111111111:kms-key\/[0-9a-f]{16}$/,
    );
  });

  it('the same address and path give the same placeholder; another path another', () => {
    const request = {
      resourceType: 'aws_route53_record',
      address: 'aws_route53_record.a',
      path: ['fqdn'],
    };
    expect(placeholderFor(string, request, where)).toBe(placeholderFor(string, request, where));
    expect(placeholderFor(string, { ...request, address: 'aws_route53_record.b' }, where)).not.toBe(
      placeholderFor(string, request, where),
    );
  });

  it('values the provider validates where they flow look like the real thing', () => {
    expect(
      placeholderFor(
        string,
        {
          resourceType: 'aws_acm_certificate',
          address: 'c',
          path: ['domain_validation_options', 0, 'resource_record_type'],
        },
        where,
      ),
    ).toBe('CNAME');
  });
});

describe('placeholders of collections', () => {
  it('a computed list of objects has one element of the object type, so configurations can index it', () => {
    const node = { kind: 'type', type: ['list', ['object', { data: 'string' }]] } as const;
    const value = placeholderFor(
      node as never,
      { resourceType: 'aws_eks_cluster', address: 'e', path: ['certificate_authority'] },
      where,
    );
    expect(value).toEqual([{ data: expect.stringMatching(/^offline-data-/) }]);
  });

  it('a computed list of strings is empty; ids without an EC2 prefix pass the strictest id patterns', () => {
    expect(
      placeholderFor(
        { kind: 'type', type: ['list', 'string'] },
        { resourceType: 'aws_x', address: 'x', path: ['ids'] },
        where,
      ),
    ).toEqual([]);
    expect(
      placeholderFor(
        string,
        { resourceType: 'aws_appconfig_application', address: 'a', path: ['id'], knownName: 'web' },
        where,
      ),
    ).toMatch(/^[0-9a-f]{7}$/);
  });
});
