import { loadEnvironments } from '@platform/config';
import {
  type EnvironmentsSource,
  loadApp,
  synthFailure,
  synthReport,
  type SynthReport,
} from './app';

/** One app a synth host runs: its name and how to load its entry. */
export interface HostedApp {
  /** The app's name (its Nx project), used in reports when the entry cannot be loaded. */
  readonly name: string;
  /** Loads the entry, e.g. `() => require('apps/network/src/main.ts')`. */
  readonly load: () => unknown;
}

/**
 * The environment files, read and validated on first use and then shared: every call returns
 * a fresh copy of the same environments (or throws the same error), so no family can change
 * what the next one sees.
 */
export function sharedEnvironments(): EnvironmentsSource {
  let loaded:
    | { readonly environments: ReturnType<typeof loadEnvironments> }
    | { readonly error: unknown }
    | undefined;
  return () => {
    if (!loaded) {
      try {
        loaded = { environments: loadEnvironments() };
      } catch (error) {
        loaded = { error };
      }
    }
    if ('error' in loaded) throw loaded.error;
    return structuredClone(loaded.environments);
  };
}

/**
 * Synthesizes several apps one after another in this process, which loads cdktf, the provider
 * modules and the environment files once for all of them. Each app succeeds or fails alone
 * (a failed one keeps its previous output); `onReport` hears of each as soon as it is done.
 */
export function synthApps(
  apps: readonly HostedApp[],
  onReport: (name: string, report: SynthReport) => void,
): void {
  const environments = sharedEnvironments();
  for (const { name, load } of apps) {
    let app;
    try {
      app = loadApp(load);
    } catch (error) {
      onReport(name, { family: name, success: false, output: synthFailure(name, error) });
      continue;
    }
    onReport(name, synthReport(app.family, app.factories, environments));
  }
}
