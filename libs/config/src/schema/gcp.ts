import { z } from 'zod';
import { GCP_SECRET_VERSION_PATTERN } from '../gcp-secret-names';

/**
 * The Google Cloud sections of an environment (`cloud: gcp`). Names follow the limits Google
 * enforces at apply, so a bad value fails at synth with the field named.
 */

/** GCP resource ids that become names: lowercase letters, digits, hyphens; letter first. */
const gcpName = (max: number, example: string) =>
  z
    .string()
    .regex(
      new RegExp(`^[a-z](?:[a-z0-9-]{0,${max - 2}}[a-z0-9])?$`),
      `must be 1-${max} lowercase letters, digits or hyphens, starting with a letter and not ending with a hyphen (e.g. "${example}")`,
    );

const gcpStateSchema = z.strictObject({
  bucket: z
    .string()
    .regex(
      /^(?!goog)(?!.*google)[a-z0-9][a-z0-9_-]{1,61}[a-z0-9]$/,
      'must be a Cloud Storage bucket name: 3-63 lowercase letters, digits, _ and -, not starting with "goog" nor containing "google"',
    )
    .meta({
      description:
        "Cloud Storage bucket that holds this environment's Terraform state (created by the bootstrap stack).",
      examples: ['acme-platform-gcpdev-tfstate'],
    }),
  keyRing: gcpName(63, 'platform-state').meta({
    description:
      'Cloud KMS key ring (in the environment region) of the key that encrypts the state bucket.',
    examples: ['platform-state'],
  }),
  bootstrapBackend: z.enum(['local', 'gcs']).default('local').meta({
    description:
      'Where the bootstrap stack keeps its own state: `local` until the bucket exists, then `gcs` once its state has been migrated into the bucket it created.',
  }),
});

/** An IAM principal as GCP writes it in a binding. */
const iamMember = z
  .string()
  .regex(
    /^(user|group|serviceAccount|domain):[^\s:]+$/,
    'must be an IAM member such as "group:platform-admins@example.com"',
  );

/** Where a GCP environment lives: its project, region, zones and Terraform state. */
export const gcpSectionSchema = z.strictObject({
  projectId: z
    .string()
    .regex(
      /^[a-z][a-z0-9-]{4,28}[a-z0-9]$/,
      'must be a project id: 6-30 lowercase letters, digits or hyphens, starting with a letter',
    )
    .meta({
      description:
        "The environment's own Google Cloud project; every environment has a different one.",
      examples: ['acme-platform-dev'],
    }),
  projectNumber: z
    .string()
    .regex(/^[1-9]\d{5,18}$/, 'must be the project number in quotes, e.g. "123456789012"')
    .meta({
      description:
        "The project's number. Google's service agents (service-<number>@…) that need CMEK grants are named by it; writing it here avoids an API lookup at plan time.",
      examples: ['123456789012'],
    }),
  region: z
    .string()
    .regex(/^[a-z]+-[a-z]+\d+$/, 'must be a Google Cloud region such as "europe-west1"')
    .meta({
      description: 'The region every stack of the environment deploys to.',
      examples: ['europe-west1'],
    }),
  zones: z
    .array(z.string())
    .min(1, 'name at least one zone')
    .max(4)
    .meta({
      description: 'Zones the GKE node pools use, by name (no lookup at plan time).',
      examples: [['europe-west1-b', 'europe-west1-c']],
    }),
  state: gcpStateSchema.meta({ description: "Where this environment's Terraform state lives." }),
  administrators: z
    .array(iamMember)
    .min(1, 'name at least one administrator: the state key needs someone who can manage it')
    .meta({
      description:
        "The project's break-glass administrators: the only principals that administer the state key and apply the bootstrap stack.",
      examples: [['group:platform-admins@example.com']],
    }),
});

const subnetTier = z.strictObject({
  prefixLength: z
    .number()
    .int()
    .min(8, 'GCP subnets are /8 to /29')
    .max(29, 'GCP subnets are /8 to /29')
    .meta({ description: 'Prefix length of the subnet, e.g. 20 for a /20 (4,096 addresses).' }),
});

/** The tiers of a GCP network. Subnets are regional: one per tier. */
export const GCP_SUBNET_TIERS = ['nodes', 'data'] as const;

export const gcpNetworkSchema = z.strictObject({
  cidr: z.string().meta({
    description:
      "The range every subnet's primary range is carved from. Must not overlap another environment's.",
    examples: ['10.40.0.0/16'],
  }),
  subnets: z
    .strictObject({
      nodes: subnetTier.meta({
        description:
          'Subnet of the GKE nodes and internal load balancers; carries the pod and service secondary ranges.',
      }),
      data: subnetTier.meta({ description: 'Subnet of private data services; no NAT.' }),
    })
    .meta({ description: 'Subnet sizes per tier; the ranges themselves are computed at synth.' }),
  podsCidr: z.string().meta({
    description: 'Secondary range for GKE pods (alias IPs), on the nodes subnet.',
    examples: ['10.64.0.0/14'],
  }),
  servicesCidr: z.string().meta({
    description: 'Secondary range for GKE services, on the nodes subnet.',
    examples: ['10.68.0.0/20'],
  }),
  flowLogSampling: z.number().min(0.01).max(1).default(0.5).meta({
    description: 'Share of packets VPC flow logs sample on every subnet, 0.01 to 1.',
  }),
});

export const gcpRegistrySchema = z.strictObject({
  keepTaggedVersions: z.number().int().min(1).max(1000).meta({
    description: 'Most recent tagged versions kept per repository by the cleanup policy.',
  }),
  untaggedRetentionDays: z.number().int().min(1).max(365).meta({
    description: 'Days an untagged image lives before the cleanup policy deletes it.',
  }),
});

export const GKE_RELEASE_CHANNELS = ['RAPID', 'REGULAR', 'STABLE'] as const;

const nodePool = z.strictObject({
  name: gcpName(40, 'general').meta({ description: 'Node pool name.', examples: ['general'] }),
  machineType: z
    .string()
    .regex(
      /^[a-z0-9]+-[a-z0-9-]+$/,
      'must be a Compute Engine machine type such as "e2-standard-4"',
    )
    .meta({ description: 'Machine type of the nodes.', examples: ['e2-standard-4'] }),
  minNodes: z
    .number()
    .int()
    .min(0)
    .meta({ description: 'Fewest nodes per zone the autoscaler keeps.' }),
  maxNodes: z
    .number()
    .int()
    .min(1)
    .max(1000)
    .meta({ description: 'Most nodes per zone the autoscaler adds.' }),
  diskSizeGb: z
    .number()
    .int()
    .min(10)
    .max(65536)
    .default(100)
    .meta({ description: 'Boot disk size of each node, in GB.' }),
  spot: z
    .boolean()
    .default(false)
    .meta({ description: 'Spot VMs: cheaper, preemptible; for workloads that tolerate it.' }),
});

const authorizedNetwork = z.strictObject({
  name: z.string().min(1).max(64).meta({ description: 'What the range is, e.g. "office VPN".' }),
  cidr: z.string().meta({
    description: 'The IPv4 range allowed to reach the endpoint.',
    examples: ['203.0.113.0/24'],
  }),
});

export const gkeSchema = z.strictObject({
  releaseChannel: z.enum(GKE_RELEASE_CHANNELS).default('REGULAR').meta({
    description: 'GKE release channel: how soon the cluster gets new versions (auto-upgraded).',
  }),
  controlPlaneCidr: z.string().meta({
    description:
      "The /28 the control plane's private endpoint uses; must not overlap the network's ranges.",
    examples: ['172.16.0.0/28'],
  }),
  authorizedNetworks: z.array(authorizedNetwork).default([]).meta({
    description:
      'Ranges allowed to reach the control plane. Empty (the default): the endpoint is private only, reached from inside the VPC.',
  }),
  nodePools: z.array(nodePool).min(1, 'name at least one node pool').meta({
    description: 'Node pools: autoscaled, auto-upgraded and auto-repaired.',
  }),
  dnsEndpoint: z.boolean().default(false).meta({
    description:
      "Accept traffic from outside the VPC on the control plane's DNS-based endpoint, where every request needs an IAM identity allowed to connect (container.clusters.connect) and Kubernetes RBAC: how Cloud Deploy reaches the private control plane without a network path. false (the default): nothing outside the VPC reaches the control plane, and Cloud Deploy runs this environment's jobs in `delivery.workerPool`.",
  }),
});

export const gcpDeliverySchema = z.strictObject({
  canaryPercentages: z.array(z.number().int().min(1).max(99)).min(1).default([25, 50]).meta({
    description:
      'Canary steps of the production rollout, in percent of traffic, strictly increasing (Cloud Deploy canary).',
  }),
  github: z
    .strictObject({
      appInstallationId: z.number().int().min(1).meta({
        description:
          'Installation id of the Google Cloud Build GitHub App on the organization (installed once by hand).',
      }),
      tokenSecretVersion: z
        .string()
        .regex(
          GCP_SECRET_VERSION_PATTERN,
          'must be a Secret Manager secret version name: projects/<project>/secrets/<secret>/versions/<n or latest>',
        )
        .meta({
          description:
            'Secret Manager version holding the GitHub OAuth token of the connection: a reference, never the token. Created once by hand.',
        }),
    })
    .optional()
    .meta({
      description:
        'The Cloud Build connection to GitHub; required in the environment that builds images (the first on the promotion path).',
    }),
  workerPool: z
    .string()
    .regex(
      /^projects\/[a-z][a-z0-9-]{4,28}[a-z0-9]\/locations\/[a-z]+-[a-z]+\d+\/workerPools\/[a-z0-9-]{1,63}$/,
      'must be a Cloud Build private pool: projects/<project>/locations/<region>/workerPools/<name>',
    )
    .optional()
    .meta({
      description:
        "Cloud Build private pool (created by hand, with a network path to this environment's control plane) in which Cloud Deploy runs this environment's render and deploy jobs. Required when `gke.dnsEndpoint` is false: Google's default pool cannot reach a private control plane.",
      examples: ['projects/acme-platform-gcpdev/locations/europe-west1/workerPools/deploy'],
    }),
});

export const gcpServiceSchema = z.strictObject({
  name: gcpName(20, 'web').meta({
    description:
      'Service name: used in the Artifact Registry repository, the delivery pipeline and the Kubernetes objects.',
    examples: ['web'],
  }),
  source: z
    .strictObject({
      repository: z
        .string()
        .regex(/^[A-Za-z0-9-]{1,39}\/[A-Za-z0-9._-]{1,100}$/, 'must be "owner/name" on GitHub')
        .meta({
          description: 'GitHub repository the image is built from.',
          examples: ['acme/web'],
        }),
      branch: z
        .string()
        .regex(/^[A-Za-z0-9._/-]+$/)
        .default('main')
        .meta({
          description: 'Branch whose pushes build and release the service.',
        }),
    })
    .meta({ description: 'Where the service is built from (Cloud Build).' }),
  port: z
    .number()
    .int()
    .min(1024)
    .max(65535)
    .meta({ description: 'Port the container listens on.', examples: [8080] }),
  healthCheckPath: z
    .string()
    .regex(/^\/[A-Za-z0-9._~/-]*$/, 'must be a path starting with "/"')
    .meta({ description: 'Path the load balancer health check probes.', examples: ['/healthz'] }),
});

export type GcpSectionConfig = z.infer<typeof gcpSectionSchema>;
export type GcpNetworkConfig = z.infer<typeof gcpNetworkSchema>;
export type GcpRegistryConfig = z.infer<typeof gcpRegistrySchema>;
export type GkeConfig = z.infer<typeof gkeSchema>;
export type GcpDeliveryConfig = z.infer<typeof gcpDeliverySchema>;
export type GcpServiceConfig = z.infer<typeof gcpServiceSchema>;
