import { execFile, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { freePort } from '../support/free-port.js';
import { REPO_ROOT } from '../support/paths.js';

/**
 * The production build as `npm start` and the image run it: `npm run build` once (tsc -b, so a
 * no-op when dist/ is current, as after `npm ci`), then the compiled service and CLI as real
 * processes, without tsx.
 */
const run = promisify(execFile);
const packageJson = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as {
  scripts: Record<string, string>;
  bin: Record<string, string>;
};

async function exitOf(command: string, args: string[]): Promise<{ code: number; stdout: string }> {
  try {
    const { stdout } = await run(command, args, {
      cwd: REPO_ROOT,
      env: { ...process.env, LOG_LEVEL: 'silent' },
    });
    return { code: 0, stdout };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: `${failed.stdout}${failed.stderr}` };
  }
}

describe('the production build', () => {
  beforeAll(async () => {
    await run('npm', ['run', 'build'], { cwd: REPO_ROOT });
  }, 300_000);

  test('npm start runs the compiled service: /healthz on the embedded database, exit 0 on SIGTERM', async () => {
    const [program, ...args] = packageJson.scripts.start?.split(/\s+/) ?? [];
    expect(program).toBe('node');
    expect(args.at(-1)).toBe('dist/main.js');
    const port = await freePort();
    const child = spawn(process.execPath, args, {
      cwd: REPO_ROOT,
      env: {
        ...process.env,
        PORT: String(port),
        EMBEDDED_MONGODB_PORT: String(await freePort()),
        MONGODB_URI: '',
        TELEGRAM_BOT_TOKEN: '',
        SLACK_BOT_TOKEN: '',
        LOG_LEVEL: 'info',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    try {
      let health: Record<string, unknown> | undefined;
      const until = Date.now() + 60_000;
      while (!health && Date.now() < until) {
        const answer = await fetch(`http://127.0.0.1:${port}/healthz`).catch(() => undefined);
        if (answer?.status === 200) health = (await answer.json()) as Record<string, unknown>;
        else await new Promise((resolve) => setTimeout(resolve, 100));
      }
      if (!health) throw new Error(`no 200 from /healthz; output:\n${output}`);
      // The embedded database ran in its worker thread, loaded from dist/ (no TypeScript loader).
      expect(health).toMatchObject({ database: 'up', embeddedDatabase: true });
      // /healthz answers before start() has returned, and main.ts installs its signal handlers
      // only then: until it installs them first (issue 16), SIGTERM waits for the start to end.
      while (!output.includes('Pandu is running') && Date.now() < until)
        await new Promise((resolve) => setTimeout(resolve, 100));
    } finally {
      child.kill('SIGTERM');
    }
    expect(await exited).toBe(0);
  }, 90_000);

  test('the pandu bin is the compiled CLI with a #! line, and runs as `npx pandu`', async () => {
    const bin = packageJson.bin.pandu ?? '';
    expect(bin).toBe('dist/cli/main.js');
    expect(readFileSync(join(REPO_ROOT, bin), 'utf8').split('\n')[0]).toBe('#!/usr/bin/env node');
    const direct = await exitOf(process.execPath, [bin, '--help']);
    expect(direct.code).toBe(0);
    expect(direct.stdout).toContain('pandu');
    const npx = await exitOf('npx', ['--no-install', 'pandu', '--help']);
    expect(npx).toEqual(direct);
  }, 60_000);
});
