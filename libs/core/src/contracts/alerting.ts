import { type ContractValues, defineContract } from '../remote-state';

const shape = { topicArn: 'string', kmsKeyArn: 'string' } as const;

/** What the alerting family publishes: the environment's alarm topic. */
export const alertingContract = defineContract('alerting', shape, {
  topicArn: 'ARN of the alarm topic every family sends its alarms to',
  kmsKeyArn: 'ARN of the KMS key that encrypts the alarm topic',
});

/** A typed reference to an environment's alarm topic. */
export type AlertingRef = ContractValues<typeof shape>;
