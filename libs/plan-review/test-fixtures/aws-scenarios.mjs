// The AWS scenarios behind plan-review's risk-rule fixtures (see make-plans.mjs): per scenario
// the prior state's attributes by address and the new configuration by address. Placeholder
// account 111111111111; another account 999999999999.
const ACCOUNT = '111111111111';
const arn = (service, rest) => `arn:aws:${service}:eu-west-1:${ACCOUNT}:${rest}`;
const doc = (...statements) => JSON.stringify({ Version: '2012-10-17', Statement: statements });
const tagsAll = (stack, tags = {}) => ({ ManagedBy: 'platform', Stack: stack, ...tags });
const rule = (extra) => ({
  cidr_blocks: [],
  description: '',
  ipv6_cidr_blocks: [],
  prefix_list_ids: [],
  security_groups: [],
  self: false,
  protocol: 'tcp',
  ...extra,
});

const db = (identifier, extra = {}) => ({
  identifier,
  engine: 'postgres',
  engine_version: '16.3',
  instance_class: 'db.t3.micro',
  allocated_storage: 20,
  username: 'app',
  password: 'Plan-Review-Fixture-Pw-42',
  skip_final_snapshot: true,
  storage_encrypted: true,
  ...extra,
});

/** @type {readonly {name: string, prior: Record<string, object>, config: Record<string, object>}[]} */
export const SCENARIOS = [
  {
    name: 'stateful',
    prior: {
      'aws_vpc.main': {
        id: 'vpc-0a1',
        arn: arn('ec2', 'vpc/vpc-0a1'),
        cidr_block: '10.0.0.0/16',
        instance_tenancy: 'default',
        tags: { Name: 'main' },
        tags_all: tagsAll('stateful', { Name: 'main' }),
      },
      'aws_subnet.a': {
        id: 'subnet-0a1',
        vpc_id: 'vpc-0a1',
        cidr_block: '10.0.1.0/24',
        availability_zone: 'eu-west-1a',
        ipv6_native: false,
        tags_all: tagsAll('stateful'),
      },
      'aws_s3_bucket.logs': {
        id: 'acme-logs',
        bucket: 'acme-logs',
        arn: 'arn:aws:s3:::acme-logs',
        force_destroy: false,
        tags_all: tagsAll('stateful'),
      },
      'aws_kms_key.data': {
        id: 'k-1',
        arn: arn('kms', 'key/k-1'),
        deletion_window_in_days: 30,
        enable_key_rotation: true,
        tags_all: tagsAll('stateful'),
      },
      'aws_db_instance.orders': {
        id: 'db-ORDERS',
        ...db('orders', { deletion_protection: true, publicly_accessible: false }),
        tags_all: tagsAll('stateful'),
      },
    },
    config: {
      'aws_vpc.main': { cidr_block: '10.1.0.0/16', tags: { Name: 'main' } },
      'aws_subnet.a': {
        vpc_id: '${aws_vpc.main.id}',
        cidr_block: '10.1.1.0/24',
        availability_zone: 'eu-west-1a',
      },
      'aws_security_group.web': { name: 'web', vpc_id: '${aws_vpc.main.id}' },
      'aws_route_table.private': { vpc_id: '${aws_vpc.main.id}' },
      'aws_db_instance.orders': db('orders', {
        deletion_protection: false,
        publicly_accessible: false,
      }),
    },
  },
  {
    name: 'exposure',
    prior: {
      'aws_security_group.admin': {
        id: 'sg-01',
        arn: arn('ec2', 'security-group/sg-01'),
        name: 'admin',
        description: 'Managed by Terraform',
        vpc_id: 'vpc-0a1',
        revoke_rules_on_delete: false,
        ingress: [rule({ cidr_blocks: ['10.0.0.0/8'], from_port: 22, to_port: 22 })],
        egress: [],
        tags_all: tagsAll('exposure'),
      },
      'aws_lb.api': {
        id: arn('elasticloadbalancing', 'loadbalancer/app/api/abc'),
        arn: arn('elasticloadbalancing', 'loadbalancer/app/api/abc'),
        name: 'api',
        internal: true,
        load_balancer_type: 'application',
        subnets: ['subnet-1', 'subnet-2'],
        tags_all: tagsAll('exposure'),
      },
      'aws_subnet.public': {
        id: 'subnet-0b2',
        vpc_id: 'vpc-0a1',
        cidr_block: '10.0.2.0/24',
        map_public_ip_on_launch: false,
        ipv6_native: false,
        tags_all: tagsAll('exposure'),
      },
      'aws_eks_cluster.main': {
        id: 'main',
        name: 'main',
        arn: arn('eks', 'cluster/main'),
        role_arn: `arn:aws:iam::${ACCOUNT}:role/eks`,
        bootstrap_self_managed_addons: true,
        vpc_config: [
          {
            subnet_ids: ['subnet-1', 'subnet-2'],
            endpoint_private_access: true,
            endpoint_public_access: false,
            public_access_cidrs: [],
            security_group_ids: [],
          },
        ],
        tags_all: tagsAll('exposure'),
      },
      'aws_db_instance.reports': {
        id: 'db-REPORTS',
        ...db('reports', { publicly_accessible: false }),
        tags_all: tagsAll('exposure'),
      },
    },
    config: {
      'aws_security_group.admin': {
        name: 'admin',
        vpc_id: 'vpc-0a1',
        ingress: [
          rule({ cidr_blocks: ['0.0.0.0/0'], from_port: 22, to_port: 22 }),
          rule({ ipv6_cidr_blocks: ['::/0'], from_port: 443, to_port: 443 }),
        ],
        egress: [],
      },
      'aws_vpc_security_group_ingress_rule.rdp': {
        security_group_id: '${aws_security_group.admin.id}',
        cidr_ipv4: '0.0.0.0/0',
        from_port: 3389,
        to_port: 3389,
        ip_protocol: 'tcp',
      },
      'aws_security_group_rule.https': {
        type: 'ingress',
        security_group_id: '${aws_security_group.admin.id}',
        cidr_blocks: ['0.0.0.0/0'],
        from_port: 443,
        to_port: 443,
        protocol: 'tcp',
      },
      'aws_lb.api': {
        name: 'api',
        internal: false,
        load_balancer_type: 'application',
        subnets: ['subnet-1', 'subnet-2'],
      },
      'aws_lb.web': {
        name: 'web',
        internal: false,
        load_balancer_type: 'application',
        subnets: ['subnet-1', 'subnet-2'],
      },
      'aws_subnet.public': {
        vpc_id: 'vpc-0a1',
        cidr_block: '10.0.2.0/24',
        map_public_ip_on_launch: true,
      },
      'aws_subnet.dmz': {
        vpc_id: 'vpc-0a1',
        cidr_block: '10.0.3.0/24',
        map_public_ip_on_launch: true,
      },
      'aws_eks_cluster.main': {
        name: 'main',
        role_arn: `arn:aws:iam::${ACCOUNT}:role/eks`,
        vpc_config: [
          {
            subnet_ids: ['subnet-1', 'subnet-2'],
            endpoint_private_access: true,
            endpoint_public_access: true,
            public_access_cidrs: ['0.0.0.0/0'],
          },
        ],
      },
      'aws_db_instance.reports': db('reports', { publicly_accessible: true }),
    },
  },
  {
    name: 'iam',
    prior: {
      'aws_iam_policy.app': {
        id: `arn:aws:iam::${ACCOUNT}:policy/app`,
        arn: `arn:aws:iam::${ACCOUNT}:policy/app`,
        name: 'app',
        path: '/',
        policy: doc({
          Effect: 'Allow',
          Action: 's3:GetObject',
          Resource: 'arn:aws:s3:::acme-data/*',
        }),
        tags_all: tagsAll('iam'),
      },
      'aws_iam_role.deploy': {
        id: 'deploy',
        name: 'deploy',
        arn: `arn:aws:iam::${ACCOUNT}:role/deploy`,
        path: '/',
        max_session_duration: 3600,
        force_detach_policies: false,
        assume_role_policy: doc({
          Effect: 'Allow',
          Principal: { Service: 'ecs-tasks.amazonaws.com' },
          Action: 'sts:AssumeRole',
          Condition: { StringEquals: { 'aws:SourceAccount': ACCOUNT } },
        }),
        tags_all: tagsAll('iam'),
      },
      'aws_iam_role_policy.reader': {
        id: 'deploy:reader',
        name: 'reader',
        role: 'deploy',
        policy: doc({
          Effect: 'Allow',
          Action: 's3:GetObject',
          Resource: 'arn:aws:s3:::acme-data/*',
        }),
      },
      'aws_iam_role_policy.ci': {
        id: 'deploy:ci',
        name: 'ci',
        role: 'deploy',
        policy: doc({ Effect: 'Allow', Action: 's3:*', Resource: 'arn:aws:s3:::acme-ci/*' }),
      },
    },
    config: {
      'data.aws_iam_policy_document.app': {
        statement: [{ effect: 'Allow', actions: ['s3:*'], resources: ['*'] }],
      },
      'aws_iam_policy.app': { name: 'app', policy: '${data.aws_iam_policy_document.app.json}' },
      'aws_iam_role.deploy': {
        name: 'deploy',
        assume_role_policy: doc({
          Effect: 'Allow',
          Principal: {
            Service: 'ecs-tasks.amazonaws.com',
            AWS: 'arn:aws:iam::999999999999:root',
          },
          Action: 'sts:AssumeRole',
        }),
      },
      'aws_iam_role_policy.ci': {
        name: 'ci',
        role: 'deploy',
        policy: doc({
          Effect: 'Allow',
          Action: 's3:GetObject',
          Resource: 'arn:aws:s3:::acme-ci/*',
        }),
      },
      'aws_iam_role_policy.reader': {
        name: 'reader',
        role: 'deploy',
        policy: doc({
          Effect: 'Allow',
          Action: ['s3:GetObject', 's3:PutObject'],
          Resource: 'arn:aws:s3:::acme-data/*',
        }),
      },
      'aws_s3_bucket_policy.data': {
        bucket: 'acme-data',
        policy: doc({
          Effect: 'Allow',
          Principal: '*',
          Action: 's3:GetObject',
          Resource: 'arn:aws:s3:::acme-data/*',
        }),
      },
    },
  },
  {
    name: 'protection',
    prior: {
      'aws_s3_bucket_public_access_block.logs': {
        id: 'acme-logs',
        bucket: 'acme-logs',
        block_public_acls: true,
        block_public_policy: true,
        ignore_public_acls: true,
        restrict_public_buckets: true,
      },
      'aws_cloudwatch_log_group.app': {
        id: '/app',
        name: '/app',
        arn: arn('logs', 'log-group:/app'),
        retention_in_days: 365,
        kms_key_id: arn('kms', 'key/k-1'),
        skip_destroy: false,
        log_group_class: 'STANDARD',
        tags_all: tagsAll('protection'),
      },
      'aws_s3_bucket_versioning.logs': {
        id: 'acme-logs',
        bucket: 'acme-logs',
        versioning_configuration: [{ status: 'Enabled', mfa_delete: '' }],
      },
      'aws_lb_listener.https': {
        id: arn('elasticloadbalancing', 'listener/app/api/abc/def'),
        arn: arn('elasticloadbalancing', 'listener/app/api/abc/def'),
        load_balancer_arn: arn('elasticloadbalancing', 'loadbalancer/app/api/abc'),
        port: 443,
        protocol: 'HTTPS',
        ssl_policy: 'ELBSecurityPolicy-TLS13-1-2-2021-06',
        certificate_arn: arn('acm', 'certificate/c-1'),
        default_action: [
          {
            type: 'fixed-response',
            order: 1,
            fixed_response: [{ content_type: 'text/plain', status_code: '404', message_body: '' }],
          },
        ],
        tags_all: tagsAll('protection'),
      },
      'aws_s3_bucket_server_side_encryption_configuration.logs': {
        id: 'acme-logs',
        bucket: 'acme-logs',
        rule: [
          {
            bucket_key_enabled: true,
            apply_server_side_encryption_by_default: [
              { sse_algorithm: 'aws:kms', kms_master_key_id: arn('kms', 'key/k-1') },
            ],
          },
        ],
      },
    },
    config: {
      'aws_s3_bucket_public_access_block.logs': {
        bucket: 'acme-logs',
        block_public_acls: true,
        block_public_policy: false,
        ignore_public_acls: true,
        restrict_public_buckets: false,
      },
      'aws_cloudwatch_log_group.app': { name: '/app', retention_in_days: 7 },
      'aws_s3_bucket_versioning.logs': {
        bucket: 'acme-logs',
        versioning_configuration: [{ status: 'Suspended' }],
      },
      'aws_lb_listener.https': {
        load_balancer_arn: arn('elasticloadbalancing', 'loadbalancer/app/api/abc'),
        port: 443,
        protocol: 'HTTPS',
        ssl_policy: 'ELBSecurityPolicy-2016-08',
        certificate_arn: arn('acm', 'certificate/c-1'),
        default_action: [
          {
            type: 'fixed-response',
            fixed_response: [{ content_type: 'text/plain', status_code: '404' }],
          },
        ],
      },
    },
  },
  {
    name: 'tags-only',
    prior: {
      'aws_s3_bucket.assets': {
        id: 'acme-assets',
        bucket: 'acme-assets',
        arn: 'arn:aws:s3:::acme-assets',
        force_destroy: false,
        object_lock_enabled: false,
        tags: { Team: 'web' },
        tags_all: tagsAll('tags-only', { Team: 'web' }),
      },
    },
    config: {
      'aws_s3_bucket.assets': { bucket: 'acme-assets', tags: { Team: 'platform' } },
      'aws_cloudwatch_log_group.audit': { name: '/audit', retention_in_days: 365 },
    },
  },
  {
    name: 'cost',
    prior: {
      'aws_ecs_service.api': {
        id: arn('ecs', 'service/main/api'),
        name: 'api',
        cluster: arn('ecs', 'cluster/main'),
        task_definition: 'api:3',
        desired_count: 2,
        launch_type: 'FARGATE',
        scheduling_strategy: 'REPLICA',
        tags_all: tagsAll('cost'),
      },
      'aws_eks_node_group.workers': {
        id: 'main:workers',
        arn: arn('eks', 'nodegroup/main/workers/x'),
        cluster_name: 'main',
        node_group_name: 'workers',
        node_role_arn: `arn:aws:iam::${ACCOUNT}:role/node`,
        subnet_ids: ['subnet-1'],
        instance_types: ['t3.medium'],
        scaling_config: [{ min_size: 1, max_size: 3, desired_size: 2 }],
        tags_all: tagsAll('cost'),
      },
      'aws_dynamodb_table.orders': {
        id: 'orders',
        name: 'orders',
        arn: arn('dynamodb', 'table/orders'),
        hash_key: 'id',
        billing_mode: 'PROVISIONED',
        read_capacity: 5,
        write_capacity: 5,
        attribute: [{ name: 'id', type: 'S' }],
        tags_all: tagsAll('cost'),
      },
      'aws_cloudwatch_log_group.api': {
        id: '/api',
        name: '/api',
        arn: arn('logs', 'log-group:/api'),
        retention_in_days: 30,
        skip_destroy: false,
        log_group_class: 'STANDARD',
        tags_all: tagsAll('cost'),
      },
    },
    config: {
      'aws_eip.nat': { domain: 'vpc' },
      'aws_nat_gateway.a': { allocation_id: '${aws_eip.nat.id}', subnet_id: 'subnet-0b2' },
      'aws_ecs_service.api': {
        name: 'api',
        cluster: arn('ecs', 'cluster/main'),
        task_definition: 'api:3',
        desired_count: 4,
        launch_type: 'FARGATE',
      },
      'aws_eks_node_group.workers': {
        cluster_name: 'main',
        node_group_name: 'workers',
        node_role_arn: `arn:aws:iam::${ACCOUNT}:role/node`,
        subnet_ids: ['subnet-1'],
        instance_types: ['t3.large'],
        scaling_config: [{ min_size: 1, max_size: 6, desired_size: 3 }],
      },
      'aws_dynamodb_table.orders': {
        name: 'orders',
        hash_key: 'id',
        billing_mode: 'PROVISIONED',
        read_capacity: 50,
        write_capacity: 5,
        attribute: [{ name: 'id', type: 'S' }],
      },
      'aws_cloudwatch_log_group.api': { name: '/api', retention_in_days: 3653 },
    },
  },
];
