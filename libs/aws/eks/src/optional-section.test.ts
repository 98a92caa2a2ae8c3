import { environmentsOf, loadEnvironments } from '@platform/config';
import { optionalSection, synthFamily } from '@platform/core';
import { editedEnvironments, type StackJson } from '@platform/testing';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EksStack } from './eks-stack';

// The eks section is optional, in the toggle style of terraform-aws-modules (libs/core
// optionalSection): left out = never deployed, no stack; enabled: false = an empty stack whose
// plan destroys the cluster.
const eksStacks = optionalSection('eks', 'eks', (app, env) => new EksStack(app, env));

function synthWith(edit: Parameters<typeof editedEnvironments>[0]) {
  const environments = environmentsOf('aws', loadEnvironments(editedEnvironments(edit)));
  const outdir = join(mkdtempSync(join(tmpdir(), 'eks-optional-')), 'eks');
  const result = synthFamily('eks', { aws: eksStacks }, { environments, outdir });
  const read = (stack: string): StackJson =>
    JSON.parse(readFileSync(join(outdir, 'stacks', stack, 'cdk.tf.json'), 'utf8'));
  return { result, read };
}

describe('an environment without EKS', () => {
  it('leaving the eks section out means no eks stack there, and synth says why', () => {
    const { result } = synthWith((d) => d['dev']!.delete('eks'));
    expect(result.stacks).toEqual(['eks-staging', 'eks-prod']);
    expect(result.skipped).toContainEqual(
      expect.stringMatching(
        /^dev \(aws: the family builds nothing there \(an optional section left out/,
      ),
    );
  });

  it('enabled: false keeps the stack, empty: provider and backend only, so its plan destroys the cluster', () => {
    const { result, read } = synthWith((d) => d['dev']!.setIn(['eks', 'enabled'], false));
    expect(result.stacks).toEqual(['eks-dev', 'eks-staging', 'eks-prod']);
    const dev = read('eks-dev');
    expect(dev.resource).toBeUndefined();
    expect(dev.provider?.['aws']).toHaveLength(1);
    expect(dev.terraform?.['backend']).toHaveProperty('s3');
    expect(read('eks-staging').resource?.['aws_eks_cluster']).toBeDefined();
  });
});
