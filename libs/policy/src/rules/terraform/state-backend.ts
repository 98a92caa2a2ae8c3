import { fromDetails } from '../../results';
import type { Rule } from '../../types';

/** Where bootstrap keeps its state before it moves into the bucket it created. */
const BOOTSTRAP_LOCAL_STATE = /(^|\/)apps\/bootstrap\/state\/bootstrap-[a-z0-9-]+\.tfstate$/;

/** Backend kinds the platform does not use; listed so a stack that declares one is flagged. */
const OTHER_BACKENDS = [
  'remote',
  'http',
  'gcs',
  'azurerm',
  'consul',
  'pg',
  'kubernetes',
  'cos',
  'oss',
];

export const stateBackend: Rule = {
  id: 'PLT-STATE-BACKEND',
  message: 'Terraform state is not kept encrypted and locked in the environment state bucket.',
  fix: 'use PlatformStack (S3 backend with encrypt = true, kms_key_id = the state key, use_lockfile = true); only bootstrap starts on a local backend under apps/bootstrap/state/',
  explanation:
    'State holds every secret terraform sees and is the only record of what exists: unencrypted it leaks, unlocked two applies corrupt it.',
  level: 'error',
  appliesTo: [
    'terraform.backend.s3',
    'terraform.backend.local',
    ...OTHER_BACKENDS.map((k) => `terraform.backend.${k}`),
  ],
  evaluate: (backend) => {
    const { config } = backend;
    if (backend.name === 'local') {
      return fromDetails(
        BOOTSTRAP_LOCAL_STATE.test(String(config['path']))
          ? []
          : [
              `local state at ${JSON.stringify(config['path'])}: only bootstrap's first deploy may keep state locally`,
            ],
      );
    }
    if (backend.name !== 's3')
      return fromDetails([`backend "${backend.name}" is not the platform's S3 state`]);
    return fromDetails([
      ...(config['encrypt'] === true ? [] : ['encrypt is not true']),
      ...(typeof config['kms_key_id'] === 'string' && config['kms_key_id'] !== ''
        ? []
        : ['kms_key_id is not set']),
      ...(config['use_lockfile'] === true ? [] : ['use_lockfile is not true']),
    ]);
  },
};
