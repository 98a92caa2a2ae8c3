import { plan, rc, update } from '../../test-fixtures/builders';
import { summarizePlan } from './summarize';

const review = (p: ReturnType<typeof plan>) =>
  summarizePlan(p, { file: 'plans/net-prod/plan.json' });

describe('summarizePlan counts like terraform', () => {
  it('counts a replacement in add AND destroy, in either order', () => {
    const { counts } = review(
      plan([
        rc('a.create', ['create']),
        update('a.update', { x: 1 }, { x: 2 }),
        rc('a.delete', ['delete']),
        rc('a.dc', ['delete', 'create']),
        rc('a.cd', ['create', 'delete']),
      ]),
    );
    expect(counts).toMatchObject({ add: 3, change: 1, destroy: 3, replace: 2 });
  });

  it('does not count data-source reads, no-ops or forgets in add/change/destroy', () => {
    const { counts } = review(
      plan([
        rc('data.aws_iam_policy_document.p', ['read']),
        rc('aws_thing.noop', ['no-op']),
        rc(
          'aws_thing.gone',
          ['forget'],
          {},
          { action_reason: 'delete_because_no_resource_config' },
        ),
        rc('data.aws_region.r', ['delete']),
      ]),
    );
    expect(counts).toEqual({
      add: 0,
      change: 0,
      destroy: 0,
      replace: 0,
      import: 0,
      move: 0,
      forget: 1,
      drift: 0,
    });
  });

  it('counts imports, moves and forgets', () => {
    const { counts, resources } = review(
      plan([
        rc('a.imp', ['no-op'], { importing: { id: 'i-123' } }),
        rc('a.impupd', ['update'], {
          importing: { id: 'i-456' },
          before: { x: 1 },
          after: { x: 2 },
        }),
        rc('a.new', ['no-op'], {}, { previous_address: 'a.old' }),
        rc('a.same', ['no-op'], {}, { previous_address: 'a.same' }),
        rc('a.keep', ['forget']),
        rc('a.rf', ['create', 'forget']),
      ]),
    );
    expect(counts).toEqual({
      add: 1,
      change: 1,
      destroy: 0,
      replace: 1,
      import: 2,
      move: 1,
      forget: 2,
      drift: 0,
    });
    expect(resources.map((r) => r.address)).toEqual([
      'a.rf',
      'a.keep',
      'a.impupd',
      'a.imp',
      'a.new',
    ]);
    expect(resources.find((r) => r.address === 'a.new')).toMatchObject({
      action: 'move',
      previousAddress: 'a.old',
    });
    expect(resources.find((r) => r.address === 'a.imp')).toMatchObject({
      action: 'import',
      importId: 'i-123',
    });
    expect(resources.find((r) => r.address === 'a.impupd')?.action).toBe(
      'import, then update in place',
    );
  });
});

describe('summarizePlan explains replacements', () => {
  it.each([
    ['replace_because_cannot_update', 'an attribute that cannot be updated in place changed'],
    ['replace_because_tainted', 'the object is tainted'],
    ['replace_by_request', '-replace'],
    ['replace_by_triggers', 'replace_triggered_by'],
    ['delete_because_no_resource_config', 'no longer in the configuration'],
    ['delete_because_count_index', 'count index'],
    ['delete_because_each_key', 'for_each key'],
    ['delete_because_no_module', 'module is no longer'],
    ['read_because_config_unknown', 'known only after apply'],
    ['some_future_reason', 'some future reason'],
  ])('%s reads "%s"', (code, words) => {
    const [resource] = review(
      plan([rc('a.b', ['delete', 'create'], {}, { action_reason: code })]),
    ).resources;
    expect(resource.reason).toContain(words);
    expect(resource.reasonCode).toBe(code);
  });

  it('names the attributes that forced the replacement', () => {
    const [resource] = review(
      plan([
        rc('aws_instance.web', ['delete', 'create'], {
          before: { ami: 'a', ebs: [{ size: 1 }] },
          after: { ami: 'b', ebs: [{ size: 2 }] },
          replace_paths: [['ami'], ['ebs', 0, 'size']],
        }),
      ]),
    ).resources;
    expect(resource.replacePaths).toEqual(['ami', 'ebs[0].size']);
    expect(resource.action).toBe('replace (destroy, then create)');
  });
});

describe('summarizePlan drift', () => {
  const drift = [
    rc('a.relevant', ['update'], { before: { x: 1 }, after: { x: 2 } }),
    rc('a.irrelevant', ['update'], { before: { x: 1 }, after: { x: 2 } }),
  ];

  it('keeps only drift of resources in relevant_attributes when that key is present', () => {
    const r = review(
      plan([], { resource_drift: drift, relevant_attributes: [{ resource: 'a.relevant' }] }),
    );
    expect(r.drift.map((d) => d.address)).toEqual(['a.relevant']);
    expect(r.counts.drift).toBe(1);
  });

  it('keeps all drift when relevant_attributes is absent (Terraform 1.0/1.1)', () => {
    expect(review(plan([], { resource_drift: drift })).counts.drift).toBe(2);
  });

  it('rebuilds the address of Terraform 1.0.0 drift entries that lack one', () => {
    const entry = {
      mode: 'managed',
      type: 'aws_x',
      name: 'y',
      index: 'k',
      module_address: 'module.m',
      change: { actions: ['delete'] },
    };
    expect(review(plan([], { resource_drift: [entry] })).drift[0]).toMatchObject({
      address: 'module.m.aws_x.y["k"]',
      action: 'deleted outside terraform',
    });
  });
});

describe('summarizePlan outputs and ordering', () => {
  it('lists changed outputs and masks sensitive ones', () => {
    const r = review(
      plan([], {
        output_changes: {
          url: { actions: ['update'], before: 'a', after: 'b' },
          same: { actions: ['no-op'], before: 'a', after: 'a' },
          token: {
            actions: ['update'],
            before: 'tok-1',
            after: 'tok-2',
            before_sensitive: true,
            after_sensitive: true,
          },
          later: { actions: ['create'], before: null, after: null, after_unknown: true },
        },
      }),
    );
    expect(r.outputs).toStrictEqual([
      { name: 'later', kind: 'create', sensitive: false, after: '(known after apply)' },
      {
        name: 'token',
        kind: 'update',
        sensitive: true,
        before: '(sensitive)',
        after: '(sensitive)',
      },
      { name: 'url', kind: 'update', sensitive: false, before: '"a"', after: '"b"' },
    ]);
  });

  it('orders resources by severity, then address, whatever the input order', () => {
    const changes = [
      rc('b.create', ['create']),
      rc('a.create', ['create']),
      update('z.update', { x: 1 }, { x: 2 }),
      rc('y.replace', ['create', 'delete']),
      rc('x.delete', ['delete']),
      rc('data.d.read', ['read']),
    ];
    const forward = review(plan(changes)).resources.map((r) => r.address);
    const backward = review(plan([...changes].reverse())).resources.map((r) => r.address);
    expect(forward).toEqual([
      'x.delete',
      'y.replace',
      'z.update',
      'a.create',
      'b.create',
      'data.d.read',
    ]);
    expect(backward).toEqual(forward);
  });

  it('names the stack after the plan folder', () => {
    expect(review(plan([])).stack).toBe('net-prod');
  });
});

describe('summarizePlan: what each entry shows', () => {
  it('masks an output marked sensitive on either side, in planned values or in prior state', () => {
    const change = (name: string) => ({
      actions: ['update'],
      before: `${name}-1`,
      after: `${name}-2`,
    });
    const r = review(
      plan([], {
        output_changes: {
          a: { ...change('a'), after_sensitive: true },
          b: { ...change('b'), before_sensitive: true },
          c: change('c'),
          d: change('d'),
          e: change('e'),
        },
        planned_values: { outputs: { c: { sensitive: true, value: 'c-2' } } },
        prior_state: { values: { outputs: { d: { sensitive: true, value: 'd-1' } } } },
      }),
    );
    expect(r.outputs.map((o) => [o.name, o.sensitive, o.before, o.after])).toEqual([
      ['a', true, '(sensitive)', '(sensitive)'],
      ['b', true, '(sensitive)', '(sensitive)'],
      ['c', true, '(sensitive)', '(sensitive)'],
      ['d', true, '(sensitive)', '(sensitive)'],
      ['e', false, '"e-1"', '"e-2"'],
    ]);
  });

  it('lists a data source only when it is read, as data', () => {
    const r = review(
      plan([
        rc('data.aws_region.r', ['read'], { after: { name: 'eu-west-1' } }),
        rc('data.aws_caller_identity.c', ['delete']),
        rc('data.aws_partition.p', ['no-op']),
      ]),
    );
    expect(r.resources.map((x) => [x.address, x.mode, x.kind, x.risk.level])).toEqual([
      ['data.aws_region.r', 'data', 'read', 'low'],
    ]);
    expect(r.resources[0]).not.toHaveProperty('cost');
  });

  it("keeps a move's previous address and an import's id, and nothing for a plain change", () => {
    const r = review(
      plan([
        rc('aws_s3_bucket.moved', ['no-op'], {}, { previous_address: 'aws_s3_bucket.old' }),
        rc('aws_s3_bucket.imported', ['no-op'], { importing: { id: 'bucket-1' } }),
        rc('aws_s3_bucket.identity', ['no-op'], {
          importing: { identity: { name: 'b' } },
        } as never),
        update('aws_s3_bucket.plain', { x: 1 }, { x: 2 }),
      ]),
    );
    const by = (address: string) => r.resources.find((x) => x.address === address);
    expect(by('aws_s3_bucket.moved')?.previousAddress).toBe('aws_s3_bucket.old');
    expect(by('aws_s3_bucket.imported')?.importId).toBe('bucket-1');
    expect(by('aws_s3_bucket.identity')?.importId).toBe('{"name":"b"}');
    expect(by('aws_s3_bucket.plain')).not.toHaveProperty('previousAddress');
    expect(by('aws_s3_bucket.plain')).not.toHaveProperty('importId');
    expect(by('aws_s3_bucket.plain')?.mode).toBe('managed');
  });

  it('names referrers only for what is destroyed or replaced', () => {
    const config = {
      configuration: {
        root_module: {
          resources: [
            { address: 'aws_subnet.a', depends_on: ['aws_vpc.v', 'aws_kms_key.k', 'aws_sg.s'] },
          ],
        },
      },
    };
    const r = review(
      plan(
        [
          rc('aws_vpc.v', ['delete']),
          rc('aws_kms_key.k', ['delete', 'create']),
          rc('aws_sg.s', ['update'], { before: { x: 1 }, after: { x: 2 } }),
          rc('aws_sg.t', ['create', 'forget'] as never),
        ],
        config,
      ),
    );
    const by = (address: string) => r.resources.find((x) => x.address === address);
    expect(by('aws_vpc.v')?.referencedBy).toEqual(['aws_subnet.a']);
    expect(by('aws_kms_key.k')?.referencedBy).toEqual(['aws_subnet.a']);
    expect(by('aws_sg.s')?.referencedBy).toEqual([]);
  });

  it('leaves out tags_all entries of a create that only repeat the provider default tags', () => {
    const defaults = {
      configuration: {
        provider_config: {
          aws: {
            expressions: {
              default_tags: [{ tags: { constant_value: { team: 'platform', env: 'dev' } } }],
            },
          },
        },
      },
    };
    const after = {
      tags: { Name: 'x', env: 'dev' },
      tags_all: { Name: 'x', env: 'dev', team: 'platform', extra: 'e' },
    };
    const created = review(plan([rc('aws_sqs_queue.q', ['create'], { after })], defaults));
    expect(created.resources[0].changes.map((c) => c.path)).toEqual([
      'tags.Name',
      'tags.env',
      'tags_all.Name',
      'tags_all.env',
      'tags_all.extra',
    ]);
    const updated = review(
      plan(
        [
          update(
            'aws_sqs_queue.q',
            { tags_all: { team: 'old' } },
            { tags_all: { team: 'platform' } },
          ),
        ],
        defaults,
      ),
    );
    expect(updated.resources[0].changes.map((c) => c.path)).toEqual(['tags_all.team']);
    const other = review(
      plan(
        [rc('aws_sqs_queue.q', ['create'], { after: { tags_all: { team: 'data' } } })],
        defaults,
      ),
    );
    expect(other.resources[0].changes.map((c) => c.path)).toEqual(['tags_all.team']);
  });

  it('shows drift changes, none for an object deleted outside terraform, and drops no-op drift', () => {
    const r = review(
      plan([], {
        resource_drift: [
          rc('aws_sqs_queue.changed', ['update'], { before: { x: 1 }, after: { x: 2 } }),
          rc('aws_sqs_queue.gone', ['delete'], { before: { x: 1 } }),
          rc('aws_sqs_queue.same', ['no-op'], { before: { x: 1 }, after: { x: 1 } }),
        ],
      }),
    );
    expect(r.drift).toStrictEqual([
      {
        address: 'aws_sqs_queue.gone',
        kind: 'delete',
        action: 'deleted outside terraform',
        changes: [],
      },
      {
        address: 'aws_sqs_queue.changed',
        kind: 'update',
        action: 'changed outside terraform',
        changes: [{ path: 'x', before: '1', after: '2' }],
      },
    ]);
    expect(r.counts.drift).toBe(2);
  });

  it('rebuilds drift addresses with numeric and string keys, in data sources and modules', () => {
    const entry = (extra: object) => ({
      mode: 'managed',
      type: 'aws_x',
      name: 'y',
      change: { actions: ['delete'] },
      ...extra,
    });
    const r = review(
      plan([], {
        resource_drift: [
          entry({ index: 0 }),
          entry({ index: 'k' }),
          entry({}),
          entry({ mode: 'data', module_address: 'module.m' }),
        ] as never,
      }),
    );
    expect(r.drift.map((d) => d.address)).toEqual([
      'aws_x.y',
      'aws_x.y["k"]',
      'aws_x.y[0]',
      'module.m.data.aws_x.y',
    ]);
  });

  it('orders deposed objects of one address by their key', () => {
    const r = review(
      plan([
        rc('aws_x.y', ['delete'], {}, { deposed: 'b2' }),
        rc('aws_x.y', ['delete'], {}, { deposed: 'a1' }),
        rc('aws_x.y', ['delete']),
      ]),
    );
    expect(r.resources.map((x) => x.deposed ?? '(current)')).toEqual(['(current)', 'a1', 'b2']);
  });
});
