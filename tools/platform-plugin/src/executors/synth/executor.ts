import type { ExecutorContext, TaskGraph, TaskGraphExecutor } from '@nx/devkit';
import { fork } from 'node:child_process';
import { join } from 'node:path';

/** The synth executor takes no options: what an app synthesizes comes from its entry and the environment files. */
export type SynthExecutorOptions = Record<string, never>;

/** One task's outcome as Nx's batch runner expects it. */
export interface SynthTaskResult {
  /** The Nx task id, e.g. `network:synth`. */
  readonly task: string;
  /** Whether it succeeded and what it printed. */
  readonly result: {
    readonly success: boolean;
    readonly terminalOutput: string;
    readonly startTime: number;
    readonly endTime: number;
  };
}

/** What tools/scripts/synth.mjs sends over its IPC channel, one message per app. */
interface SynthReportMessage {
  readonly type: 'synth-report';
  readonly app: string;
  readonly success: boolean;
  readonly output: string;
}

const isReport = (message: unknown): message is SynthReportMessage =>
  typeof message === 'object' &&
  message !== null &&
  (message as { type?: unknown }).type === 'synth-report';

/** The synth script of the workspace, relative to its root. */
export const SYNTH_SCRIPT = join('tools', 'scripts', 'synth.mjs');

/**
 * Runs the workspace's synth script for several apps in one child process and yields each
 * app's result as soon as the script reports it. An app the script never reports (it crashed)
 * fails with the script's exit status; the others keep their own results.
 */
export async function* synthInOneProcess(
  root: string,
  apps: readonly string[],
): AsyncGenerator<{
  app: string;
  success: boolean;
  output: string;
  startTime: number;
  endTime: number;
}> {
  const child = fork(join(root, SYNTH_SCRIPT), [...apps], {
    cwd: root,
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const queue: SynthReportMessage[] = [];
  let wake: (() => void) | undefined;
  let exit: string | undefined;
  child.on('message', (message) => {
    if (isReport(message)) queue.push(message);
    wake?.();
  });
  child.on('error', (error) => {
    exit ??= `could not start ${SYNTH_SCRIPT}: ${error.message}`;
    wake?.();
  });
  child.on('exit', (code, signal) => {
    exit ??= signal ? `killed by ${signal}` : `exit code ${code}`;
    wake?.();
  });
  const pending = new Set(apps);
  let startTime = Date.now();
  while (pending.size > 0) {
    const message = queue.shift();
    if (message) {
      pending.delete(message.app);
      const endTime = Date.now();
      yield { ...message, startTime, endTime };
      startTime = endTime;
    } else if (exit !== undefined) break;
    else await new Promise<void>((resolve) => (wake = resolve));
  }
  for (const app of pending) {
    const output = `${app}: synth failed (previous output kept): the synth process ended (${exit}) before it reported this app\n`;
    yield { app, success: false, output, startTime, endTime: Date.now() };
  }
}

/** `nx run <app>:synth` outside batch mode: the same script, for one app, printing as it goes. */
export async function synthExecutor(
  _options: SynthExecutorOptions,
  context: ExecutorContext,
): Promise<{ success: boolean }> {
  const app = context.projectName;
  if (!app) throw new Error('synth: no project to synthesize');
  let success = false;
  for await (const report of synthInOneProcess(context.root, [app])) {
    (report.success ? process.stdout : process.stderr).write(report.output);
    success = report.success;
  }
  return { success };
}

async function* batchResults(taskGraph: TaskGraph, root: string): AsyncGenerator<SynthTaskResult> {
  const tasks = Object.values(taskGraph.tasks);
  const taskOf = new Map(tasks.map((t) => [t.target.project, t.id]));
  for await (const { app, success, output, startTime, endTime } of synthInOneProcess(root, [
    ...taskOf.keys(),
  ])) {
    const task = taskOf.get(app);
    if (task) yield { task, result: { success, terminalOutput: output, startTime, endTime } };
  }
}

/**
 * Nx's batch implementation (`nx run-many -t synth`, `nx affected -t synth`): every synth task
 * of the batch runs in one process, which loads cdktf, the provider modules and the environment
 * files once. Each task keeps its own result, output and cache entry.
 */
export const synthBatchExecutor: TaskGraphExecutor<SynthExecutorOptions> = async (
  taskGraph,
  _options,
  _overrides,
  context,
) => batchResults(taskGraph, context.root);
