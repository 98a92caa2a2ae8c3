import { cidrsOverlap, gcpEnvironmentSchema, isCanonicalCidr } from '@platform/config';
import type { YAMLSeq } from 'yaml';
import { splitList } from '../../lib/environments';
import type { CloudInput, CloudOutcome } from './cloud';
import { deriveGcpEnvironment } from './derive-gcp';
import { chooseRange, gcpZonesOf, primaryCidrOf, suggestCidr } from './network';

/** The real schema's rules for the `gcp:` fields the options set (one rule, one message). */
const GCP_FIELDS = gcpEnvironmentSchema.shape.gcp.shape;

/** Ranges the new environment keeps from its source: they must stay clear of its primary range. */
const KEPT_RANGES = [
  ['network', 'podsCidr'],
  ['network', 'servicesCidr'],
  ['gke', 'controlPlaneCidr'],
] as const;

/**
 * A GCP environment derived from a GCP one: its own project (id and number, nobody else's), a
 * region, its zones, a network range of the source's size clear of every environment's and of
 * the GKE ranges it keeps. Only the first GCP environment builds images: a later one has no
 * `delivery.github`.
 */
export function gcpEnvironment({
  name,
  source,
  sourceText,
  others,
  path,
  deployOrder,
  options,
}: CloudInput): CloudOutcome {
  const projectId = String(options.projectId ?? '').trim();
  const projectNumber = String(options.projectNumber ?? '').trim();
  const region = options.region ?? String(source.doc.getIn(['gcp', 'region']) ?? '');
  const gcp = others.filter((e) => e.doc.get('cloud') === 'gcp');
  const idOwner = gcp.find((e) => String(e.doc.getIn(['gcp', 'projectId'])) === projectId);
  const numberOwner = gcp.find(
    (e) => String(e.doc.getIn(['gcp', 'projectNumber'])) === projectNumber,
  );
  const checks: [boolean, string][] = [
    [
      projectId === '',
      '--projectId: required for a gcp environment (its own project, e.g. acme-platform-qa)',
    ],
    [
      projectId !== '' && !!rule(GCP_FIELDS.projectId, projectId),
      `--projectId "${projectId}": ${rule(GCP_FIELDS.projectId, projectId)}`,
    ],
    [
      idOwner !== undefined,
      `--projectId ${projectId} is ${idOwner?.name}'s project; every environment needs its own`,
    ],
    [
      projectNumber === '',
      "--projectNumber: required for a gcp environment (the project's number, digits)",
    ],
    [
      projectNumber !== '' && !!rule(GCP_FIELDS.projectNumber, projectNumber),
      `--projectNumber "${projectNumber}": must be the project's number, 6-19 digits not starting with 0`,
    ],
    [
      numberOwner !== undefined,
      `--projectNumber ${projectNumber} is ${numberOwner?.name}'s project number; every environment needs its own`,
    ],
    [!!rule(GCP_FIELDS.region, region), `--region "${region}": ${rule(GCP_FIELDS.region, region)}`],
  ];
  const problems = checks.filter(([failed]) => failed).map(([, message]) => message);
  if (problems.length > 0) return { problems };

  const kept = KEPT_RANGES.map((field) => ({
    field: field.join('.'),
    cidr: String(source.doc.getIn(field) ?? ''),
  })).filter((r) => isCanonicalCidr(r.cidr));
  const prefixLength = Number(primaryCidrOf(source).split('/')[1]);
  const range = chooseRange(
    options.cidr,
    prefixLength,
    others,
    kept.map((r) => r.cidr),
  );
  if (!range.cidr) return range;
  const cidr = range.cidr;
  const clashes = isCanonicalCidr(cidr) ? kept.filter((r) => cidrsOverlap(cidr, r.cidr)) : [];
  if (range.problems.length > 0 || clashes.length > 0) {
    const free = suggestCidr(prefixLength, [
      ...others.map(primaryCidrOf).filter(isCanonicalCidr),
      ...kept.map((r) => r.cidr),
    ]);
    return {
      problems: [
        ...range.problems,
        ...clashes.map(
          (r) =>
            `--cidr ${cidr} overlaps ${r.field} ${r.cidr}, kept from ${source.name}: pass a --cidr clear of the GKE ranges${free ? ` (e.g. --cidr=${free})` : ''}`,
        ),
      ],
    };
  }

  const first = path[0];
  const imagesBuiltIn = first !== name ? first : undefined;
  const sourceZones = (source.doc.getIn(['gcp', 'zones'], true) as YAMLSeq).items.length;
  const zones = splitList(options.zones);
  const doc = deriveGcpEnvironment(sourceText, {
    from: source.name,
    name,
    fromProjectId: String(source.doc.getIn(['gcp', 'projectId'])),
    projectId,
    fromProjectNumber: String(source.doc.getIn(['gcp', 'projectNumber'])),
    projectNumber,
    fromRegion: String(source.doc.getIn(['gcp', 'region'])),
    region,
    zones: zones.length > 0 ? zones : gcpZonesOf(region, sourceZones),
    cidr,
    deployOrder,
    production: options.production ?? source.doc.get('production') === true,
    imagesBuiltIn,
  });
  const hadGithub = source.doc.hasIn(['delivery', 'github']);
  const formerFirst = gcp.find((e) => e.name === path[1]);
  return {
    doc,
    cidr,
    notes: [
      ...(imagesBuiltIn && hadGithub
        ? [
            `environments/${name}.yaml: ${source.name}'s delivery.github left out: images are built in ${imagesBuiltIn} (the first GCP environment) and promoted here`,
          ]
        : []),
      ...(!imagesBuiltIn && formerFirst?.doc.hasIn(['delivery', 'github'])
        ? [
            `${formerFirst.path}: still has delivery.github, but images are now built in ${name} (the first GCP environment): remove it there`,
          ]
        : []),
    ],
    nextSteps: [
      `create the project ${projectId} (billing linked), then bootstrap it: npx nx run bootstrap:deploy -c ${name}`,
      ...(imagesBuiltIn
        ? []
        : [
            `Cloud Build: the GitHub App installation and the token secret in ${projectId} (delivery.github; see libs/gcp/delivery/README.md)`,
          ]),
      `GitHub: an environment "${name}" (with reviewers if it serves customers) with the variables GCP_WIF_PROVIDER and GCP_DEPLOY_SERVICE_ACCOUNT, and the repository variables GCP_WIF_PROVIDER_${name.toUpperCase()} and GCP_PLAN_SERVICE_ACCOUNT_${name.toUpperCase()}`,
    ],
  };
}

/** The schema's message when `value` breaks the field's rule, or undefined. */
function rule(
  field: { safeParse(value: unknown): { error?: { issues: { message: string }[] } } },
  value: string,
): string | undefined {
  return field.safeParse(value).error?.issues[0]?.message;
}
