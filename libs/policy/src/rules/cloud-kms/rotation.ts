import { fromDetails, notApplicable } from '../../results';
import type { Rule } from '../../types';

const ONE_DAY = 24 * 60 * 60;
const NINETY_DAYS = 90 * ONE_DAY;

export const cloudKmsRotation: Rule = {
  id: 'PLT-GCP-KMS-ROTATION',
  checkov: 'CKV_GCP_43',
  trivy: 'AVD-GCP-0065',
  message: 'Cloud KMS key does not rotate at least every 90 days.',
  fix: 'set rotation_period = "7776000s" (90 days) or shorter, at least "86400s"',
  explanation:
    'Rotation limits how much data one key version protects; 90 days is what the CIS benchmark asks of symmetric keys.',
  level: 'error',
  appliesTo: ['google_kms_crypto_key'],
  evaluate: (key) => {
    // automatic rotation does not exist for asymmetric keys
    if (/^ASYMMETRIC_/.test(String(key.config['purpose'] ?? ''))) return notApplicable();
    const period = key.config['rotation_period'];
    const seconds = typeof period === 'string' ? /^(\d+(?:\.\d+)?)s$/.exec(period)?.[1] : undefined;
    if (seconds === undefined)
      return fromDetails([
        period === undefined
          ? 'rotation_period is not set (the key never rotates)'
          : `rotation_period ${JSON.stringify(period)} is not a literal duration in seconds`,
      ]);
    const value = Number(seconds);
    return fromDetails(
      value >= ONE_DAY && value <= NINETY_DAYS
        ? []
        : [`rotation_period ${period} is not between 86400s (1 day) and 7776000s (90 days)`],
    );
  },
};
