import { type Document, isMap, isScalar, parseDocument, type Scalar, visit } from 'yaml';

/** What changes from the source environment to the new one. */
export interface Derivation {
  /** Source environment name, e.g. staging. */
  readonly from: string;
  /** New environment name, e.g. qa. */
  readonly name: string;
  /** Source account id. */
  readonly fromAccountId: string;
  /** New account id. */
  readonly accountId: string;
  /** Source region. */
  readonly fromRegion: string;
  /** New region. */
  readonly region: string;
  /** Availability zones of the new region. */
  readonly availabilityZones: readonly string[];
  /** The new VPC range. */
  readonly vpcCidr: string;
  /** Position on the promotion path. */
  readonly deployOrder: number;
  /** Production rules on or off. */
  readonly production: boolean;
  /** Hosted zone id, or undefined for a placeholder to replace. */
  readonly hostedZoneId?: string;
}

/**
 * The new environment's file: the source's text with every section kept (whatever families it
 * configures), identity fields set, and the source's name, account and region rewritten in
 * every value (state bucket, hosts, secret and role ARNs, alert addresses). Comments survive.
 */
export function deriveEnvironment(sourceText: string, d: Derivation): Document {
  const doc = parseDocument(sourceText);
  rewriteStrings(doc, [
    [d.fromAccountId, d.accountId],
    [nameToken(d.from), d.name],
    ...(d.region !== d.fromRegion ? ([[d.fromRegion, d.region]] as const) : []),
  ]);

  // A zone named without the environment (prod's apex zone): the new one gets a subdomain.
  const zone = String(doc.getIn(['ecs', 'hostedZone', 'name']) ?? '');
  if (zone && !zone.split('.').includes(d.name)) {
    const newZone = `${d.name}.${zone}`;
    visit(doc, {
      Scalar(key, node) {
        if (key === 'key' || typeof node.value !== 'string') return;
        if (node.value === zone || node.value.endsWith(`.${zone}`)) {
          node.value = `${node.value.slice(0, -zone.length)}${newZone}`;
        }
      },
    });
  }

  set(doc, ['name'], d.name);
  set(doc, ['deployOrder'], d.deployOrder);
  set(doc, ['production'], d.production);
  set(doc, ['aws', 'accountId'], d.accountId);
  set(doc, ['aws', 'region'], d.region);
  const zones = doc.createNode([...d.availabilityZones]);
  zones.flow = true;
  doc.setIn(['aws', 'availabilityZones'], zones);
  set(doc, ['network', 'vpcCidr'], d.vpcCidr);
  if (doc.hasIn(['ecs', 'hostedZone', 'id'])) {
    const placeholder = `Z0${d.name.toUpperCase()}${d.accountId}`.slice(0, 32);
    set(doc, ['ecs', 'hostedZone', 'id'], d.hostedZoneId ?? placeholder);
    if (!d.hostedZoneId) {
      const id = doc.getIn(['ecs', 'hostedZone', 'id'], true) as Scalar;
      id.comment = ' REPLACE with the id of this zone in the new account (--hostedZoneId)';
    }
  }
  describeOrigin(doc, d.from, d.name, 'the hosted zone, secret ARNs and alert subscriptions');
  return doc;
}

/** The source's name as a word of a value: `dev` in `dev/web` or `acme-dev`, not in `devices`. */
export function nameToken(name: string): RegExp {
  return new RegExp(`(?<![A-Za-z0-9])${escape(name)}(?![A-Za-z0-9])`);
}

/**
 * Rewrites every string value (never a key) of the document: each `[from, to]` pair at once,
 * in one pass, so a replacement is never rewritten again (a new project id that contains the
 * source's name keeps it). A string `from` is replaced wherever it occurs.
 */
export function rewriteStrings(
  doc: Document,
  pairs: readonly (readonly [string | RegExp, string])[],
): void {
  if (pairs.length === 0) return;
  const sources = pairs.map(([from]) => (typeof from === 'string' ? escape(from) : from.source));
  const any = new RegExp(sources.map((source) => `(${source})`).join('|'), 'g');
  const replace = (...match: unknown[]) => {
    const group = match.slice(1, pairs.length + 1).findIndex((g) => g !== undefined);
    return pairs[group]?.[1] ?? String(match[0]);
  };
  visit(doc, {
    Scalar(key, node) {
      if (key !== 'key' && typeof node.value === 'string') {
        node.value = node.value.replace(any, replace);
      }
    },
  });
}

/**
 * The file's header (a comment on the document or on its first key) describes the source:
 * keeps the editor's schema line and says where the new file came from and what to review.
 */
export function describeOrigin(doc: Document, from: string, name: string, review: string): void {
  const first = isMap(doc.contents) ? doc.contents.items[0]?.key : undefined;
  const header = [doc.commentBefore, isScalar(first) ? first.commentBefore : undefined].join('\n');
  const schemaLine = header.split('\n').filter((line) => line.includes('yaml-language-server'));
  doc.commentBefore = [
    ...schemaLine,
    ...(schemaLine.length > 0 ? [''] : []),
    ` ${name}: derived from ${from} (nx g @platform/plugin:environment). Review every value,`,
    ` especially ${review}.`,
  ].join('\n');
  if (isScalar(first)) first.commentBefore = undefined;
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Sets an existing scalar's value in place (keeping its quoting and comments), or adds it. */
export function set(doc: Document, path: string[], value: unknown): void {
  const node = doc.getIn(path, true);
  if (isScalar(node)) node.value = value;
  else doc.setIn(path, value);
}
