// Writes a copy of the environments folder whose every environment runs `count` generated
// services, valid under every rule of libs/config/src/schema/services*.ts (GCP environments:
// schema/gcp.ts): unique names,
// repositories, ports and routes; hosts inside the environment's hosted zone; task sizes the
// runtime accepts; production floors of two tasks; request-count scaling only on rolling
// services; every tenth service on App Runner (no route, rolling, no AppConfig agent); every
// ecs service's listener-rule priority set (route.priority = 1000 + i), because priorities
// derived from a hundred names collide about one time in ten (two of 49,000 values), which
// synth refuses as it would for a user.
import { copyFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseDocument } from 'yaml';

/** The i-th (1-based) generated service of an environment. */
export function generatedService(i, env) {
  const name = `svc-${String(i).padStart(3, '0')}`;
  if (env.cloud === 'gcp') {
    return {
      name,
      source: { repository: `acme/${name}` },
      port: 8000 + i,
      healthCheckPath: '/healthz',
    };
  }
  const tasks = env.production ? { desired: 2, min: 2, max: 6 } : { desired: 1, min: 1, max: 3 };
  const common = {
    name,
    repository: name,
    source: { repository: `acme/${name}` },
    port: 8000 + i,
    healthCheckPath: '/healthz',
  };
  const secrets = {
    SESSION_KEY: `arn:aws:secretsmanager:${env.aws.region}:${env.aws.accountId}:secret:${env.name}/${name}/session-key`,
  };
  if (i % 10 === 0) {
    return {
      ...common,
      cpu: 1024,
      memoryMiB: 2048,
      tasks,
      autoscaling: { cpuPercent: 60, memoryPercent: 75 },
      secrets,
      runtime: 'app-runner',
      deployment: { strategy: 'rolling' },
    };
  }
  const route = { host: `${name}.${env.ecs.hostedZone.name}`, priority: 1000 + i };
  if (i % 2 === 0) {
    return {
      ...common,
      route: { ...route, path: '/v1/*' },
      cpu: 1024,
      memoryMiB: 2048,
      tasks,
      autoscaling: { cpuPercent: 60, memoryPercent: 75, requestsPerTarget: 500 },
      secrets,
      runtime: 'ecs',
      deployment: { strategy: 'rolling' },
    };
  }
  return {
    ...common,
    route,
    cpu: 512,
    memoryMiB: 1024,
    tasks,
    autoscaling: { cpuPercent: 60, memoryPercent: 75 },
    secrets,
    runtime: 'ecs',
    deployment: { strategy: 'blue-green', trafficShifting: 'canary', terminateBlueAfterMinutes: 5 },
    appConfig: { profile: 'feature-flags' },
  };
}

/**
 * Copies every file of `sourceDir` into `targetDir`, replacing the services of each
 * environment file with `count` generated ones. Other fields and comments stay as they are.
 */
export function generateEnvironments(sourceDir, targetDir, count) {
  mkdirSync(targetDir, { recursive: true });
  for (const file of readdirSync(sourceDir)) {
    if (!file.endsWith('.yaml')) {
      copyFileSync(join(sourceDir, file), join(targetDir, file));
      continue;
    }
    const doc = parseDocument(readFileSync(join(sourceDir, file), 'utf8'));
    const env = doc.toJS();
    const services = Array.from({ length: count }, (_, i) => generatedService(i + 1, env));
    doc.set('services', doc.createNode(services));
    writeFileSync(join(targetDir, file), doc.toString());
  }
}
