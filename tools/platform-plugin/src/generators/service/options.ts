import { SERVICE_RUNTIMES, SIDECAR_PORTS, TRAFFIC_SHIFTS } from '@platform/config';
import type { EnvironmentFile } from '../../lib/environments';
import type { ResolvedOptions } from './service-block';

const NAME = /^[a-z](?:[a-z0-9-]{0,11}[a-z0-9])?$/;
const STRATEGIES = ['rolling', 'blue-green'];

/**
 * Problems with the options themselves, before any file is read: each names the option, the
 * value and what is allowed. Empty when the options are usable.
 */
export function optionProblems(
  options: ResolvedOptions,
  environments: readonly string[],
  all: readonly EnvironmentFile[],
): string[] {
  const problems: string[] = [];
  const quote = (v: unknown) => JSON.stringify(v);
  if (!NAME.test(options.name)) {
    problems.push(
      `name ${quote(options.name)}: must be 1-13 lowercase letters, digits or hyphens, starting with a letter`,
    );
  }
  if (!(SERVICE_RUNTIMES as readonly string[]).includes(options.runtime)) {
    problems.push(
      `--runtime ${quote(options.runtime)}: must be one of ${SERVICE_RUNTIMES.join(', ')}`,
    );
  }
  if (!STRATEGIES.includes(options.strategy)) {
    problems.push(`--strategy ${quote(options.strategy)}: must be one of ${STRATEGIES.join(', ')}`);
  }
  if (options.traffic !== undefined) {
    if (!(TRAFFIC_SHIFTS as readonly string[]).includes(options.traffic)) {
      problems.push(
        `--traffic ${quote(options.traffic)}: must be one of ${TRAFFIC_SHIFTS.join(', ')}`,
      );
    } else if (options.strategy !== 'blue-green') {
      problems.push(`--traffic applies to --strategy=blue-green only (got ${options.strategy})`);
    }
  }
  if (options.runtime === 'app-runner') {
    if (options.strategy === 'blue-green') {
      problems.push(
        '--strategy=blue-green needs --runtime=ecs: App Runner deploys by itself (use rolling)',
      );
    }
    if (options.host !== undefined || options.path !== undefined) {
      problems.push('--host and --path need --runtime=ecs: App Runner services get their own URL');
    }
  }
  if (!Number.isInteger(options.port) || options.port < 1024 || options.port > 65535) {
    problems.push(
      `--port ${quote(options.port)}: must be 1024 to 65535 (the container runs as non-root)`,
    );
  } else if (SIDECAR_PORTS[options.port]) {
    problems.push(
      `--port ${options.port}: collides with ${SIDECAR_PORTS[options.port]} in the same task; use another port`,
    );
  }
  const known = all.map((e) => e.name);
  const unknown = environments.filter((e) => !known.includes(e));
  if (unknown.length > 0) {
    problems.push(
      `--environments: no environment file for ${unknown.map(quote).join(', ')} (have ${known.join(', ')})`,
    );
  }
  const twice = environments.filter((e, i) => environments.indexOf(e) !== i);
  if (twice.length > 0)
    problems.push(`--environments: ${twice.map(quote).join(', ')} listed twice`);
  if (environments.length === 0)
    problems.push('--environments: no environment to add the service to');
  return problems;
}
