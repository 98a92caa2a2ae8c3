import { type Environment, stateKey, statePrefix, type StackFamily } from '@platform/config';
import {
  DataTerraformRemoteStateGcs,
  DataTerraformRemoteStateS3,
  TerraformOutput,
  type TerraformStack,
} from 'cdktf';
import type { Construct } from 'constructs';

/** The kind of each output of a contract: a string or a list of strings. */
export type OutputKind = 'string' | 'list';

type ValueOf<K extends OutputKind> = K extends 'list' ? string[] : string;

/** The typed values of a contract's outputs. */
export type ContractValues<S extends Record<string, OutputKind>> = {
  readonly [K in keyof S]: ValueOf<S[K]>;
};

/**
 * The outputs one stack family publishes for others: the producer declares them, consumers
 * read them through remote state. One definition keeps both sides in step.
 */
export interface StackContract<S extends Record<string, OutputKind>> {
  /** The family that publishes these outputs. */
  readonly family: StackFamily;
  /** Output names (snake_case, as in the state) by field. */
  readonly outputNames: { readonly [K in keyof S]: string };
  /** Declares the outputs on the producer's stack. */
  publish(stack: TerraformStack, values: ContractValues<S>): void;
  /**
   * Reads the producer's outputs of the same environment through its remote state: S3 for an
   * AWS environment, GCS for a Google Cloud one.
   */
  read(scope: Construct, env: Environment): ContractValues<S>;
}

const snake = (name: string) => name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/** Defines a contract: `shape` names each output and whether it is a string or a list. */
export function defineContract<S extends Record<string, OutputKind>>(
  family: StackFamily,
  shape: S,
  descriptions: { readonly [K in keyof S]: string },
): StackContract<S> {
  const fields = Object.keys(shape) as (keyof S & string)[];
  const outputNames = Object.fromEntries(fields.map((f) => [f, snake(f)])) as {
    [K in keyof S]: string;
  };
  return {
    family,
    outputNames,
    publish(stack, values) {
      for (const field of fields) {
        new TerraformOutput(stack, outputNames[field], {
          value: values[field],
          description: descriptions[field],
        });
      }
    },
    read(scope, env) {
      const state =
        env.cloud === 'aws'
          ? new DataTerraformRemoteStateS3(scope, `${family}-state`, {
              bucket: env.aws.state.bucket,
              key: stateKey(family, env),
              region: env.aws.region,
            })
          : new DataTerraformRemoteStateGcs(scope, `${family}-state`, {
              bucket: env.gcp.state.bucket,
              prefix: statePrefix(family, env),
            });
      return Object.fromEntries(
        fields.map((f) => [
          f,
          shape[f] === 'list' ? state.getList(outputNames[f]) : state.getString(outputNames[f]),
        ]),
      ) as ContractValues<S>;
    },
  };
}
