import { fromDetails } from '../../results';
import type { Rule } from '../../types';

export const configDeliveryKms: Rule = {
  id: 'PLT-CONFIG-DELIVERY-KMS',
  message: 'AWS Config delivery channel does not encrypt with a customer-managed KMS key.',
  fix: 'set s3_kms_key_arn to our key, whose policy lets config.amazonaws.com of this account use it',
  explanation:
    'Configuration snapshots list every resource and its settings: a map for an attacker, kept under our key like the audit trail.',
  level: 'error',
  appliesTo: ['aws_config_delivery_channel'],
  evaluate: (channel) => {
    const key = channel.config['s3_kms_key_arn'];
    return fromDetails(typeof key === 'string' && key !== '' ? [] : ['s3_kms_key_arn is not set']);
  },
};
