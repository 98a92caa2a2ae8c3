import type { PolicyDocument, PolicyStatement, ResourceView, StackContext } from './types';

type Json = Record<string, unknown>;

/** A synthesized stack (the JSON cdktf writes) indexed for rules. */
export class StackView implements StackContext {
  /** Every resource, data source, AWS provider block and state backend of the stack. */
  readonly resources: readonly ResourceView[];
  private readonly byType = new Map<string, ResourceView[]>();

  constructor(readonly json: Json) {
    const views: ResourceView[] = [];
    for (const mode of ['resource', 'data'] as const) {
      const blocks = (json[mode] ?? {}) as Record<string, Record<string, Json>>;
      for (const [type, instances] of Object.entries(blocks)) {
        for (const [name, raw] of Object.entries(instances)) {
          const { '//': meta, ...config } = raw;
          const address = mode === 'data' ? `data.${type}.${name}` : `${type}.${name}`;
          const path = ((meta as Json | undefined)?.['metadata'] as Json | undefined)?.['path'];
          views.push({
            mode,
            type: mode === 'data' ? `data.${type}` : type,
            name,
            address,
            path: typeof path === 'string' ? path : address,
            config,
          });
        }
      }
    }
    const providers = ((json['provider'] ?? {}) as Record<string, Json[]>)['aws'] ?? [];
    providers.forEach((raw, index) => {
      const { '//': meta, ...config } = raw;
      const path = ((meta as Json | undefined)?.['metadata'] as Json | undefined)?.['path'];
      const alias = typeof config['alias'] === 'string' ? config['alias'] : `#${index}`;
      views.push({
        mode: 'resource',
        type: 'provider.aws',
        name: alias,
        address: `provider.aws.${alias}`,
        path: typeof path === 'string' ? path : `provider.aws.${alias}`,
        config,
      });
    });
    // The state backend: `terraform.backend.<kind>` (one per stack), for the state rules.
    const backends = (((json['terraform'] ?? {}) as Json)['backend'] ?? {}) as Record<string, Json>;
    for (const [kind, config] of Object.entries(backends)) {
      const address = `terraform.backend.${kind}`;
      views.push({ mode: 'resource', type: address, name: kind, address, path: address, config });
    }
    this.resources = views;
    for (const view of views) {
      const list = this.byType.get(view.type) ?? [];
      list.push(view);
      this.byType.set(view.type, list);
    }
  }

  ofType(type: string): readonly ResourceView[] {
    return this.byType.get(type) ?? [];
  }

  referencing(type: string, target: ResourceView, attribute?: string): readonly ResourceView[] {
    const needle = `\${${target.address}.`;
    return this.ofType(type).filter((candidate) => {
      const value = attribute === undefined ? candidate.config : candidate.config[attribute];
      return JSON.stringify(value ?? null).includes(needle);
    });
  }

  policyDocument(value: unknown): PolicyDocument | undefined {
    if (typeof value !== 'string') return undefined;
    const reference = /^\$\{data\.aws_iam_policy_document\.([A-Za-z0-9_-]+)\.json\}$/.exec(value);
    if (reference) {
      const document = this.ofType('data.aws_iam_policy_document').find(
        (d) => d.name === reference[1],
      );
      return document ? fromPolicyDocumentData(document.config) : undefined;
    }
    try {
      return fromPolicyJson(JSON.parse(value) as Json);
    } catch {
      return undefined;
    }
  }
}

const list = (value: unknown): string[] =>
  value === undefined || value === null
    ? []
    : Array.isArray(value)
      ? value.map(String)
      : [String(value)];

/** Normalises an `aws_iam_policy_document` data source's arguments. */
function fromPolicyDocumentData(config: Json): PolicyDocument {
  const statements = (config['statement'] ?? []) as Json[];
  return {
    statements: statements.map((s): PolicyStatement => {
      const principals: Record<string, string[]> = {};
      for (const p of (s['principals'] ?? []) as Json[]) {
        const kind = String(p['type']);
        principals[kind] = [...(principals[kind] ?? []), ...list(p['identifiers'])];
      }
      const conditions: Record<string, Record<string, string[]>> = {};
      for (const c of (s['condition'] ?? []) as Json[]) {
        const test = String(c['test']);
        conditions[test] = {
          ...(conditions[test] ?? {}),
          [String(c['variable'])]: list(c['values']),
        };
      }
      return {
        sid: s['sid'] as string | undefined,
        effect: s['effect'] === 'Deny' ? 'Deny' : 'Allow',
        actions: list(s['actions']),
        notActions: list(s['not_actions']),
        resources: list(s['resources']),
        principals,
        conditions,
      };
    }),
  };
}

/** Normalises a JSON policy document. */
function fromPolicyJson(doc: Json): PolicyDocument {
  const raw = doc['Statement'];
  const statements = (Array.isArray(raw) ? raw : raw ? [raw] : []) as Json[];
  return {
    statements: statements.map((s): PolicyStatement => {
      const principal = s['Principal'];
      const principals: Record<string, string[]> =
        principal === '*'
          ? { '*': ['*'] }
          : Object.fromEntries(
              Object.entries((principal ?? {}) as Json).map(([k, v]) => [k, list(v)]),
            );
      const conditions = Object.fromEntries(
        Object.entries((s['Condition'] ?? {}) as Record<string, Json>).map(([op, keys]) => [
          op,
          Object.fromEntries(Object.entries(keys).map(([k, v]) => [k, list(v)])),
        ]),
      );
      return {
        sid: s['Sid'] as string | undefined,
        effect: s['Effect'] === 'Deny' ? 'Deny' : 'Allow',
        actions: list(s['Action']),
        notActions: list(s['NotAction']),
        resources: list(s['Resource']),
        principals,
        conditions,
      };
    }),
  };
}
