import { execFileSync, spawn } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WORKSPACE } from '../testing/tree';

/** What a throwaway workspace needs: sources, environments, scripts, root config. */
const COPY = [
  'nx.json',
  'package.json',
  'tsconfig.base.json',
  'jest.preset.js',
  '.prettierrc.json',
  'README.md',
  'environments',
  'apps',
  'libs',
  'tools/platform-plugin',
  'tools/scripts',
  '.github/workflows',
];
const SKIP = /(^|\/)(node_modules|dist|\.nx|state)(\/|$)/;
const env = {
  ...process.env,
  NX_DAEMON: 'false',
  NX_NO_CLOUD: 'true',
  NX_TUI: 'false',
  CHECKPOINT_DISABLE: '1',
  FORCE_COLOR: '0',
  NO_COLOR: '1',
};
// eslint-disable-next-line no-control-regex
const plain = (text: string) => text.replace(/\u001b\[[0-9;]*m/g, '');

/** Runs a command in the workspace copy; returns its output, throws with it on failure. */
function run(cwd: string, args: string[]): string {
  try {
    return plain(
      execFileSync(process.execPath, args, { cwd, env, encoding: 'utf8', stdio: 'pipe' }),
    );
  } catch (error) {
    const e = error as { stdout?: string; stderr?: string; message: string };
    throw new Error(`${args.join(' ')} failed:\n${e.stdout ?? ''}\n${e.stderr ?? e.message}`);
  }
}

/** The same, without blocking: synth runs two families at once. */
function runAsync(cwd: string, args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd, env, stdio: 'pipe' });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    child.on('close', (code) =>
      code === 0 ? resolve(plain(out)) : reject(new Error(`${args.join(' ')} failed:\n${out}`)),
    );
  });
}

const nx = (cwd: string, ...args: string[]) =>
  run(cwd, [join(cwd, 'node_modules', 'nx', 'dist', 'bin', 'nx.js'), ...args]);
const nxG = (cwd: string, ...args: string[]) => nx(cwd, 'g', ...args, '--no-interactive');

describe('generators end to end, in a throwaway copy of the workspace', () => {
  let ws: string;
  const outputs: string[] = [];

  beforeAll(() => {
    ws = mkdtempSync(join(tmpdir(), 'platform-generators-e2e-'));
    for (const path of COPY) {
      cpSync(join(WORKSPACE, path), join(ws, path), {
        recursive: true,
        filter: (source) => !SKIP.test(source.slice(WORKSPACE.length)),
      });
    }
    symlinkSync(join(WORKSPACE, 'node_modules'), join(ws, 'node_modules'), 'dir');
  });
  afterAll(() => rmSync(ws, { recursive: true, force: true }));

  it('a new service, a new environment and a new family are each one command, formatted and stable', () => {
    expect(nx(ws, 'list', '@platform/plugin')).toMatch(
      /service :[\s\S]*environment :[\s\S]*stack-family :/,
    );
    const service = [
      '@platform/plugin:service',
      'checkout',
      '--runtime=ecs',
      '--strategy=blue-green',
      '--traffic=canary',
      '--port=8080',
      '--environments=dev,staging,prod',
    ];
    outputs.push(nxG(ws, ...service));
    outputs.push(
      nxG(ws, '@platform/plugin:environment', 'qa', '--from=staging', '--accountId=444444444444'),
    );
    outputs.push(nxG(ws, '@platform/plugin:stack-family', 'data', '--dependsOn=network'));
    expect(outputs.join('\n')).toContain('CREATE environments/qa.yaml');
    expect(outputs.join('\n')).toContain('CREATE libs/aws/data/src/data-stack.ts');

    const read = (path: string) => readFileSync(join(ws, path), 'utf8');
    const files = readdirSync(join(ws, 'environments'))
      .filter((f) => f.endsWith('.yaml'))
      .map((f) => `environments/${f}`);
    const before = files.map(read);
    expect(nxG(ws, ...service)).toContain('already there as asked, unchanged');
    expect(files.map(read)).toEqual(before);

    run(ws, [
      join(ws, 'node_modules', 'prettier', 'bin', 'prettier.cjs'),
      '--check',
      ...files,
      'apps/data',
      'libs/aws/data',
      'README.md',
      'nx.json',
      'tsconfig.base.json',
      'libs/config/src/naming.ts',
      '.github/workflows/deploy.yml',
    ]);
  });

  it("the generated family's first test passes", () => {
    run(ws, [
      join(ws, 'node_modules', 'jest', 'bin', 'jest.js'),
      '--config',
      'libs/aws/data/jest.config.js',
    ]);
  });

  it('synthesizes, and the real terraform validate accepts the stacks the generated files produce', async () => {
    const synth = join(ws, 'tools', 'scripts', 'synth.mjs');
    await Promise.all([runAsync(ws, [synth, 'ecs']), runAsync(ws, [synth, 'registry', 'data'])]);
    const stack = (app: string, name: string) =>
      join(ws, 'dist', 'apps', app, 'stacks', name, 'cdk.tf.json');
    const json = (app: string, name: string) => JSON.parse(readFileSync(stack(app, name), 'utf8'));

    expect(Object.keys(json('registry', 'registry-dev').resource['aws_ecr_repository'])).toEqual(
      expect.arrayContaining([expect.stringMatching(/checkout/)]),
    );
    const services = Object.values(json('ecs', 'ecs-prod').resource['aws_ecs_service']) as {
      name: string;
      deployment_controller?: { type: string };
    }[];
    expect(services.find((s) => s.name.includes('checkout'))).toMatchObject({
      deployment_controller: { type: 'CODE_DEPLOY' },
    });
    expect(existsSync(stack('ecs', 'ecs-qa'))).toBe(true);

    // The stacks the generators changed: the new service, the new environment, the new family.
    const selected = join(ws, 'selected');
    for (const [app, name] of [
      ['ecs', 'ecs-dev'],
      ['ecs', 'ecs-qa'],
      ['registry', 'registry-dev'],
      ['data', 'data-qa'],
    ] as const) {
      mkdirSync(join(selected, 'stacks', name), { recursive: true });
      cpSync(stack(app, name), join(selected, 'stacks', name, 'cdk.tf.json'));
    }
    const validated = await runAsync(ws, [join(ws, 'tools', 'scripts', 'validate.mjs'), selected]);
    expect(validated).toMatch(/validate: 4\/4 valid|NOT validated/);
  });
});
