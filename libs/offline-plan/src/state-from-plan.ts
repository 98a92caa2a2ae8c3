// A terraform state (format 4) in which every resource a plan creates exists, as if the plan had
// been applied: values the plan knows are kept; values known only after apply get placeholders
// typed by the provider schema (see placeholder.ts); an unknown attribute whose configuration is
// exactly a reference to another resource's attribute gets that attribute's value, so that
// references agree.
import type {
  ConfigResource,
  Json,
  Marks,
  Plan,
  ResourceChange,
  State,
  StateInstance,
  StateResource,
} from './plan-json';
import { clone, getAt, markedPaths, setAt, type ValuePath } from './paths';
import { placeholderFor, type StackLocation } from './placeholder';
import { childOf, resourceSchema, type ProviderSchemas, type SchemaNode } from './schema';

/** Options of {@link stateFromPlan}. */
export interface StateFromPlanOptions {
  /** The provider schemas (`terraform providers schema -json`). */
  readonly schemas: ProviderSchemas;
  /** Partition, region and account of the stack, for ARN placeholders. */
  readonly location: StackLocation;
  /**
   * The state's lineage (any stable string identifies it).
   * @default "offline-plan"
   */
  readonly lineage?: string;
  /**
   * The state the plan was made against; resources it holds that the plan keeps or updates
   * start from it.
   * @default none: the plan starts from an empty state
   */
  readonly prior?: State;
}

/** Thrown when a plan cannot be turned into a state (not a plan, child modules, errored plan). */
export class StateFromPlanError extends Error {}

const WRITING = new Set(['create', 'update', 'no-op']);

/** The state after applying `plan`. */
export function stateFromPlan(plan: Plan, options: StateFromPlanOptions): State {
  if (!plan || typeof plan !== 'object' || !Array.isArray(plan.resource_changes ?? []))
    throw new StateFromPlanError('not a terraform plan: no resource_changes');
  if (Object.keys(plan.configuration?.root_module?.module_calls ?? {}).length > 0)
    throw new StateFromPlanError(
      'plans with child modules are not supported (cdktf stacks have none)',
    );
  const builder = new StateBuilder(plan, options);
  return builder.build();
}

class StateBuilder {
  private readonly changes = new Map<string, ResourceChange>();
  private readonly configs = new Map<string, ConfigResource>();
  private readonly filled = new Map<string, { [key: string]: Json }>();
  private readonly inProgress = new Set<string>();

  constructor(
    private readonly plan: Plan,
    private readonly options: StateFromPlanOptions,
  ) {
    for (const change of plan.resource_changes ?? [])
      if (change.mode === 'managed') this.changes.set(change.address, change);
    for (const config of plan.configuration?.root_module?.resources ?? [])
      this.configs.set(config.address, config);
  }

  build(): State {
    const resources = new Map<string, StateResource>();
    for (const change of this.changes.values()) {
      const { actions } = change.change;
      // a replacement ends created; a delete ends gone
      if (!actions.some((a) => WRITING.has(a))) continue;
      const config = this.configs.get(`${change.type}.${change.name}`);
      const key = `${change.type}.${change.name}`;
      let resource = resources.get(key);
      if (!resource) {
        resource = {
          mode: 'managed',
          type: change.type,
          name: change.name,
          provider: this.providerOf(change, config),
          instances: [],
        };
        resources.set(key, resource);
      }
      const instance: StateInstance = {
        schema_version: this.schemaVersion(change, config),
        attributes: this.fill(change.address),
        sensitive_attributes: sensitivePaths(
          change.change.after_sensitive,
          this.rootSchema(change),
        ),
      };
      if (change.index !== undefined) instance.index_key = change.index;
      resource.instances.push(instance);
    }
    return {
      version: 4,
      terraform_version: this.plan.terraform_version ?? '1.11.4',
      serial: (this.options.prior?.serial ?? 0) + 1,
      lineage: this.options.prior?.lineage ?? this.options.lineage ?? 'offline-plan',
      outputs: this.outputs(),
      resources: [...resources.values()].sort((a, b) =>
        `${a.type}.${a.name}`.localeCompare(`${b.type}.${b.name}`),
      ),
      check_results: null,
    };
  }

  /** The attributes of a resource instance after apply (memoized; references followed). */
  private fill(address: string): { [key: string]: Json } {
    const done = this.filled.get(address);
    if (done) return done;
    const change = this.changes.get(address)!;
    const attributes = clone((change.change.after ?? {}) as { [key: string]: Json });
    this.inProgress.add(address);
    const schema = resourceSchema(this.options.schemas, change.provider_name, change.type);
    const root: SchemaNode = schema ? { kind: 'block', block: schema.block } : { kind: 'unknown' };
    const knownName = ['name', 'bucket', 'function_name', 'cluster_name']
      .map((k) => attributes[k])
      .find((v): v is string => typeof v === 'string' && v.length > 0);
    const config = this.configs.get(`${change.type}.${change.name}`);
    // `id` first: other attributes (arn) may be shaped by it
    const unknown = markedPaths(change.change.after_unknown as Marks).sort(
      (a, b) => Number(b[0] === 'id') - Number(a[0] === 'id'),
    );
    for (const path of unknown) {
      const node = path.reduce<SchemaNode>((n, key) => childOf(n, key), root);
      const referenced = coerce(this.referencedValue(config, path), node);
      const parent = path.slice(0, -1).reduce<SchemaNode>((n, key) => childOf(n, key), root);
      const top =
        parent.kind === 'block'
          ? parent.block.attributes?.[String(path[path.length - 1])]
          : undefined;
      const value =
        referenced !== undefined
          ? referenced
          : top?.optional &&
              top.computed &&
              top.type === 'string' &&
              !(path.length === 1 && path[0] === 'id')
            ? // a setting the API defaults (a topic's FIFO scope, a target group's protocol
              // version): left unset it stays unset; an invented value would be validated
              null
            : placeholderFor(
                path.reduce<SchemaNode>((node, key) => childOf(node, key), root),
                { resourceType: change.type, address, path, ...(knownName ? { knownName } : {}) },
                this.options.location,
              );
      setAt(attributes, path, value);
    }
    this.inProgress.delete(address);
    this.filled.set(address, attributes);
    return attributes;
  }

  /** The value of the attribute that the configuration at `path` references, if exactly one. */
  private referencedValue(
    config: ConfigResource | undefined,
    path: ValuePath,
    given?: { constant_value?: Json },
  ): Json | undefined {
    const expression = given ?? expressionAt(config?.expressions, path);
    const elements = expression?.constant_value;
    if (Array.isArray(elements)) {
      // a list of references (security group ids, subnet ids): each element resolved
      const values = elements.map((element) =>
        typeof element === 'string' && element.includes('${')
          ? this.referencedValue(undefined, [], { constant_value: element })
          : element,
      );
      return values.every((v) => v !== undefined) ? (values as Json[]) : undefined;
    }
    const target = singleReference(expression);
    if (!target) return undefined;
    const source = this.changes.get(target.address);
    if (!source || this.inProgress.has(target.address)) return undefined;
    if (!source.change.actions.some((a) => WRITING.has(a))) return undefined;
    const value = getAt(this.fill(target.address), target.path);
    return value === null ? undefined : value;
  }

  private outputs(): State['outputs'] {
    const outputs: State['outputs'] = {};
    const config = this.plan.configuration?.root_module?.outputs ?? {};
    for (const [name, change] of Object.entries(this.plan.output_changes ?? {})) {
      if (change.actions.includes('delete') && !change.actions.includes('create')) continue;
      let value = clone((change.after ?? null) as Json);
      const expression = config[name]?.expression;
      for (const path of markedPaths(change.after_unknown)) {
        const element =
          path.length === 0
            ? expression?.constant_value
            : getAt(expression?.constant_value as Json, path);
        const target = singleReference({ constant_value: element as Json });
        const resolved =
          target && this.changes.has(target.address)
            ? getAt(this.fill(target.address), target.path)
            : undefined;
        const filled = resolved ?? `offline-output-${name}`;
        if (path.length === 0) value = filled;
        else setAt(value as { [key: string]: Json }, path, filled);
      }
      outputs[name] = {
        value,
        type: ctyTypeOf(value),
        ...(change.after_sensitive === true ? { sensitive: true } : {}),
      };
    }
    return outputs;
  }

  private providerOf(change: ResourceChange, config: ConfigResource | undefined): string {
    const key = config?.provider_config_key ?? '';
    const alias = this.plan.configuration?.provider_config?.[key]?.alias;
    return `provider["${change.provider_name}"]${alias ? `.${alias}` : ''}`;
  }

  private rootSchema(change: ResourceChange): SchemaNode {
    const schema = resourceSchema(this.options.schemas, change.provider_name, change.type);
    return schema ? { kind: 'block', block: schema.block } : { kind: 'unknown' };
  }

  private schemaVersion(change: ResourceChange, config: ConfigResource | undefined): number {
    return (
      config?.schema_version ??
      resourceSchema(this.options.schemas, change.provider_name, change.type)?.version ??
      0
    );
  }
}

/** The expression of the configuration at a value path (top-level attributes and blocks). */
export function expressionAt(
  expressions: unknown,
  path: ValuePath,
): { constant_value?: Json; references?: readonly string[] } | undefined {
  let node: unknown = expressions;
  for (const key of path) {
    if (node === null || typeof node !== 'object') return undefined;
    const record = node as Record<string | number, unknown>;
    // an attribute's expression is an object with constant_value/references: descend into its value
    if ('constant_value' in record || 'references' in record) {
      return { constant_value: getAt(record['constant_value'] as Json, [key]) as Json };
    }
    node = record[key as never];
  }
  return node && typeof node === 'object' ? (node as { constant_value?: Json }) : undefined;
}

/** A traversal such as `aws_vpc.main.id`, `aws_subnet.a["x"].arn` or `aws_lb.x.subnet_mapping[0].subnet_id`. */
const REFERENCE =
  /^\$\{((?:[a-z0-9_]+)\.(?:[A-Za-z0-9_-]+)(?:\[(?:"[^"]*"|\d+)\])?)((?:\.[A-Za-z0-9_-]+|\[\d+\])+)\}$/;

/** The resource address and attribute path an expression is exactly a reference to. */
export function singleReference(
  expression: { constant_value?: Json } | undefined,
): { address: string; path: ValuePath } | undefined {
  const text = expression?.constant_value;
  if (typeof text !== 'string') return undefined;
  const match = REFERENCE.exec(text);
  if (!match || match[1]!.startsWith('data.')) return undefined;
  const path: (string | number)[] = [];
  for (const part of match[2]!.matchAll(/\.([A-Za-z0-9_-]+)|\[(\d+)\]/g))
    path.push(part[1] !== undefined ? part[1] : Number(part[2]));
  return { address: match[1]!, path };
}

/** A referenced value in the type of the attribute that takes it (a number into a string: "1"). */
function coerce(value: Json | undefined, node: SchemaNode): Json | undefined {
  if (value === undefined || node.kind !== 'type') return value;
  if (node.type === 'string' && (typeof value === 'number' || typeof value === 'boolean'))
    return String(value);
  if (node.type === 'number' && typeof value === 'string' && /^-?\d+(\.\d+)?$/.test(value))
    return Number(value);
  return value;
}

/** A path step of a state's `sensitive_attributes`. */
type PathStep =
  | { type: 'get_attr'; value: string }
  | { type: 'index'; value: { value: string | number; type: 'string' | 'number' } };

/**
 * The state's `sensitive_attributes` for a plan's `after_sensitive` marks: without them the next
 * plan sees a change of sensitivity and reports an update with no visible difference.
 */
export function sensitivePaths(marks: Marks | undefined, root: SchemaNode): PathStep[][] {
  return markedPaths(marks).map((path) => {
    let node = root;
    return path.map((key): PathStep => {
      const attribute =
        typeof key === 'string' &&
        (node.kind === 'block' ||
          (node.kind === 'type' && Array.isArray(node.type) && node.type[0] === 'object'));
      node = childOf(node, key);
      return attribute
        ? { type: 'get_attr', value: key as string }
        : {
            type: 'index',
            value: { value: key, type: typeof key === 'number' ? 'number' : 'string' },
          };
    });
  });
}

/** The cty type of a JSON value as terraform stores an output: literal lists are tuples. */
export function ctyTypeOf(value: Json): Json {
  if (value === null) return 'string';
  if (typeof value === 'string') return 'string';
  if (typeof value === 'number') return 'number';
  if (typeof value === 'boolean') return 'bool';
  if (Array.isArray(value)) return ['tuple', value.map(ctyTypeOf)];
  return ['object', Object.fromEntries(Object.entries(value).map(([k, v]) => [k, ctyTypeOf(v)]))];
}
