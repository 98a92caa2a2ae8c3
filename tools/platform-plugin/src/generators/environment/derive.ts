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
  const token = new RegExp(`(?<![A-Za-z0-9])${d.from}(?![A-Za-z0-9])`, 'g');
  const rewrite = (value: string) => {
    let next = value.split(d.fromAccountId).join(d.accountId).replace(token, d.name);
    if (d.region !== d.fromRegion) next = next.split(d.fromRegion).join(d.region);
    return next;
  };
  visit(doc, {
    Scalar(key, node) {
      if (key !== 'key' && typeof node.value === 'string') node.value = rewrite(node.value);
    },
  });

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
  // The file's header (a comment on the document or on its first key) describes the source:
  // keep the editor's schema line, say where the new file came from.
  const first = isMap(doc.contents) ? doc.contents.items[0]?.key : undefined;
  const header = [doc.commentBefore, isScalar(first) ? first.commentBefore : undefined].join('\n');
  const schemaLine = header.split('\n').filter((line) => line.includes('yaml-language-server'));
  doc.commentBefore = [
    ...schemaLine,
    ...(schemaLine.length > 0 ? [''] : []),
    ` ${d.name}: derived from ${d.from} (nx g @platform/plugin:environment). Review every value,`,
    ' especially the hosted zone, secret ARNs and alert subscriptions.',
  ].join('\n');
  if (isScalar(first)) first.commentBefore = undefined;
  return doc;
}

/** Sets an existing scalar's value in place (keeping its quoting and comments), or adds it. */
function set(doc: Document, path: string[], value: unknown): void {
  const node = doc.getIn(path, true);
  if (isScalar(node)) node.value = value;
  else doc.setIn(path, value);
}
