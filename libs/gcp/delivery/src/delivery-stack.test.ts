import {
  artifactRepositoryId,
  cloudDeployExecutionServiceAccountEmail,
  gkeClusterId,
} from '@platform/config';
import { gcpEnvironments, resourcesOf, type StackJson, synthJson } from '@platform/testing';
import { App } from 'cdktf';
import { GcpDeliveryStack, hasGcpDelivery } from './delivery-stack';

const all = gcpEnvironments();
const [first, ...later] = all;
const pipelineJson = synthJson(new GcpDeliveryStack(new App(), first!, all));
const named = (json: StackJson, type: string, name: string) =>
  resourcesOf(json, type).find((r) => r['name'] === name)!;
type Stage = { target_id: string; strategy?: { canary?: Record<string, unknown> } };
const stagesOf = (service: string) =>
  (
    named(pipelineJson, 'google_clouddeploy_delivery_pipeline', service)['serial_pipeline'] as {
      stages: Stage[];
    }
  ).stages;

describe('GCP delivery stack', () => {
  it('every GCP environment has one once the first builds a service', () => {
    expect(hasGcpDelivery(all)).toBe(true);
    expect(hasGcpDelivery(all.map((e) => ({ ...e, services: [] })))).toBe(false);
  });

  it('the pipelines live in the first GCP environment and promote through every GCP environment in order', () => {
    expect(first!.name).toBe('gcpdev');
    for (const service of first!.services) {
      expect(stagesOf(service.name).map((s) => s.target_id)).toEqual(all.map((e) => e.name));
    }
    const targets = resourcesOf(pipelineJson, 'google_clouddeploy_target');
    expect(new Set(targets.map((t) => t['project']))).toEqual(new Set([first!.gcp.projectId]));
  });

  it('each target points at the cluster id the gke family creates, through its DNS endpoint', () => {
    for (const env of all) {
      expect(named(pipelineJson, 'google_clouddeploy_target', env.name)['gke']).toEqual({
        cluster: gkeClusterId(env),
        dns_endpoint: true,
      });
    }
  });

  it('only production targets wait for approval', () => {
    for (const env of all) {
      expect(named(pipelineJson, 'google_clouddeploy_target', env.name)['require_approval']).toBe(
        env.production,
      );
    }
  });

  it("production rolls out as a canary with the production environment's steps", () => {
    const production = all[all.length - 1]!;
    for (const service of first!.services) {
      const last = stagesOf(service.name)[all.length - 1]!;
      expect(last.strategy?.canary?.['canary_deployment']).toEqual(
        expect.objectContaining({ percentages: production.delivery.canaryPercentages }),
      );
    }
  });

  it('connects to GitHub through the configured app installation and token secret version', () => {
    const [connection] = resourcesOf(pipelineJson, 'google_cloudbuildv2_connection');
    expect(connection!['github_config']).toEqual({
      app_installation_id: first!.delivery.github!.appInstallationId,
      authorizer_credential: {
        oauth_token_secret_version: first!.delivery.github!.tokenSecretVersion,
      },
    });
  });

  it("each build pushes to its service's repository in the registry of the first environment", () => {
    const pushes = resourcesOf(pipelineJson, 'google_artifact_registry_repository_iam_member');
    expect(
      pushes.map(
        (p) =>
          `projects/${p['project']}/locations/${p['location']}/repositories/${p['repository']}`,
      ),
    ).toEqual(first!.services.map((s) => artifactRepositoryId(first!, s.name)));
    for (const trigger of resourcesOf(pipelineJson, 'google_cloudbuild_trigger')) {
      expect(JSON.stringify(trigger['repository_event_config'])).toContain('"branch":"^main$"');
    }
  });

  it("grants cluster access in the pipeline project itself, and leaves other projects' to them", () => {
    const developers = resourcesOf(pipelineJson, 'google_project_iam_member').filter(
      (g) => g['role'] === 'roles/container.developer',
    );
    expect(developers.map((g) => g['project'])).toEqual([first!.gcp.projectId]);
  });

  it.each(later.map((e) => e.name))(
    "%s: lets its target's execution account, created by the pipeline stack, deploy to its cluster",
    (name) => {
      const env = later.find((e) => e.name === name)!;
      const json = synthJson(new GcpDeliveryStack(new App(), env, all));
      const account = resourcesOf(pipelineJson, 'google_service_account').find(
        (a) => a['account_id'] === `deploy-${name}`,
      );
      expect(account).toEqual(expect.objectContaining({ project: first!.gcp.projectId }));
      expect(resourcesOf(json, 'google_project_iam_member')).toEqual([
        {
          project: env.gcp.projectId,
          role: 'roles/container.developer',
          member: `serviceAccount:${cloudDeployExecutionServiceAccountEmail(first!, env)}`,
        },
      ]);
      expect(Object.keys(json.resource ?? {})).toEqual(['google_project_iam_member']);
    },
  );
});
