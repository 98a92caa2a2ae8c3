// What a pull request's plan shows for the changes platform engineers make every week, planned
// offline by the real terraform against the state the plan matrix left (see scenarios.ts).
import { isMap, isSeq, type Document, type YAMLMap, type YAMLSeq } from 'yaml';
import { planScenario, type ScenarioPlan } from './scenarios';

// each scenario synthesizes up to four families and runs up to four terraform plans
jest.setTimeout(900_000);

const ENVIRONMENTS = ['dev', 'staging', 'prod'] as const;
const SERVICE_FAMILIES = ['registry', 'ecs', 'delivery', 'observability'];
const required = process.env['PLATFORM_REQUIRE_TERRAFORM'] === '1';

function services(doc: Document): YAMLSeq<YAMLMap> {
  const list = doc.get('services');
  if (!isSeq(list)) throw new Error('services is not a list');
  return list as YAMLSeq<YAMLMap>;
}

function everyEnvironment(edit: (doc: Document, env: string) => void) {
  return Object.fromEntries(ENVIRONMENTS.map((env) => [env, (doc: Document) => edit(doc, env)]));
}

/** The scenario's plans, or a skip when terraform is not installed (an error where CI requires it). */
async function plans(
  edits: Parameters<typeof planScenario>[0],
  stacks: string[],
): Promise<ScenarioPlan[] | undefined> {
  const result = await planScenario(edits, stacks);
  if (!result && required)
    throw new Error('terraform is required (PLATFORM_REQUIRE_TERRAFORM=1) but not on PATH');
  return result;
}

function expectCountsAgree(result: ScenarioPlan) {
  const { add, change, destroy } = result.summary.total;
  expect({ stack: result.stack, add, change, destroy }).toEqual({
    stack: result.stack,
    ...result.terraform,
  });
}

/** The resources a plan replaces (destroy and create, in either order). */
const replaced = (result: ScenarioPlan) =>
  result.summary.plans
    .flatMap((p) => p.resources)
    .filter((r) => r.actions.includes('delete') && r.actions.includes('create'));

describe('change scenarios, planned offline against the plan matrix state', () => {
  it('adding a service in every environment creates its resources and destroys nothing', async () => {
    const result = await plans(
      everyEnvironment((doc) => {
        const api = services(doc).items.find((s) => s.get('name') === 'api')!;
        const payments = api.clone() as YAMLMap;
        payments.set('name', 'payments');
        payments.set('repository', 'payments');
        const route = payments.get('route') as YAMLMap;
        route.set('host', String(route.get('host')).replace(/^api\./, 'payments.'));
        (payments.get('source') as YAMLMap).set('repository', 'acme/payments');
        payments.delete('secrets');
        services(doc).add(payments);
      }),
      // observability reads the services from ECS's remote state (a fixture here), so in a real
      // run it is planned after ECS applied; the stacks the new service itself creates are these
      ['registry-dev', 'ecs-dev', 'delivery-dev'],
    );
    if (!result) return;
    for (const plan of result) {
      expectCountsAgree(plan);
      expect({ stack: plan.stack, destroy: plan.terraform.destroy }).toEqual({
        stack: plan.stack,
        destroy: 0,
      });
      expect(plan.guard.code).toBe(0);
    }
    const byStack = Object.fromEntries(result.map((r) => [r.stack, r]));
    expect(byStack['registry-dev']!.terraform.add).toBeGreaterThan(0);
    expect(byStack['ecs-dev']!.terraform.add).toBeGreaterThan(0);
    // the route is covered by the zone's default certificate: no certificate is replaced
    expect(replaced(byStack['ecs-dev']!)).toEqual([]);
  });

  it('removing a service destroys its resources and the guard blocks the loss of its image repository', async () => {
    const result = await plans(
      everyEnvironment((doc) => {
        const list = services(doc);
        list.items = list.items.filter((s) => s.get('name') !== 'api');
      }),
      ['registry-dev', 'ecs-dev'],
    );
    if (!result) return;
    for (const plan of result) {
      expectCountsAgree(plan);
      expect(plan.terraform.destroy).toBeGreaterThan(0);
    }
    const registry = result.find((r) => r.stack === 'registry-dev')!;
    expect(registry.guard.code).toBe(3);
    expect(registry.guard.violations.map((v) => v.address).join(' ')).toMatch(
      /aws_ecr_repository\./,
    );
  });

  it('reordering the services of every environment changes nothing in any stack that reads them', async () => {
    const result = await plans(
      everyEnvironment((doc) => {
        services(doc).items.reverse();
      }),
      SERVICE_FAMILIES.map((f) => `${f}-dev`),
    );
    if (!result) return;
    for (const plan of result) {
      expectCountsAgree(plan);
      expect({ stack: plan.stack, line: plan.line }).toEqual({
        stack: plan.stack,
        line: expect.stringMatching(/^No changes\./),
      });
    }
  });

  it('changing the flow-log retention is exactly one in-place update', async () => {
    const result = await plans(
      { dev: (doc) => doc.setIn(['network', 'flowLogRetentionDays'], 60) },
      ['network-dev'],
    );
    if (!result) return;
    const [plan] = result;
    expectCountsAgree(plan!);
    expect(plan!.terraform).toEqual({ add: 0, change: 1, destroy: 0 });
    expect(plan!.guard.code).toBe(0);
  });

  it("changing a private tier's size replaces its subnets, each with the attribute that forced it", async () => {
    const result = await plans(
      { dev: (doc) => doc.setIn(['network', 'subnets', 'private', 'prefixLength'], 21) },
      ['network-dev'],
    );
    if (!result) return;
    const [plan] = result;
    expectCountsAgree(plan!);
    const subnets = replaced(plan!).filter((r) => r.address.startsWith('aws_subnet.'));
    expect(subnets.length).toBeGreaterThan(0);
    for (const subnet of subnets) expect(subnet.replacePaths).toContain('cidr_block');
    // subnets are not protected by the guard: their replacement is shown, not blocked; the VPC stays
    expect(replaced(plan!).some((r) => r.address.startsWith('aws_vpc.'))).toBe(false);
    expect(plan!.guard.code).toBe(0);
  });

  it("changing an EKS node group's maximum size is one in-place update, no replacement", async () => {
    const result = await plans(
      {
        dev: (doc) => {
          const groups = doc.getIn(['eks', 'nodes', 'groups']);
          if (!isSeq(groups) || !isMap(groups.items[0])) throw new Error('eks.nodes.groups');
          (groups.items[0] as YAMLMap).set(
            'maxSize',
            Number((groups.items[0] as YAMLMap).get('maxSize')) + 2,
          );
        },
      },
      ['eks-dev'],
    );
    if (!result) return;
    const [plan] = result;
    expectCountsAgree(plan!);
    expect(plan!.terraform).toEqual({ add: 0, change: 1, destroy: 0 });
  });
});
