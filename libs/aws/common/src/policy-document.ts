import { DataAwsIamPolicyDocument } from '@cdktf/provider-aws/lib/data-aws-iam-policy-document';
import { Construct } from 'constructs';

/** One IAM policy statement, in the provider's shape. */
export interface Statement {
  /** Statement id, shown in policy findings. */
  readonly sid?: string;
  /** @default "Allow" */
  readonly effect?: 'Allow' | 'Deny';
  /** The actions allowed or denied: named, never `*`. */
  readonly actions: readonly string[];
  /** The resources the actions apply to; omitted in trust policies, which IAM rejects with a Resource. */
  readonly resources?: readonly string[];
  /**
   * Every resource except these (IAM's NotResource), for denies such as "no IAM change outside
   * the platform's names".
   * @default none
   */
  readonly notResources?: readonly string[];
  /** Who the statement is about (resource and trust policies only). */
  readonly principals?: readonly {
    readonly type: string;
    readonly identifiers: readonly string[];
  }[];
  /** Conditions, e.g. { test: 'StringEquals', variable: 'aws:SourceAccount', values: ['123…'] }. */
  readonly conditions?: readonly {
    readonly test: string;
    readonly variable: string;
    readonly values: readonly string[];
  }[];
}

/**
 * A policy document computed locally by terraform (`aws_iam_policy_document`: no AWS call
 * at plan time), readable by the policy pack. Returns the document's JSON.
 */
export function policyDocument(
  scope: Construct,
  id: string,
  statements: readonly Statement[],
): string {
  return new DataAwsIamPolicyDocument(scope, id, {
    statement: statements.map((s) => ({
      sid: s.sid,
      effect: s.effect ?? 'Allow',
      actions: [...s.actions],
      resources: s.resources && s.resources.length > 0 ? [...s.resources] : undefined,
      notResources: s.notResources ? [...s.notResources] : undefined,
      principals: s.principals?.map((p) => ({ type: p.type, identifiers: [...p.identifiers] })),
      condition: s.conditions?.map((c) => ({
        test: c.test,
        variable: c.variable,
        values: [...c.values],
      })),
    })),
  }).json;
}

/** The statement that denies every request to a bucket that does not use TLS. */
export function denyInsecureTransport(bucketArn: string): Statement {
  return {
    sid: 'DenyInsecureTransport',
    effect: 'Deny',
    actions: ['s3:*'],
    resources: [bucketArn, `${bucketArn}/*`],
    principals: [{ type: '*', identifiers: ['*'] }],
    conditions: [{ test: 'Bool', variable: 'aws:SecureTransport', values: ['false'] }],
  };
}

/** The statement that denies publishing to a topic without TLS. */
export function denyInsecurePublish(topicArn: string): Statement {
  return {
    sid: 'DenyInsecureTransport',
    effect: 'Deny',
    actions: ['sns:Publish'],
    resources: [topicArn],
    principals: [{ type: '*', identifiers: ['*'] }],
    conditions: [{ test: 'Bool', variable: 'aws:SecureTransport', values: ['false'] }],
  };
}
