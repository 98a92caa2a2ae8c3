import { editedEnvironments, ENVIRONMENTS_DIR } from '@platform/testing';
import {
  EKS_VERSIONS,
  environmentProblems,
  environmentsOf,
  loadEnvironments,
} from '@platform/config';

/** Loads a folder expecting failure; returns the problems as `file field: message` lines. */
function problems(dir: string): string[] {
  const found = environmentProblems(dir);
  expect(found).not.toEqual([]);
  return found;
}

// The eks section's schema rules (libs/config), tested here: a config test importing
// @platform/testing would close the config -> testing -> config cycle.
describe('eks section of the environment files', () => {
  it('the example environments run a supported version; prod is private-only with an access instance', () => {
    const envs = environmentsOf('aws', loadEnvironments(ENVIRONMENTS_DIR));
    for (const env of envs) expect(EKS_VERSIONS).toContain(env.eks?.version);
    const prod = envs.find((e) => e.name === 'prod')!;
    expect(prod.eks!.endpoint).toEqual({ publicAccess: false, publicAccessCidrs: [] });
    expect(prod.eks!.accessInstance.enabled).toBe(true);
    expect(prod.eks!.nodes.groups.map((g) => g.capacityType).sort()).toEqual(['ON_DEMAND', 'SPOT']);
  });

  it('rejects an unsupported Kubernetes version, listing the supported ones', () => {
    const dir = editedEnvironments((d) => d['dev']!.setIn(['eks', 'version'], '1.27'));
    expect(problems(dir)).toEqual([
      'dev.yaml eks.version: must be one of "1.30", "1.31", "1.32", "1.33" (got "1.27")',
    ]);
  });

  it('rejects an unquoted version that YAML reads as a number', () => {
    const dir = editedEnvironments((d) => d['dev']!.setIn(['eks', 'version'], 1.3));
    expect(problems(dir)[0]).toMatch(
      /^dev\.yaml eks\.version: must be one of "1\.30".* \(got 1\.3\)$/,
    );
  });

  it('rejects a public endpoint in production', () => {
    const dir = editedEnvironments((d) => {
      d['prod']!.setIn(['eks', 'endpoint', 'publicAccess'], true);
      d['prod']!.setIn(['eks', 'endpoint', 'publicAccessCidrs'], ['203.0.113.0/24']);
    });
    expect(problems(dir)).toEqual([
      'prod.yaml eks.endpoint.publicAccess: a production cluster has no public API endpoint: set false and reach it through the access instance or the network',
    ]);
  });

  it('rejects a public endpoint open to the internet or without ranges', () => {
    const open = editedEnvironments((d) =>
      d['dev']!.setIn(['eks', 'endpoint', 'publicAccessCidrs'], ['0.0.0.0/0']),
    );
    expect(problems(open)).toEqual([
      'dev.yaml eks.endpoint.publicAccessCidrs.0: "0.0.0.0/0" opens the API to a large part of the internet (0.0.0.0/0 never allowed): use /8 or longer',
    ]);
    const none = editedEnvironments((d) =>
      d['dev']!.setIn(['eks', 'endpoint', 'publicAccessCidrs'], []),
    );
    expect(problems(none)).toEqual([
      'dev.yaml eks.endpoint.publicAccessCidrs: a public endpoint needs the ranges allowed to reach it (never 0.0.0.0/0); or set publicAccess: false',
    ]);
  });

  it('rejects a kube-proxy version of another Kubernetes minor', () => {
    const dir = editedEnvironments((d) =>
      d['staging']!.setIn(['eks', 'addons', 'kubeProxy'], 'v1.31.3-eksbuild.2'),
    );
    expect(problems(dir)).toEqual([
      'staging.yaml eks.addons.kubeProxy: kube-proxy v1.31.3-eksbuild.2 is for Kubernetes 1.31, the cluster runs 1.32: use a v1.32.x version',
    ]);
  });

  it('rejects an add-on version that is not an EKS build', () => {
    const dir = editedEnvironments((d) => d['dev']!.setIn(['eks', 'addons', 'coredns'], 'latest'));
    expect(problems(dir)[0]).toMatch(
      /^dev\.yaml eks\.addons\.coredns: must be an EKS add-on version such as "v1\.19\.5-eksbuild\.3"/,
    );
  });

  it('rejects scaling bounds that contradict each other and a single-type spot group', () => {
    const dir = editedEnvironments((d) => {
      d['dev']!.setIn(['eks', 'nodes', 'groups', 0, 'minSize'], 5);
      d['dev']!.setIn(['eks', 'nodes', 'groups', 1, 'instanceTypes'], ['m7i.large']);
    });
    expect(problems(dir)).toEqual([
      'dev.yaml eks.nodes.groups.0.minSize: 5 is above maxSize 3',
      'dev.yaml eks.nodes.groups.0.desiredSize: 2 must lie between minSize 5 and maxSize 3',
      'dev.yaml eks.nodes.groups.1.instanceTypes: a SPOT group needs at least 2 instance types so one capacity pool running dry does not empty it',
    ]);
  });

  it('rejects a production cluster without two on-demand nodes', () => {
    const dir = editedEnvironments((d) =>
      d['prod']!.setIn(['eks', 'nodes', 'groups', 0, 'minSize'], 1),
    );
    expect(problems(dir)).toEqual([
      'prod.yaml eks.nodes.groups: a production cluster needs an ON_DEMAND node group with minSize 2 or more, so system pods survive a node loss and spot interruptions',
    ]);
  });

  it('rejects a hop limit that lets containers reach the node role', () => {
    const dir = editedEnvironments((d) => d['dev']!.setIn(['eks', 'nodes', 'metadataHopLimit'], 3));
    expect(problems(dir)).toEqual([
      'dev.yaml eks.nodes.metadataHopLimit: must be 1 or 2: more lets containers reach the node role',
    ]);
  });

  it('rejects a role given two access levels and a non-role principal', () => {
    const dir = editedEnvironments((d) =>
      d['dev']!.setIn(
        ['eks', 'access', 'admins'],
        ['arn:aws:iam::111111111111:role/platform-admins', 'arn:aws:iam::111111111111:user/alice'],
      ),
    );
    expect(problems(dir)).toEqual([
      'dev.yaml eks.access.admins.1: must be an IAM role ARN such as "arn:aws:iam::123456789012:role/platform-admins"',
    ]);
    const twice = editedEnvironments((d) =>
      d['dev']!.setIn(
        ['eks', 'access', 'readOnly'],
        ['arn:aws:iam::111111111111:role/platform-admins'],
      ),
    );
    expect(problems(twice)).toEqual([
      'dev.yaml eks.access.readOnly.0: "arn:aws:iam::111111111111:role/platform-admins" is listed twice; a role has one access level',
    ]);
  });
});
