import { parseDocument } from 'yaml';
import {
  accountRootArn,
  arn,
  awsManagedPolicyArn,
  awsPartition,
  ecrRepositoryUrl,
  iamRoleArn,
  permissionsBoundaryArn,
  s3Arn,
  servicePrincipal,
  stateKmsAliasArn,
  vpcEndpointServiceName,
} from './index';
import { AWS_REGION_OPENED, AWS_REGIONS } from './schema/regions';
import { awsExamples, editedEnvironments, problems } from './test-support';

const AWS_FILES = ['dev', 'staging', 'prod'];

/** Moves every AWS example file to `region`, rewriting its ARNs to `partition` (when given). */
const moved = (region: string, partition?: string) =>
  editedEnvironments((docs) => {
    for (const name of AWS_FILES) {
      let text = String(docs[name]).replaceAll('eu-west-1', region);
      if (partition) text = text.replaceAll('arn:aws:', `arn:${partition}:`);
      docs[name]!.contents = parseDocument(text).contents;
    }
  });

describe('partitions', () => {
  it('a region decides the partition and the DNS suffix: cn-* is China, us-gov-* GovCloud', () => {
    expect(awsPartition('eu-west-1')).toEqual({ partition: 'aws', dnsSuffix: 'amazonaws.com' });
    expect(awsPartition('cn-north-1')).toEqual({
      partition: 'aws-cn',
      dnsSuffix: 'amazonaws.com.cn',
    });
    expect(awsPartition('cn-northwest-1').partition).toBe('aws-cn');
    expect(awsPartition('us-gov-west-1')).toEqual({
      partition: 'aws-us-gov',
      dnsSuffix: 'amazonaws.com',
    });
    expect(awsPartition('us-east-1').partition).toBe('aws');
    // by the SDKs' pattern, so a region newer than the list still gets its partition
    expect(awsPartition('cn-south-12').partition).toBe('aws-cn');
    expect(awsPartition('us-gov-north-10').partition).toBe('aws-us-gov');
    // and only a whole match counts
    for (const region of ['xcn-north-1', 'cn-north-1x', 'xus-gov-west-1', 'us-gov-west-1x'])
      expect(awsPartition(region).partition).toBe('aws');
  });

  it('every region an environment may name has its opening month', () => {
    expect(Object.keys(AWS_REGION_OPENED).sort()).toEqual([...AWS_REGIONS].sort());
    for (const month of Object.values(AWS_REGION_OPENED)) expect(month).toMatch(/^\d{4}-\d{2}$/);
  });

  it('ARNs carry the partition of the scope region', () => {
    const china = { region: 'cn-north-1', accountId: '111111111111' };
    const gov = { region: 'us-gov-west-1', accountId: '222222222222' };
    expect(arn(china, { service: 'ecr', resource: 'repository/web' })).toBe(
      'arn:aws-cn:ecr:cn-north-1:111111111111:repository/web',
    );
    expect(accountRootArn(gov)).toBe('arn:aws-us-gov:iam::222222222222:root');
    expect(accountRootArn(gov, '333333333333')).toBe('arn:aws-us-gov:iam::333333333333:root');
    expect(iamRoleArn(china, 'dev-web-task')).toBe(
      'arn:aws-cn:iam::111111111111:role/dev-web-task',
    );
    expect(awsManagedPolicyArn(gov, 'ReadOnlyAccess')).toBe(
      'arn:aws-us-gov:iam::aws:policy/ReadOnlyAccess',
    );
    expect(s3Arn(china, 'bucket/key')).toBe('arn:aws-cn:s3:::bucket/key');
    expect(permissionsBoundaryArn(china)).toBe(
      'arn:aws-cn:iam::111111111111:policy/platform-permissions-boundary',
    );
    expect(arn(gov, { service: 'securityhub', account: '', resource: 'standards/x' })).toBe(
      'arn:aws-us-gov:securityhub:us-gov-west-1::standards/x',
    );
  });

  it('service principals: partition-wide names, CloudWatch Logs regional, EC2 with the DNS suffix', () => {
    expect(servicePrincipal('eu-west-1', 'ecs-tasks')).toBe('ecs-tasks.amazonaws.com');
    expect(servicePrincipal('cn-north-1', 'ecs-tasks')).toBe('ecs-tasks.amazonaws.com');
    expect(servicePrincipal('eu-west-1', 'logs')).toBe('logs.eu-west-1.amazonaws.com');
    expect(servicePrincipal('cn-north-1', 'logs')).toBe('logs.cn-north-1.amazonaws.com.cn');
    expect(servicePrincipal('cn-north-1', 'ec2')).toBe('ec2.amazonaws.com.cn');
    expect(servicePrincipal('us-gov-west-1', 'ec2')).toBe('ec2.amazonaws.com');
  });

  it('VPC endpoint service names carry the cn. prefix in China', () => {
    expect(vpcEndpointServiceName('eu-west-1', 'ecr.dkr')).toBe('com.amazonaws.eu-west-1.ecr.dkr');
    expect(vpcEndpointServiceName('cn-north-1', 's3')).toBe('cn.com.amazonaws.cn-north-1.s3');
    expect(vpcEndpointServiceName('us-gov-west-1', 'sts')).toBe('com.amazonaws.us-gov-west-1.sts');
  });

  it('a China environment loads with aws-cn ARNs; its registry and state key are in that partition', () => {
    const [dev] = awsExamples(moved('cn-north-1', 'aws-cn'));
    expect(dev!.aws.region).toBe('cn-north-1');
    expect(ecrRepositoryUrl(dev!, 'web')).toBe(
      '111111111111.dkr.ecr.cn-north-1.amazonaws.com.cn/web',
    );
    expect(stateKmsAliasArn(dev!)).toBe(
      'arn:aws-cn:kms:cn-north-1:111111111111:alias/platform-tfstate',
    );
  });

  it('a GovCloud environment loads with aws-us-gov ARNs', () => {
    const envs = awsExamples(moved('us-gov-west-1', 'aws-us-gov'));
    expect(envs.map((e) => e.aws.availabilityZones[0])).toEqual([
      'us-gov-west-1a',
      'us-gov-west-1a',
      'us-gov-west-1a',
    ]);
  });

  it('rejects every ARN of another partition than the region, naming the field', () => {
    const found = problems(moved('cn-north-1'));
    expect(found).toContain(
      'dev.yaml aws.state.administratorRoleArn: "arn:aws:iam::111111111111:role/platform-admins" is in partition "aws", but cn-north-1 is in "aws-cn": use arn:aws-cn:…',
    );
    expect(found.filter((p) => p.startsWith('dev.yaml services.'))).not.toHaveLength(0);
    expect(found.every((p) => p.includes('is in partition "aws", but cn-north-1'))).toBe(true);
  });
});
