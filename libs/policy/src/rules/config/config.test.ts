import { checkStack } from '../../engine';
import { configDeliveryKms } from './delivery-kms';
import { configRecorderOn } from './recorder-on';

/** A copy of `object` without `keys`: the fixture with one setting left out. */
const without = (object: Record<string, unknown>, ...keys: string[]) =>
  Object.fromEntries(Object.entries(object).filter(([key]) => !keys.includes(key)));

const recorder = {
  name: 'prod-config',
  role_arn: '${aws_iam_role.config.arn}',
  recording_group: { all_supported: true, include_global_resource_types: true },
};
const status = { name: '${aws_config_configuration_recorder.recorder.name}', is_enabled: true };

describe('AWS Config rules', () => {
  it('PLT-CONFIG-RECORDER-ON passes a recorder of every resource type that a status switches on', () => {
    const json = {
      resource: {
        aws_config_configuration_recorder: { recorder },
        aws_config_configuration_recorder_status: { status },
      },
    };
    expect(checkStack(json, [configRecorderOn]).findings).toEqual([]);
  });

  it('PLT-CONFIG-RECORDER-ON flags a recorder nobody switches on', () => {
    const json = {
      resource: {
        aws_config_configuration_recorder: { recorder },
        aws_config_configuration_recorder_status: { status: { ...status, is_enabled: false } },
      },
    };
    expect(checkStack(json, [configRecorderOn]).findings.flatMap((f) => f.details)).toEqual([
      'no aws_config_configuration_recorder_status with is_enabled = true references it',
    ]);
  });

  it('PLT-CONFIG-RECORDER-ON flags a recorder of a few resource types', () => {
    const partial = {
      ...recorder,
      recording_group: { all_supported: false, resource_types: ['AWS::S3::Bucket'] },
    };
    const json = {
      resource: {
        aws_config_configuration_recorder: { recorder: partial },
        aws_config_configuration_recorder_status: { status },
      },
    };
    expect(checkStack(json, [configRecorderOn]).findings.flatMap((f) => f.details)).toEqual([
      'recording_group.all_supported is not true',
      'recording_group.include_global_resource_types is not true',
    ]);
  });

  it('PLT-CONFIG-DELIVERY-KMS passes a channel encrypted with our key and flags one without', () => {
    const channel = {
      name: 'prod-config',
      s3_bucket_name: 'audit',
      s3_kms_key_arn: '${aws_kms_key.audit.arn}',
    };
    expect(
      checkStack({ resource: { aws_config_delivery_channel: { channel } } }, [configDeliveryKms])
        .findings,
    ).toEqual([]);
    const plain = without(channel, 's3_kms_key_arn');
    expect(
      checkStack({ resource: { aws_config_delivery_channel: { channel: plain } } }, [
        configDeliveryKms,
      ]).findings.flatMap((f) => f.details),
    ).toEqual(['s3_kms_key_arn is not set']);
  });
});
