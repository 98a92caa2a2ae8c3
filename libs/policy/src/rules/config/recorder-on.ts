import { fromDetails } from '../../results';
import type { Rule } from '../../types';
import { blocks } from '../helpers';

export const configRecorderOn: Rule = {
  id: 'PLT-CONFIG-RECORDER-ON',
  checkov: 'CKV2_AWS_48',
  message: 'AWS Config recorder does not record every supported resource, or is not switched on.',
  fix: 'set recording_group { all_supported = true, include_global_resource_types = true } and add an aws_config_configuration_recorder_status with is_enabled = true for the recorder',
  explanation:
    'A recorder that is off or records a few types leaves holes in the configuration history and in every Config rule and Security Hub control built on it.',
  level: 'error',
  appliesTo: ['aws_config_configuration_recorder'],
  evaluate: (recorder, stack) => {
    const group = blocks(recorder.config['recording_group'])[0];
    const enabled = stack
      .referencing('aws_config_configuration_recorder_status', recorder, 'name')
      .some((status) => status.config['is_enabled'] === true);
    return fromDetails([
      ...(group?.['all_supported'] === true ? [] : ['recording_group.all_supported is not true']),
      ...(group?.['include_global_resource_types'] === true
        ? []
        : ['recording_group.include_global_resource_types is not true']),
      ...(enabled
        ? []
        : ['no aws_config_configuration_recorder_status with is_enabled = true references it']),
    ]);
  },
};
