// The checker against terraform's own validation on deliberately broken AWS resources, with the
// AWS provider's schema made here by terraform (`terraform providers schema -json`): for every
// kind of finding, both must reject the broken resource and both accept the fixed one. Where they
// disagree by design, the case says so (README: "What the check does not cover").
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkStackSchema, type FindingKind } from '../check';
import type { ProviderSchemas } from '../schema';
import {
  terraform,
  terraformEnvironment,
  terraformVersion,
  validate,
  type Diagnostic,
} from './terraform';

const AWS = { source: 'hashicorp/aws', version: '5.100.0' };
const version = terraformVersion();
const required = process.env['PLATFORM_REQUIRE_TERRAFORM'] === '1';
if (!version && !required)
  console.warn(
    'schema-check: terraform is not on PATH — SKIPPING the agreement test with terraform validate. Set PLATFORM_REQUIRE_TERRAFORM=1 to make this an error.',
  );
const describeWithTerraform = version || required ? describe : describe.skip;

type Json = Record<string, unknown>;

/** One broken block and its fix; `run` groups cases that terraform validates together. */
interface Case {
  readonly name: string;
  /** `aws_vpc.x`, `data.aws_iam_policy_document.d` or `provider.aws`. */
  readonly address: string;
  readonly broken: Json;
  readonly fixed: Json;
  /** What the checker reports on the broken block ([] when it cannot see the problem). */
  readonly kinds: readonly FindingKind[];
  /** What terraform says (undefined when terraform accepts the broken block). */
  readonly terraform: RegExp | undefined;
  /**
   * Blocks terraform validates in one run. A broken provider block stops terraform from
   * validating the resources that use it, so provider cases run alone.
   */
  readonly run: 'resources' | 'provider-decode' | 'provider-count';
}

const AGREE: readonly Case[] = [
  {
    name: 'unknown attribute',
    address: 'aws_s3_bucket.unknown_attribute',
    broken: { bucket: 'acme-a', acceleration: true },
    fixed: { bucket: 'acme-a' },
    kinds: ['unknown-attribute'],
    terraform: /Extraneous JSON object property/,
    run: 'resources',
  },
  {
    name: 'unknown block',
    address: 'aws_instance.unknown_block',
    broken: {
      ami: 'ami-1',
      instance_type: 't3.micro',
      metadata_option: { http_tokens: 'required' },
    },
    fixed: {
      ami: 'ami-1',
      instance_type: 't3.micro',
      metadata_options: { http_tokens: 'required' },
    },
    kinds: ['unknown-block'],
    terraform: /Extraneous JSON object property/,
    run: 'resources',
  },
  {
    name: 'unknown attribute inside a nested block',
    address: 'data.aws_iam_policy_document.nested_unknown',
    broken: { statement: [{ effect: 'Allow', actionz: ['s3:GetObject'], resources: ['*'] }] },
    fixed: { statement: [{ effect: 'Allow', actions: ['s3:GetObject'], resources: ['*'] }] },
    kinds: ['unknown-attribute'],
    terraform: /Extraneous JSON object property/,
    run: 'resources',
  },
  {
    name: 'unknown attribute in a dynamic block’s content',
    address: 'aws_instance.dynamic_content',
    broken: {
      ami: 'ami-1',
      instance_type: 't3.micro',
      dynamic: {
        ebs_block_device: {
          for_each: '${var.devices}',
          content: { device_name: '${ebs_block_device.value}', size: 10 },
        },
      },
    },
    fixed: {
      ami: 'ami-1',
      instance_type: 't3.micro',
      dynamic: {
        ebs_block_device: {
          for_each: '${var.devices}',
          content: { device_name: '${ebs_block_device.value}', volume_size: 10 },
        },
      },
    },
    kinds: ['unknown-attribute'],
    terraform: /Extraneous JSON object property/,
    run: 'resources',
  },
  {
    name: 'missing required attribute',
    address: 'aws_iam_role.missing_required',
    broken: { name: 'deploy' },
    fixed: { name: 'deploy', assume_role_policy: '${var.trust}' },
    kinds: ['missing-required'],
    terraform: /Missing required argument/,
    run: 'resources',
  },
  {
    name: 'computed-only attribute set',
    address: 'aws_vpc.computed_only',
    broken: { cidr_block: '10.0.0.0/16', arn: 'arn:aws:ec2:eu-west-1:111111111111:vpc/vpc-1' },
    fixed: { cidr_block: '10.0.0.0/16' },
    kinds: ['computed-only'],
    terraform: /Value for unconfigurable attribute/,
    run: 'resources',
  },
  {
    name: 'wrong type: a number for a bool',
    address: 'aws_vpc.wrong_type',
    broken: { cidr_block: '10.1.0.0/16', enable_dns_support: 1 },
    fixed: { cidr_block: '10.1.0.0/16', enable_dns_support: true },
    kinds: ['wrong-type'],
    terraform: /Incorrect attribute value type/,
    run: 'resources',
  },
  {
    name: 'wrong type: an object inside a map of strings',
    address: 'aws_vpc.wrong_map_element',
    broken: { cidr_block: '10.2.0.0/16', tags: { Team: { name: 'platform' } } },
    fixed: { cidr_block: '10.2.0.0/16', tags: { Team: 'platform' } },
    kinds: ['wrong-type'],
    terraform: /Incorrect attribute value type/,
    run: 'resources',
  },
  {
    name: 'wrong type: a list of objects missing members (attributes written as blocks)',
    address: 'aws_security_group.object_members',
    broken: { ingress: [{ from_port: 443, to_port: 443, protocol: 'tcp' }] },
    fixed: {
      ingress: [
        {
          from_port: 443,
          to_port: 443,
          protocol: 'tcp',
          cidr_blocks: ['10.0.0.0/8'],
          description: 'HTTPS',
          ipv6_cidr_blocks: null,
          prefix_list_ids: null,
          security_groups: null,
          self: null,
        },
      ],
    },
    kinds: ['wrong-type'],
    terraform: /Incorrect attribute value type/,
    run: 'resources',
  },
  {
    name: 'a block written as a reference',
    address: 'aws_instance.block_as_reference',
    broken: { ami: 'ami-1', instance_type: 't3.micro', metadata_options: '${var.metadata}' },
    fixed: {
      ami: 'ami-1',
      instance_type: 't3.micro',
      metadata_options: [{ http_tokens: 'required' }],
    },
    kinds: ['wrong-type'],
    terraform: /Incorrect JSON value type/,
    run: 'resources',
  },
  {
    name: 'too many blocks for max_items = 1',
    address: 'aws_instance.too_many_blocks',
    broken: {
      ami: 'ami-1',
      instance_type: 't3.micro',
      metadata_options: [{ http_tokens: 'required' }, { http_tokens: 'optional' }],
    },
    fixed: {
      ami: 'ami-1',
      instance_type: 't3.micro',
      metadata_options: [{ http_tokens: 'required' }],
    },
    kinds: ['too-many-blocks'],
    terraform: /Too many metadata_options blocks/,
    run: 'resources',
  },
  {
    name: 'too few blocks for min_items = 1',
    address: 'aws_s3_bucket_versioning.too_few_blocks',
    broken: { bucket: 'acme-a' },
    fixed: { bucket: 'acme-a', versioning_configuration: { status: 'Enabled' } },
    kinds: ['too-few-blocks'],
    terraform: /Insufficient versioning_configuration blocks/,
    run: 'resources',
  },
  {
    name: 'provider block: unknown attribute and wrong type',
    address: 'provider.aws',
    broken: { region: 'eu-west-1', regionn: 'eu-west-1', max_retries: 'many' },
    fixed: { region: 'eu-west-1', max_retries: 5 },
    kinds: ['unknown-attribute', 'wrong-type'],
    terraform: /Extraneous JSON object property|Incorrect attribute value type/,
    run: 'provider-decode',
  },
];

/** Where the two disagree by design: what each says is pinned here and in the README. */
const GAPS: readonly Case[] = [
  {
    name: 'provider-side validator (ValidateFunc): not a CIDR block — terraform only',
    address: 'aws_vpc.validator',
    broken: { cidr_block: 'not-a-cidr' },
    fixed: { cidr_block: '10.3.0.0/16' },
    kinds: [],
    terraform: /expected cidr_block to contain a valid Value/,
    run: 'resources',
  },
  {
    name: 'ConflictsWith between arguments — terraform only',
    address: 'aws_s3_bucket.conflict',
    broken: { bucket: 'acme-b', bucket_prefix: 'acme-' },
    fixed: { bucket: 'acme-b' },
    kinds: [],
    terraform: /Conflicting configuration arguments/,
    run: 'resources',
  },
  {
    name: 'an object attribute’s unknown key — the checker only (terraform drops it silently)',
    address: 'aws_security_group.object_extra_key',
    broken: {
      egress: [
        {
          from_port: 0,
          to_port: 0,
          protocol: '-1',
          cidr_blocks: ['10.0.0.0/8'],
          description: 'all',
          ipv6_cidr_blocks: null,
          prefix_list_ids: null,
          security_groups: null,
          self: null,
          destination: 'typo',
        },
      ],
    },
    fixed: { egress: [] },
    kinds: ['unknown-attribute'],
    terraform: undefined,
    run: 'resources',
  },
  {
    name: 'a count a validator enforces, not the schema (the AWS provider block’s default_tags: plugin framework, no max_items) — terraform only',
    address: 'provider.aws',
    broken: { region: 'eu-west-1', default_tags: [{ tags: { a: '1' } }, { tags: { b: '2' } }] },
    fixed: { region: 'eu-west-1', default_tags: [{ tags: { a: '1', b: '2' } }] },
    kinds: [],
    terraform: /Too many list items/,
    run: 'provider-count',
  },
];

/** A configuration holding the given blocks of each case (plus what they reference). */
function configOf(cases: readonly Case[], pick: 'broken' | 'fixed'): Json {
  // a provider block is only validated when a resource uses it
  const resource: Record<string, Json> = { aws_sqs_queue: { anchor: { name: 'anchor' } } };
  const data: Record<string, Json> = {};
  const provider: Json[] = [];
  for (const c of cases) {
    const body = c[pick];
    if (c.address.startsWith('provider.')) {
      provider.push(body);
      continue;
    }
    const isData = c.address.startsWith('data.');
    const [type, name] = (isData ? c.address.slice(5) : c.address).split('.') as [string, string];
    const mode = isData ? data : resource;
    (mode[type] ??= {})[name] = body;
  }
  return {
    terraform: { required_providers: { aws: AWS } },
    provider: { aws: provider.length > 0 ? provider : [{ region: 'eu-west-1' }] },
    variable: { devices: {}, trust: {}, metadata: {} },
    resource,
    ...(Object.keys(data).length ? { data } : {}),
  };
}

/** terraform's error diagnostics about one case's block. */
function errorsOf(diagnostics: readonly Diagnostic[], c: Case): Diagnostic[] {
  const context =
    c.address.startsWith('provider.') || c.address.startsWith('data.')
      ? c.address
      : `resource.${c.address}`;
  return diagnostics.filter(
    (d) =>
      d.severity === 'error' &&
      (d.address === c.address ||
        d.snippet?.context === context ||
        d.snippet?.context?.startsWith(`${context}.`) ||
        d.snippet?.context?.startsWith(`${context}[`)),
  );
}

describeWithTerraform(
  'the schema check agrees with terraform validate (hashicorp/aws 5.100.0)',
  () => {
    let dir: string;
    let env: NodeJS.ProcessEnv;
    let schemas: ProviderSchemas;
    const results = new Map<string, { valid: boolean; diagnostics: Diagnostic[] }>();
    const cases = [...AGREE, ...GAPS];
    const runs = [...new Set(cases.map((c) => c.run))];

    beforeAll(() => {
      if (!version) throw new Error('PLATFORM_REQUIRE_TERRAFORM=1 but terraform is not on PATH');
      dir = mkdtempSync(join(tmpdir(), 'schema-check-aws-'));
      env = terraformEnvironment(join(dir, '.tf'));
      writeFileSync(
        join(dir, 'main.tf.json'),
        JSON.stringify({ terraform: { required_providers: { aws: AWS } } }),
      );
      const init = terraform(dir, env, ['init', '-backend=false', '-input=false', '-no-color']);
      if (init.status !== 0)
        throw new Error(`terraform init failed: ${init.stderr || init.stdout}`);
      const shown = terraform(dir, env, ['providers', 'schema', '-json']);
      if (shown.status !== 0) throw new Error(`terraform providers schema failed: ${shown.stderr}`);
      schemas = JSON.parse(shown.stdout) as ProviderSchemas;
      for (const run of runs) {
        const group = cases.filter((c) => c.run === run);
        results.set(`${run}/broken`, validate(dir, env, configOf(group, 'broken')));
        results.set(`${run}/fixed`, validate(dir, env, configOf(group, 'fixed')));
      }
    });

    afterAll(() => {
      if (dir) rmSync(dir, { recursive: true, force: true });
    });

    const kindsFor = (c: Case, pick: 'broken' | 'fixed') =>
      checkStackSchema(configOf([c], pick), schemas, { stack: 'aws-proof' })
        .findings.filter((f) => f.address === c.address)
        .map((f) => f.kind)
        .sort();

    describe.each(AGREE.map((c) => [c.name, c] as const))('%s', (_name, c) => {
      it('both reject the broken block', () => {
        const errors = errorsOf(results.get(`${c.run}/broken`)!.diagnostics, c);
        expect(errors.map((e) => e.summary).join('; ')).toMatch(c.terraform!);
        expect(kindsFor(c, 'broken')).toEqual([...c.kinds].sort());
      });
      it('both accept the fixed block', () => {
        expect(errorsOf(results.get(`${c.run}/fixed`)!.diagnostics, c)).toEqual([]);
        expect(kindsFor(c, 'fixed')).toEqual([]);
      });
    });

    describe.each(GAPS.map((c) => [c.name, c] as const))('known gap: %s', (_name, c) => {
      it('terraform and the checker say what the README says they say', () => {
        const errors = errorsOf(results.get(`${c.run}/broken`)!.diagnostics, c);
        if (c.terraform)
          expect(errors.map((e) => e.summary + (e.detail ?? '')).join('; ')).toMatch(c.terraform);
        else expect(errors).toEqual([]);
        expect(kindsFor(c, 'broken')).toEqual([...c.kinds].sort());
        expect(errorsOf(results.get(`${c.run}/fixed`)!.diagnostics, c)).toEqual([]);
        expect(kindsFor(c, 'fixed')).toEqual([]);
      });
    });

    it('every fixed configuration is valid as a whole', () => {
      for (const run of runs)
        expect([run, results.get(`${run}/fixed`)!.valid]).toEqual([run, true]);
    });
  },
);
