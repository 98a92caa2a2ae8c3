import { type ContractValues, defineContract } from '../remote-state';

const shape = {
  repositoryNames: 'list',
  repositoryArns: 'list',
  repositoryUrls: 'list',
  kmsKeyArn: 'string',
  sourceAccountId: 'string',
} as const;

/** What the registry family publishes: the environment's repositories, by service name. */
export const registryContract = defineContract('registry', shape, {
  repositoryNames: 'ECR repository names, one per distinct service repository, by service name',
  repositoryArns: 'ECR repository ARNs, in the order of repository_names',
  repositoryUrls:
    'Repository URLs (<account>.dkr.ecr.<region>.amazonaws.com/<repo>), in the order of repository_names',
  kmsKeyArn: 'ARN of the KMS key that encrypts the images',
  sourceAccountId:
    'Account of the first environment, where CI pushes and from which images replicate',
});

/** A typed reference to an environment's registry. */
export type RegistryRef = ContractValues<typeof shape>;
