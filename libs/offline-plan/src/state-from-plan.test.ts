import type { Plan, ResourceChange } from './plan-json';
import { refineState } from './refine';
import type { ProviderSchemas, SchemaNode } from './schema';
import { ctyTypeOf, sensitivePaths, singleReference, stateFromPlan } from './state-from-plan';

const AWS = 'registry.terraform.io/hashicorp/aws';
const schemas: ProviderSchemas = {
  format_version: '1.0',
  provider_schemas: {
    [AWS]: {
      resource_schemas: {
        aws_vpc: {
          version: 1,
          block: {
            attributes: {
              // SDKv2 declares id optional and computed
              id: { type: 'string', optional: true, computed: true },
              arn: { type: 'string', computed: true },
              instance_tenancy: { type: 'string', optional: true, computed: true },
              cidr_block: { type: 'string', optional: true },
              default_route_table_id: { type: 'string', computed: true },
              tags_all: { type: ['map', 'string'], computed: true },
            },
          },
        },
        aws_subnet: {
          version: 1,
          block: {
            attributes: {
              id: { type: 'string', computed: true },
              vpc_id: { type: 'string', required: true },
              owner_id: { type: 'string', computed: true },
              ipv6_cidr_block_association_id: { type: 'string', computed: true },
              map_customer_owned_ip_on_launch: { type: 'bool', computed: true },
              ids: { type: ['set', 'string'], computed: true },
              port: { type: 'number', computed: true },
            },
          },
        },
        aws_db_instance: {
          version: 2,
          block: {
            attributes: {
              id: { type: 'string', computed: true },
              password: { type: 'string', sensitive: true, optional: true },
            },
            block_types: {
              timeouts: { nesting_mode: 'single', block: { attributes: {} } },
            },
          },
        },
      },
    },
  },
};

function create(
  address: string,
  after: object,
  afterUnknown: object,
  extra: Partial<ResourceChange['change']> = {},
): ResourceChange {
  const [type, name] = address.split('.') as [string, string];
  return {
    address,
    mode: 'managed',
    type,
    name,
    provider_name: AWS,
    change: {
      actions: ['create'],
      before: null,
      after: after as never,
      after_unknown: afterUnknown as never,
      ...extra,
    },
  };
}

const plan: Plan = {
  format_version: '1.2',
  terraform_version: '1.11.4',
  resource_changes: [
    create(
      'aws_vpc.main',
      { cidr_block: '10.0.0.0/16', tags_all: { Name: 'main' } },
      { id: true, arn: true, default_route_table_id: true, instance_tenancy: true, tags_all: {} },
    ),
    create(
      'aws_subnet.a',
      {},
      {
        id: true,
        vpc_id: true,
        owner_id: true,
        ids: true,
        port: true,
        map_customer_owned_ip_on_launch: true,
      },
    ),
    create(
      'aws_db_instance.db',
      { password: 'hunter2' },
      { id: true },
      { after_sensitive: { password: true } },
    ),
  ],
  output_changes: {
    vpc_id: { actions: ['create'], after_unknown: true },
    subnet_ids: { actions: ['create'], after: [null], after_unknown: [true] },
    fixed: { actions: ['create'], after: 'x', after_unknown: false },
  },
  configuration: {
    provider_config: { aws: { name: 'aws' } },
    root_module: {
      resources: [
        {
          address: 'aws_vpc.main',
          mode: 'managed',
          type: 'aws_vpc',
          name: 'main',
          provider_config_key: 'aws',
          schema_version: 1,
          expressions: {},
        },
        {
          address: 'aws_subnet.a',
          mode: 'managed',
          type: 'aws_subnet',
          name: 'a',
          provider_config_key: 'aws',
          schema_version: 1,
          expressions: {
            vpc_id: {
              constant_value: '${aws_vpc.main.id}',
              references: ['aws_vpc.main.id', 'aws_vpc.main'],
            },
          },
        },
        {
          address: 'aws_db_instance.db',
          mode: 'managed',
          type: 'aws_db_instance',
          name: 'db',
          provider_config_key: 'aws',
          schema_version: 2,
        },
      ],
      outputs: {
        vpc_id: { expression: { constant_value: '${aws_vpc.main.id}' } },
        subnet_ids: { expression: { constant_value: ['${aws_subnet.a.id}'] } },
      },
    },
  },
};
const location = { partition: 'aws', region: 'eu-west-1', accountId: '111111111111' };

describe('stateFromPlan', () => {
  const state = stateFromPlan(plan, { schemas, location });
  const attributes = (type: string) =>
    state.resources.find((r) => r.type === type)!.instances[0]!.attributes;

  it('every resource the plan creates exists, with the schema version and the provider of its configuration', () => {
    expect(state.version).toBe(4);
    expect(
      state.resources.map((r) => [r.type, r.provider, r.instances[0]!.schema_version]),
    ).toEqual([
      ['aws_db_instance', `provider["${AWS}"]`, 2],
      ['aws_subnet', `provider["${AWS}"]`, 1],
      ['aws_vpc', `provider["${AWS}"]`, 1],
    ]);
  });

  it('keeps what the plan knows and types placeholders by the schema', () => {
    expect(attributes('aws_vpc')['cidr_block']).toBe('10.0.0.0/16');
    expect(attributes('aws_vpc')['tags_all']).toEqual({ Name: 'main' });
    expect(attributes('aws_subnet')['ids']).toEqual([]);
    expect(attributes('aws_subnet')['port']).toBe(0);
    expect(attributes('aws_subnet')['map_customer_owned_ip_on_launch']).toBe(false);
  });

  it('ARN-shaped placeholders carry the partition, service, region and account of the stack; ids their EC2 prefix', () => {
    expect(attributes('aws_vpc')['arn']).toMatch(
      /^arn:aws:ec2:eu-west-1:111111111111:vpc\/[0-9a-f]+$/,
    );
    expect(attributes('aws_vpc')['id']).toMatch(/^vpc-[0-9a-f]{17}$/);
    const govcloud = stateFromPlan(plan, {
      schemas,
      location: { ...location, partition: 'aws-us-gov', region: 'us-gov-west-1' },
    });
    expect(
      govcloud.resources.find((r) => r.type === 'aws_vpc')!.instances[0]!.attributes['arn'],
    ).toMatch(/^arn:aws-us-gov:ec2:us-gov-west-1:/);
  });

  it('an unknown string setting the API defaults (optional and computed) stays unset; the id never does', () => {
    expect(attributes('aws_vpc')['instance_tenancy']).toBeNull();
    expect(attributes('aws_vpc')['id']).not.toBeNull();
  });

  it('an attribute configured as a reference gets the referenced placeholder, so references agree', () => {
    expect(attributes('aws_subnet')['vpc_id']).toBe(attributes('aws_vpc')['id']);
  });

  it('outputs resolve their references and are typed as terraform stores them', () => {
    expect(state.outputs['vpc_id']).toEqual({ value: attributes('aws_vpc')['id'], type: 'string' });
    expect(state.outputs['subnet_ids']).toEqual({
      value: [attributes('aws_subnet')['id']],
      type: ['tuple', ['string']],
    });
    expect(state.outputs['fixed']).toEqual({ value: 'x', type: 'string' });
  });

  it('sensitive values are marked sensitive in the state, so the next plan sees no change of sensitivity', () => {
    expect(state.resources[0]!.instances[0]!.sensitive_attributes).toEqual([
      [{ type: 'get_attr', value: 'password' }],
    ]);
  });

  it('the same plan gives the same state', () => {
    expect(JSON.stringify(stateFromPlan(plan, { schemas, location }))).toBe(JSON.stringify(state));
  });

  it('refuses a document that is not a plan and plans with child modules', () => {
    expect(() =>
      stateFromPlan({ format_version: '1.0', resource_changes: 'x' } as never, {
        schemas,
        location,
      }),
    ).toThrow(/not a terraform plan/);
    expect(() =>
      stateFromPlan(
        { ...plan, configuration: { root_module: { module_calls: { m: {} } } } },
        { schemas, location },
      ),
    ).toThrow(/child modules/);
  });

  it('a replaced resource is in the state once, a destroyed one not at all', () => {
    const replaced: Plan = {
      ...plan,
      resource_changes: [
        {
          ...plan.resource_changes![0]!,
          change: { ...plan.resource_changes![0]!.change, actions: ['create', 'delete'] },
        },
        {
          ...plan.resource_changes![1]!,
          change: { ...plan.resource_changes![1]!.change, actions: ['delete'] },
        },
      ],
    };
    expect(stateFromPlan(replaced, { schemas, location }).resources.map((r) => r.type)).toEqual([
      'aws_vpc',
    ]);
  });
});

describe('refineState', () => {
  const state = stateFromPlan(plan, { schemas, location });
  const update = (address: string, after: object, afterUnknown: object, extra: object = {}) => ({
    ...create(address, after, afterUnknown),
    change: {
      actions: ['update'],
      before: null,
      after: after as never,
      after_unknown: afterUnknown as never,
      ...extra,
    },
  });

  it('takes what the next plan computed where the first plan had a placeholder', () => {
    const next: Plan = {
      format_version: '1.2',
      resource_changes: [update('aws_subnet.a', { owner_id: '222222222222' }, {})],
    };
    const { state: refined, refined: count } = refineState(state, plan, next);
    expect(count).toBe(1);
    expect(
      refined.resources.find((r) => r.type === 'aws_subnet')!.instances[0]!.attributes['owner_id'],
    ).toBe('222222222222');
  });

  it('never touches a value the first plan knew: a real perpetual diff stays visible', () => {
    const next: Plan = {
      format_version: '1.2',
      resource_changes: [update('aws_vpc.main', { cidr_block: '10.1.0.0/16' }, {})],
    };
    expect(refineState(state, plan, next).refined).toBe(0);
  });

  it('an attribute that is still unknown and forces a replacement is left empty, as the provider keeps it', () => {
    const next: Plan = {
      format_version: '1.2',
      resource_changes: [
        update(
          'aws_subnet.a',
          {},
          { port: true },
          { actions: ['delete', 'create'], replace_paths: [['port']] },
        ),
      ],
    };
    const { state: refined } = refineState(state, plan, next);
    expect(
      refined.resources.find((r) => r.type === 'aws_subnet')!.instances[0]!.attributes['port'],
    ).toBeNull();
  });

  it('outputs that were unknown take the computed value', () => {
    const next: Plan = {
      format_version: '1.2',
      output_changes: { vpc_id: { actions: ['update'], after: 'vpc-real', after_unknown: false } },
    };
    expect(refineState(state, plan, next).state.outputs['vpc_id']).toEqual({
      value: 'vpc-real',
      type: 'string',
    });
  });
});

describe('helpers', () => {
  it('singleReference reads exact references only', () => {
    expect(singleReference({ constant_value: '${aws_vpc.main.id}' })).toEqual({
      address: 'aws_vpc.main',
      path: ['id'],
    });
    expect(singleReference({ constant_value: '${aws_subnet.a["x"].tags.Name}' })).toEqual({
      address: 'aws_subnet.a["x"]',
      path: ['tags', 'Name'],
    });
    expect(singleReference({ constant_value: '${aws_lb.x.subnet_mapping[0].subnet_id}' })).toEqual({
      address: 'aws_lb.x',
      path: ['subnet_mapping', 0, 'subnet_id'],
    });
    expect(singleReference({ constant_value: '${aws_s3_bucket.b.arn}/*' })).toBeUndefined();
    expect(
      singleReference({ constant_value: '${data.aws_iam_policy_document.d.json}' }),
    ).toBeUndefined();
    expect(singleReference({ constant_value: 'plain' })).toBeUndefined();
  });

  it('ctyTypeOf types literal lists as tuples and objects by member', () => {
    expect(ctyTypeOf(['a', 1])).toEqual(['tuple', ['string', 'number']]);
    expect(ctyTypeOf({ a: true })).toEqual(['object', { a: 'bool' }]);
  });

  it('sensitivePaths steps into maps by index and into blocks by attribute', () => {
    const root: SchemaNode = { kind: 'type', type: ['map', 'string'] };
    expect(
      sensitivePaths(
        { x: true },
        { kind: 'block', block: { attributes: { x: { type: 'string' } } } },
      ),
    ).toEqual([[{ type: 'get_attr', value: 'x' }]]);
    expect(sensitivePaths({ k: true }, root)).toEqual([
      [{ type: 'index', value: { value: 'k', type: 'string' } }],
    ]);
  });
});

describe('lists of references', () => {
  it('a list configured as references gets each referenced value', () => {
    const withList: Plan = {
      ...plan,
      resource_changes: [
        ...plan.resource_changes!,
        create('aws_subnet.b', {}, { id: true, ids: true }),
      ],
      configuration: {
        ...plan.configuration,
        root_module: {
          ...plan.configuration!.root_module,
          resources: [
            ...plan.configuration!.root_module!.resources!,
            {
              address: 'aws_subnet.b',
              mode: 'managed',
              type: 'aws_subnet',
              name: 'b',
              provider_config_key: 'aws',
              expressions: { ids: { constant_value: ['${aws_vpc.main.id}', 'literal'] } },
            },
          ],
        },
      },
    };
    const state = stateFromPlan(withList, { schemas, location });
    const vpc = state.resources.find((r) => r.type === 'aws_vpc')!.instances[0]!.attributes;
    const b = state.resources.find((r) => r.type === 'aws_subnet' && r.name === 'b')!.instances[0]!
      .attributes;
    expect(b['ids']).toEqual([vpc['id'], 'literal']);
  });
});
