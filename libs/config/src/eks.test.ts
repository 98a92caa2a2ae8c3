import type { Document } from 'yaml';
import { problemsAfterEditOf } from './test-support';

const role = (name: string, account = '111111111111') => `arn:aws:iam::${account}:role/${name}`;

describe('EKS section of the environment files', () => {
  it('the example clusters load', () => {
    expect(problemsAfterEditOf(() => undefined)).toEqual([]);
  });

  describe('the public API endpoint', () => {
    it('public access needs the ranges allowed to reach it', () => {
      expect(
        problemsAfterEditOf((d) => d.setIn(['eks', 'endpoint', 'publicAccessCidrs'], [])),
      ).toEqual([
        'dev.yaml eks.endpoint.publicAccessCidrs: a public endpoint needs the ranges allowed to reach it (never 0.0.0.0/0); or set publicAccess: false',
      ]);
    });

    it('ranges without public access are refused; neither loads', () => {
      expect(
        problemsAfterEditOf((d) => d.setIn(['eks', 'endpoint', 'publicAccess'], false)),
      ).toEqual([
        'dev.yaml eks.endpoint.publicAccessCidrs: ranges are only used with publicAccess: true; remove them',
      ]);
      expect(
        problemsAfterEditOf((d) => {
          d.setIn(['eks', 'endpoint', 'publicAccess'], false);
          d.setIn(['eks', 'endpoint', 'publicAccessCidrs'], []);
        }),
      ).toEqual([]);
    });

    it('each range starts at its first address and is /8 or longer', () => {
      expect(
        problemsAfterEditOf((d) =>
          d.setIn(
            ['eks', 'endpoint', 'publicAccessCidrs'],
            ['203.0.113.0/24', '203.0.113.7/24', '0.0.0.0/0', '10.0.0.0/7', '10.0.0.0/8'],
          ),
        ),
      ).toEqual([
        'dev.yaml eks.endpoint.publicAccessCidrs.1: "203.0.113.7/24" is not an IPv4 range starting at its first address, e.g. 203.0.113.0/24',
        'dev.yaml eks.endpoint.publicAccessCidrs.2: "0.0.0.0/0" opens the API to a large part of the internet (0.0.0.0/0 never allowed): use /8 or longer',
        'dev.yaml eks.endpoint.publicAccessCidrs.3: "10.0.0.0/7" opens the API to a large part of the internet (0.0.0.0/0 never allowed): use /8 or longer',
      ]);
    });

    it('a production cluster has no public endpoint', () => {
      expect(
        problemsAfterEditOf((d) => {
          d.setIn(['eks', 'endpoint', 'publicAccess'], true);
          d.setIn(['eks', 'endpoint', 'publicAccessCidrs'], ['203.0.113.0/24']);
        }, 'prod'),
      ).toEqual([
        'prod.yaml eks.endpoint.publicAccess: a production cluster has no public API endpoint: set false and reach it through the access instance or the network',
      ]);
    });
  });

  it('kube-proxy matches the cluster minor version', () => {
    expect(
      problemsAfterEditOf((d) => d.setIn(['eks', 'addons', 'kubeProxy'], 'v1.31.3-eksbuild.2')),
    ).toEqual([
      'dev.yaml eks.addons.kubeProxy: kube-proxy v1.31.3-eksbuild.2 is for Kubernetes 1.31, the cluster runs 1.32: use a v1.32.x version',
    ]);
    expect(
      problemsAfterEditOf((d) => d.setIn(['eks', 'addons', 'kubeProxy'], 'v1.3.2-eksbuild.2')),
    ).toEqual([
      'dev.yaml eks.addons.kubeProxy: kube-proxy v1.3.2-eksbuild.2 is for Kubernetes 1.3, the cluster runs 1.32: use a v1.32.x version',
    ]);
    expect(
      problemsAfterEditOf((d) => {
        d.setIn(['eks', 'version'], '1.33');
        d.setIn(['eks', 'addons', 'kubeProxy'], 'v1.33.0-eksbuild.1');
      }),
    ).toEqual([]);
  });

  describe('access entries', () => {
    it('a role listed twice is refused at its second place, in either list', () => {
      expect(
        problemsAfterEditOf((d) =>
          d.setIn(['eks', 'access', 'admins'], [role('platform-admins'), role('platform-admins')]),
        ),
      ).toEqual([
        'dev.yaml eks.access.admins.1: "arn:aws:iam::111111111111:role/platform-admins" is listed twice; a role has one access level',
      ]);
      expect(
        problemsAfterEditOf((d) =>
          d.setIn(['eks', 'access', 'readOnly'], [role('developers'), role('platform-admins')]),
        ),
      ).toEqual([
        'dev.yaml eks.access.readOnly.1: "arn:aws:iam::111111111111:role/platform-admins" is listed twice; a role has one access level',
      ]);
    });

    it('role names are 1-64 characters after an optional path', () => {
      const name64 = 'r'.repeat(64);
      expect(
        problemsAfterEditOf((d) => d.setIn(['eks', 'access', 'readOnly'], [role(name64)])),
      ).toEqual([]);
      expect(
        problemsAfterEditOf((d) =>
          d.setIn(['eks', 'access', 'readOnly'], [role(`team/ci/${name64}`)]),
        ),
      ).toEqual([]);
      expect(
        problemsAfterEditOf((d) => d.setIn(['eks', 'access', 'readOnly'], [role(`${name64}x`)])),
      ).toEqual([
        `dev.yaml eks.access.readOnly.0: an IAM role name is 1-64 characters (got 65: "${name64}x")`,
      ]);
      expect(
        problemsAfterEditOf((d) => d.setIn(['eks', 'access', 'readOnly'], [role('team/ci/')])),
      ).toEqual([
        'dev.yaml eks.access.readOnly.0: an IAM role name is 1-64 characters (got 0: "")',
      ]);
    });

    it('a role path is at most 512 characters', () => {
      // a path of `length` characters in all, its leading and trailing slashes included
      const path = (length: number) => `${'p'.repeat(length - 2)}/`;
      expect(
        problemsAfterEditOf((d) =>
          d.setIn(['eks', 'access', 'readOnly'], [role(`${path(512)}dev`)]),
        ),
      ).toEqual([]);
      expect(
        problemsAfterEditOf((d) =>
          d.setIn(['eks', 'access', 'readOnly'], [role(`${path(513)}dev`)]),
        ),
      ).toEqual(['dev.yaml eks.access.readOnly.0: an IAM role path is at most 512 characters']);
    });
  });

  describe('node groups', () => {
    const group = (index: number, field: string, value: unknown) => (d: Document) =>
      d.setIn(['eks', 'nodes', 'groups', index, field], value);

    it('names are unique', () => {
      expect(problemsAfterEditOf(group(1, 'name', 'system'))).toEqual([
        'dev.yaml eks.nodes.groups.1.name: "system" is used by two node groups',
      ]);
    });

    it('minSize ≤ desiredSize ≤ maxSize, equal bounds allowed', () => {
      expect(problemsAfterEditOf(group(0, 'minSize', 4))).toEqual([
        'dev.yaml eks.nodes.groups.0.minSize: 4 is above maxSize 3',
        'dev.yaml eks.nodes.groups.0.desiredSize: 2 must lie between minSize 4 and maxSize 3',
      ]);
      expect(problemsAfterEditOf(group(0, 'desiredSize', 0))).toEqual([
        'dev.yaml eks.nodes.groups.0.desiredSize: 0 must lie between minSize 1 and maxSize 3',
      ]);
      expect(problemsAfterEditOf(group(0, 'desiredSize', 4))).toEqual([
        'dev.yaml eks.nodes.groups.0.desiredSize: 4 must lie between minSize 1 and maxSize 3',
      ]);
      expect(
        problemsAfterEditOf((d) => {
          group(0, 'minSize', 3)(d);
          group(0, 'desiredSize', 3)(d);
        }),
      ).toEqual([]);
      expect(problemsAfterEditOf(group(0, 'desiredSize', 3))).toEqual([]);
      expect(problemsAfterEditOf(group(0, 'desiredSize', 1))).toEqual([]);
    });

    it('instance types match the AMI architecture, both ways', () => {
      expect(problemsAfterEditOf(group(0, 'instanceTypes', ['m7g.large']))).toEqual([
        'dev.yaml eks.nodes.groups.0.instanceTypes.0: "m7g.large" is an arm64 instance type, but amiType AL2023_x86_64_STANDARD runs on x86_64: use an x86_64 type (m7i, c7i, …) or the matching amiType',
      ]);
      expect(
        problemsAfterEditOf((d) => {
          group(0, 'amiType', 'AL2023_ARM_64_STANDARD')(d);
          group(0, 'instanceTypes', ['m7g.large', 'm7i.large'])(d);
        }),
      ).toEqual([
        'dev.yaml eks.nodes.groups.0.instanceTypes.1: "m7i.large" is an x86_64 instance type, but amiType AL2023_ARM_64_STANDARD runs on arm64: use a Graviton type (m7g, c7g, …) or the matching amiType',
      ]);
    });

    it('a SPOT group needs two instance types or more', () => {
      expect(problemsAfterEditOf(group(1, 'instanceTypes', ['m7i.large']))).toEqual([
        'dev.yaml eks.nodes.groups.1.instanceTypes: a SPOT group needs at least 2 instance types so one capacity pool running dry does not empty it',
      ]);
      expect(problemsAfterEditOf(group(1, 'instanceTypes', ['m7i.large', 'm6i.large']))).toEqual(
        [],
      );
      // an ON_DEMAND group may have one
      expect(problemsAfterEditOf(group(0, 'instanceTypes', ['m6i.large']))).toEqual([]);
    });

    it('production needs an ON_DEMAND group of two nodes or more', () => {
      const expected = [
        'prod.yaml eks.nodes.groups: a production cluster needs an ON_DEMAND node group with minSize 2 or more, so system pods survive a node loss and spot interruptions',
      ];
      expect(problemsAfterEditOf(group(0, 'minSize', 1), 'prod')).toEqual(expected);
      expect(
        problemsAfterEditOf((d) => {
          group(0, 'capacityType', 'SPOT')(d);
          group(0, 'instanceTypes', ['m7i.large', 'm6i.large'])(d);
        }, 'prod'),
      ).toEqual(expected);
      expect(problemsAfterEditOf(group(0, 'minSize', 2), 'prod')).toEqual([]);
      // dev may run a single on-demand node
      expect(problemsAfterEditOf(group(0, 'minSize', 1))).toEqual([]);
    });
  });

  it('an environment without the section has no EKS problems', () => {
    expect(problemsAfterEditOf((d) => d.delete('eks'), 'prod')).toEqual([]);
  });
});
