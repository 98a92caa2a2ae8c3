import type { ExecutorContext, TaskGraph } from '@nx/devkit';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SYNTH_SCRIPT, synthBatchExecutor, type SynthTaskResult } from './executor';

/**
 * A workspace whose synth script reports `network` as synthesized and `alerting` as failed,
 * then dies before it reports anything else, as a crash would.
 */
function workspaceWithScript(): string {
  const root = mkdtempSync(join(tmpdir(), 'platform-executor-'));
  mkdirSync(join(root, 'tools', 'scripts'), { recursive: true });
  writeFileSync(
    join(root, SYNTH_SCRIPT),
    `const apps = process.argv.slice(2);
process.send({ type: 'synth-report', app: 'network', success: true, output: 'network: synthesized ' + apps.join(' ') + '\\n' });
process.send({ type: 'synth-report', app: 'alerting', success: false, output: 'alerting: synth failed (previous output kept):\\nbad prop\\n' }, () => process.exit(3));
`,
  );
  return root;
}

function taskGraph(projects: string[]): TaskGraph {
  const tasks = Object.fromEntries(
    projects.map((project) => [
      `${project}:synth`,
      { id: `${project}:synth`, target: { project, target: 'synth' }, overrides: {}, outputs: [] },
    ]),
  );
  return {
    roots: Object.keys(tasks),
    tasks,
    dependencies: Object.fromEntries(Object.keys(tasks).map((id) => [id, []])),
    continuousDependencies: Object.fromEntries(Object.keys(tasks).map((id) => [id, []])),
  } as unknown as TaskGraph;
}

describe('synth executor, batch mode', () => {
  it('runs every app of the batch in one process and gives each task its own result and output', async () => {
    const root = workspaceWithScript();
    const results = await synthBatchExecutor(taskGraph(['network', 'alerting', 'ecs']), {}, {}, {
      root,
    } as ExecutorContext);
    const byTask: Record<string, SynthTaskResult['result']> = {};
    for await (const { task, result } of results as AsyncIterable<SynthTaskResult>) {
      byTask[task] = result;
    }

    expect(byTask['network:synth']).toMatchObject({
      success: true,
      terminalOutput: 'network: synthesized network alerting ecs\n',
    });
    expect(byTask['alerting:synth']).toMatchObject({
      success: false,
      terminalOutput: 'alerting: synth failed (previous output kept):\nbad prop\n',
    });
    expect(byTask['ecs:synth']).toMatchObject({
      success: false,
      terminalOutput:
        'ecs: synth failed (previous output kept): the synth process ended (exit code 3) before it reported this app\n',
    });
  });
});
