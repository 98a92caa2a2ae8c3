import { environmentsOf, loadEnvironments } from '@platform/config';
import { editedEnvironments, type StackJson } from '@platform/testing';
import { App } from 'cdktf';
import { ObservabilityStack } from './observability-stack';

describe('observability of an environment without EKS', () => {
  it('observability shows no EKS widgets and reads no EKS state where no cluster runs', () => {
    const environments = environmentsOf(
      'aws',
      loadEnvironments(editedEnvironments((d) => d['dev']!.setIn(['eks', 'enabled'], false))),
    );
    const dev = environments.find((e) => e.name === 'dev')!;
    const stack = new ObservabilityStack(new App(), dev, environments);
    const json = JSON.parse(JSON.stringify(stack.toTerraform())) as StackJson;
    expect(Object.keys(json.data?.['terraform_remote_state'] ?? {})).not.toContain('eks-state');
    expect(JSON.stringify(json)).not.toMatch(
      /EKS nodes|EKS pods|ClusterName.{0,8}ContainerInsights/,
    );
  });

  it('where a cluster runs, the overview shows its nodes and reads the EKS state', () => {
    const environments = environmentsOf(
      'aws',
      loadEnvironments(editedEnvironments(() => undefined)),
    );
    const dev = environments.find((e) => e.name === 'dev')!;
    const json = JSON.parse(
      JSON.stringify(new ObservabilityStack(new App(), dev, environments).toTerraform()),
    ) as StackJson;
    expect(Object.keys(json.data?.['terraform_remote_state'] ?? {})).toContain('eks-state');
    expect(JSON.stringify(json)).toContain('EKS nodes');
  });
});
