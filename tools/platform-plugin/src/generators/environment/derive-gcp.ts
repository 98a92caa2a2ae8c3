import { type Document, isMap, parseDocument } from 'yaml';
import { describeOrigin, nameToken, rewriteStrings, set } from './derive';

/** What changes from a GCP source environment to the new one. */
export interface GcpDerivation {
  /** Source environment name, e.g. gcpdev. */
  readonly from: string;
  /** New environment name, e.g. gcpstage. */
  readonly name: string;
  /** Source project id. */
  readonly fromProjectId: string;
  /** New project id. */
  readonly projectId: string;
  /** Source project number. */
  readonly fromProjectNumber: string;
  /** New project number. */
  readonly projectNumber: string;
  /** Source region. */
  readonly fromRegion: string;
  /** New region. */
  readonly region: string;
  /** Zones of the new region. */
  readonly zones: readonly string[];
  /** The new network's primary range. */
  readonly cidr: string;
  /** Position on the GCP promotion path. */
  readonly deployOrder: number;
  /** Production rules on or off. */
  readonly production: boolean;
  /**
   * The first GCP environment, where images are built, when that is not the new one: the new
   * file then has no `delivery.github` of its own. Undefined when the new one is first.
   */
  readonly imagesBuiltIn?: string;
}

/**
 * The new GCP environment's file: the source's text with every section kept, identity fields
 * set, and the source's project id, project number, name and region rewritten in every value
 * (state bucket, secret versions, alert addresses). The secondary ranges (pods, services,
 * control plane) are kept: they are private to the network. Comments survive.
 */
export function deriveGcpEnvironment(sourceText: string, d: GcpDerivation): Document {
  const doc = parseDocument(sourceText);
  rewriteStrings(doc, [
    [d.fromProjectId, d.projectId],
    [d.fromProjectNumber, d.projectNumber],
    [nameToken(d.from), d.name],
    ...(d.region !== d.fromRegion ? ([[d.fromRegion, d.region]] as const) : []),
  ]);

  set(doc, ['name'], d.name);
  set(doc, ['deployOrder'], d.deployOrder);
  set(doc, ['production'], d.production);
  set(doc, ['gcp', 'projectId'], d.projectId);
  set(doc, ['gcp', 'projectNumber'], d.projectNumber);
  set(doc, ['gcp', 'region'], d.region);
  const zones = doc.createNode([...d.zones]);
  zones.flow = true;
  doc.setIn(['gcp', 'zones'], zones);
  set(doc, ['network', 'cidr'], d.cidr);

  const delivery = doc.get('delivery', true);
  if (d.imagesBuiltIn && isMap(delivery) && delivery.has('github')) {
    delivery.delete('github');
    delivery.comment = ` Images are built in ${d.imagesBuiltIn} and promoted here: no GitHub connection of its own.`;
  }
  describeOrigin(doc, d.from, d.name, 'the project, secret versions and alert subscriptions');
  return doc;
}
