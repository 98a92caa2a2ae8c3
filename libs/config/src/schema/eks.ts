import { familyToggle } from './toggle';
import { z } from 'zod';
import { isCanonicalCidr } from '../cidr';
import { ec2InstanceType, instanceArchitecture } from './instance-types';
import { logRetentionDays } from './retention';

/**
 * Kubernetes minor versions the platform runs on EKS. Kept as data so an unsupported version
 * is a validation error that lists the allowed values, not a failed apply. Add a version here
 * once its add-on versions have been tried in dev; drop one when EKS ends its standard support.
 */
export const EKS_VERSIONS = ['1.30', '1.31', '1.32', '1.33'] as const;

/** The AL2023 AMI types a managed node group may use (EKS picks the AMI; no lookup at plan). */
export const EKS_AMI_TYPES = ['AL2023_x86_64_STANDARD', 'AL2023_ARM_64_STANDARD'] as const;

/** How a node group buys capacity. */
export const EKS_CAPACITY_TYPES = ['ON_DEMAND', 'SPOT'] as const;

/** Kubernetes taint effects, in the EKS API's spelling. */
export const EKS_TAINT_EFFECTS = ['NO_SCHEDULE', 'NO_EXECUTE', 'PREFER_NO_SCHEDULE'] as const;

/**
 * An IAM role ARN: an optional path (up to 512 characters with its slashes) and a role name of
 * 1-64 characters; the lengths are checked apart so a long path with a name still fits.
 */
const principalArn = z
  .string()
  .regex(
    /^arn:aws(?:-cn|-us-gov)?:iam::\d{12}:role\/[A-Za-z0-9+=,.@_/-]+$/,
    'must be an IAM role ARN such as "arn:aws:iam::123456789012:role/platform-admins"',
  )
  .superRefine((arn, ctx) => {
    const rest = arn.slice(arn.indexOf(':role/') + ':role/'.length);
    const name = rest.slice(rest.lastIndexOf('/') + 1);
    const path = `/${rest.slice(0, rest.lastIndexOf('/') + 1)}`;
    if (name.length < 1 || name.length > 64) {
      ctx.addIssue({
        code: 'custom',
        message: `an IAM role name is 1-64 characters (got ${name.length}: "${name}")`,
      });
    }
    if (path.length > 512) {
      ctx.addIssue({ code: 'custom', message: 'an IAM role path is at most 512 characters' });
    }
  });

const addonVersion = z
  .string()
  .regex(
    /^v\d+\.\d+\.\d+-eksbuild\.\d+$/,
    'must be an EKS add-on version such as "v1.19.5-eksbuild.3" (aws eks describe-addon-versions)',
  );

const cidr = z
  .string()
  .regex(/^\d{1,3}(\.\d{1,3}){3}\/\d{1,2}$/, 'must be an IPv4 range such as 203.0.113.0/24');

const labelKey =
  /^([a-z0-9]([-a-z0-9.]*[a-z0-9])?\/)?[A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?$/;
const labelValue = /^([A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?)?$/;

const taintSchema = z.strictObject({
  key: z
    .string()
    .regex(labelKey, 'must be a Kubernetes label key such as "dedicated" or "example.com/team"')
    .meta({ description: 'Taint key, e.g. CriticalAddonsOnly.' }),
  value: z
    .string()
    .regex(
      labelValue,
      'must be a Kubernetes label value: up to 63 letters, digits, "-", "_" or "."',
    )
    .default('')
    .meta({ description: 'Taint value. Default: "" (empty)' }),
  effect: z
    .enum(EKS_TAINT_EFFECTS)
    .meta({ description: 'What the taint does to pods that do not tolerate it.' }),
});

const nodeGroupSchema = z.strictObject({
  name: z
    .string()
    .regex(
      /^[a-z][a-z0-9-]{1,20}$/,
      'must be 2-21 lowercase letters, digits or "-", starting with a letter',
    )
    .meta({
      description:
        'Short name, unique in the environment; the EKS node group is named <env>-<name>.',
      examples: ['system'],
    }),
  capacityType: z.enum(EKS_CAPACITY_TYPES).meta({
    description: 'ON_DEMAND for the capacity the cluster cannot lose, SPOT for interruptible work.',
  }),
  instanceTypes: z
    .array(ec2InstanceType)
    .min(1, 'name at least one instance type')
    .meta({
      description:
        "EC2 instance types; a SPOT group lists several so one pool's interruption does not empty it.",
      examples: [['m7i.large', 'm6i.large']],
    }),
  amiType: z.enum(EKS_AMI_TYPES).default('AL2023_x86_64_STANDARD').meta({
    description:
      "AL2023 AMI type; EKS chooses the AMI of the cluster's version. Default: AL2023_x86_64_STANDARD",
  }),
  minSize: z.number().int().min(0, 'must be 0 or more').meta({ description: 'Fewest nodes.' }),
  maxSize: z.number().int().min(1, 'must be 1 or more').meta({ description: 'Most nodes.' }),
  desiredSize: z.number().int().min(0, 'must be 0 or more').meta({
    description: 'Nodes at creation; later changes by the autoscaler are ignored by terraform.',
  }),
  diskSizeGiB: z.number().int().min(20, 'AL2023 nodes need at least 20 GiB').max(16384).meta({
    description: "Root volume size in GiB (gp3, encrypted with the cluster's volume key).",
  }),
  labels: z
    .record(
      z.string().regex(labelKey, 'must be a Kubernetes label key'),
      z.string().regex(labelValue, 'must be a Kubernetes label value'),
    )
    .default({})
    .meta({ description: 'Kubernetes labels put on every node. Default: none' }),
  taints: z
    .array(taintSchema)
    .max(50)
    .default([])
    .meta({ description: 'Kubernetes taints put on every node. Default: none' }),
});

export const eksSchema = z
  .strictObject({
    enabled: familyToggle('eks'),
    version: z.enum(EKS_VERSIONS).meta({
      description: 'Kubernetes minor version, quoted ("1.32": unquoted YAML reads 1.30 as 1.3).',
      examples: ['1.32'],
    }),
    endpoint: z
      .strictObject({
        publicAccess: z.boolean().meta({
          description:
            'Whether the API is reachable from the internet at all; must be false in production.',
        }),
        publicAccessCidrs: z.array(cidr).default([]).meta({
          description:
            'With publicAccess, the only ranges allowed to reach it (never 0.0.0.0/0). Default: none',
        }),
      })
      .meta({ description: 'Who may reach the Kubernetes API and from where.' }),
    logRetentionDays: logRetentionDays.meta({
      description:
        'Days the control-plane logs (api, audit, authenticator, controllerManager, scheduler) are kept.',
    }),
    access: z
      .strictObject({
        admins: z
          .array(principalArn)
          .min(1, 'name at least one admin role, or nobody can operate the cluster')
          .meta({
            description: 'IAM roles of the platform admins: cluster-admin on the whole cluster.',
            examples: [['arn:aws:iam::111111111111:role/platform-admins']],
          }),
        readOnly: z.array(principalArn).default([]).meta({
          description:
            'IAM roles with read-only access (AmazonEKSViewPolicy) to the whole cluster. Default: none',
        }),
      })
      .meta({ description: 'Cluster access through EKS access entries (no aws-auth ConfigMap).' }),
    addons: z
      .strictObject({
        vpcCni: addonVersion.meta({
          description: 'vpc-cni: pod networking; installed before the nodes.',
          examples: ['v1.19.5-eksbuild.3'],
        }),
        podIdentityAgent: addonVersion.meta({
          description: 'eks-pod-identity-agent: EKS Pod Identity; installed before the nodes.',
        }),
        kubeProxy: addonVersion.meta({
          description: "kube-proxy: its minor version must equal the cluster's.",
        }),
        coredns: addonVersion.meta({ description: 'coredns: cluster DNS.' }),
        ebsCsiDriver: addonVersion.meta({
          description: 'aws-ebs-csi-driver: EBS persistent volumes.',
        }),
        cloudwatchObservability: addonVersion.meta({
          description:
            'amazon-cloudwatch-observability: Container Insights metrics and container logs.',
        }),
      })
      .meta({
        description:
          'EKS managed add-on versions (aws eks describe-addon-versions --kubernetes-version <version>).',
      }),
    nodes: z
      .strictObject({
        metadataHopLimit: z
          .number()
          .int()
          .min(1, 'must be 1 or 2')
          .max(2, 'must be 1 or 2: more lets containers reach the node role')
          .meta({
            description:
              "IMDSv2 hop limit: 1 keeps pods without host networking away from the node role's credentials (they use IRSA or Pod Identity); 2 lets them reach instance metadata.",
          }),
        groups: z
          .array(nodeGroupSchema)
          .min(1, 'name at least one node group')
          .meta({ description: 'The node groups.' }),
      })
      .meta({
        description: 'Managed node groups (launch templates, AL2023, IMDSv2, encrypted gp3).',
      }),
    accessInstance: z
      .strictObject({
        enabled: z.boolean().meta({ description: 'Whether the environment has one.' }),
        instanceType: ec2InstanceType
          .default('t3.micro')
          .meta({ description: 'Its instance type. Default: t3.micro', examples: ['t3.micro'] }),
      })
      .meta({
        description:
          'An SSM-managed instance in a private subnet to port-forward to a private-only API endpoint.',
      }),
  })
  .superRefine((eks, ctx) => {
    const issue = (path: (string | number)[], message: string) =>
      ctx.addIssue({ code: 'custom', path, message });

    const { publicAccess, publicAccessCidrs } = eks.endpoint;
    if (publicAccess && publicAccessCidrs.length === 0) {
      issue(
        ['endpoint', 'publicAccessCidrs'],
        'a public endpoint needs the ranges allowed to reach it (never 0.0.0.0/0); or set publicAccess: false',
      );
    }
    if (!publicAccess && publicAccessCidrs.length > 0) {
      issue(
        ['endpoint', 'publicAccessCidrs'],
        'ranges are only used with publicAccess: true; remove them',
      );
    }
    publicAccessCidrs.forEach((range, index) => {
      if (!isCanonicalCidr(range)) {
        issue(
          ['endpoint', 'publicAccessCidrs', index],
          `"${range}" is not an IPv4 range starting at its first address, e.g. 203.0.113.0/24`,
        );
      } else if (Number(range.split('/')[1]) < 8) {
        issue(
          ['endpoint', 'publicAccessCidrs', index],
          `"${range}" opens the API to a large part of the internet (0.0.0.0/0 never allowed): use /8 or longer`,
        );
      }
    });

    const kubeProxyMinor = /^v(\d+\.\d+)\./.exec(eks.addons.kubeProxy)?.[1];
    if (kubeProxyMinor && kubeProxyMinor !== eks.version) {
      issue(
        ['addons', 'kubeProxy'],
        `kube-proxy ${eks.addons.kubeProxy} is for Kubernetes ${kubeProxyMinor}, the cluster runs ${eks.version}: use a v${eks.version}.x version`,
      );
    }

    const principals = [
      ...eks.access.admins.map((p) => ['admins', p] as const),
      ...eks.access.readOnly.map((p) => ['readOnly', p] as const),
    ];
    principals.forEach(([list, arn], index) => {
      if (principals.findIndex(([, other]) => other === arn) !== index) {
        const position = list === 'admins' ? index : index - eks.access.admins.length;
        issue(['access', list, position], `"${arn}" is listed twice; a role has one access level`);
      }
    });

    const accessArchitecture = instanceArchitecture(eks.accessInstance.instanceType);
    if (accessArchitecture === 'arm64') {
      issue(
        ['accessInstance', 'instanceType'],
        `"${eks.accessInstance.instanceType}" is an arm64 instance type; the access instance runs the x86_64 Amazon Linux 2023 image: use an x86_64 type such as t3.micro`,
      );
    }

    const seen = new Set<string>();
    eks.nodes.groups.forEach((group, index) => {
      const at = (field: string) => ['nodes', 'groups', index, field];
      if (seen.has(group.name)) issue(at('name'), `"${group.name}" is used by two node groups`);
      seen.add(group.name);
      if (group.minSize > group.maxSize)
        issue(at('minSize'), `${group.minSize} is above maxSize ${group.maxSize}`);
      if (group.desiredSize < group.minSize || group.desiredSize > group.maxSize) {
        issue(
          at('desiredSize'),
          `${group.desiredSize} must lie between minSize ${group.minSize} and maxSize ${group.maxSize}`,
        );
      }
      const architecture = group.amiType === 'AL2023_ARM_64_STANDARD' ? 'arm64' : 'x86_64';
      group.instanceTypes.forEach((type, typeIndex) => {
        const actual = instanceArchitecture(type);
        if (actual && actual !== architecture) {
          issue(
            ['nodes', 'groups', index, 'instanceTypes', typeIndex],
            `"${type}" is an ${actual} instance type, but amiType ${group.amiType} runs on ${architecture}: use ${architecture === 'arm64' ? 'a Graviton type (m7g, c7g, …)' : 'an x86_64 type (m7i, c7i, …)'} or the matching amiType`,
          );
        }
      });
      if (group.capacityType === 'SPOT' && group.instanceTypes.length < 2) {
        issue(
          at('instanceTypes'),
          'a SPOT group needs at least 2 instance types so one capacity pool running dry does not empty it',
        );
      }
    });
  });

export type EksConfig = z.output<typeof eksSchema>;
export type EksNodeGroupConfig = EksConfig['nodes']['groups'][number];

/** Rules that tie the EKS section to the rest of the environment; each problem as path + message. */
export function eksEnvironmentProblems(env: {
  readonly production: boolean;
  readonly eks?: EksConfig;
}): { path: (string | number)[]; message: string }[] {
  const problems: { path: (string | number)[]; message: string }[] = [];
  const { eks } = env;
  if (!eks) return problems;
  if (env.production) {
    if (eks.endpoint.publicAccess) {
      problems.push({
        path: ['eks', 'endpoint', 'publicAccess'],
        message:
          'a production cluster has no public API endpoint: set false and reach it through the access instance or the network',
      });
    }
    if (!eks.nodes.groups.some((g) => g.capacityType === 'ON_DEMAND' && g.minSize >= 2)) {
      problems.push({
        path: ['eks', 'nodes', 'groups'],
        message:
          'a production cluster needs an ON_DEMAND node group with minSize 2 or more, so system pods survive a node loss and spot interruptions',
      });
    }
  }
  return problems;
}
