import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../support/free-port.js';
import { npmStartArgs } from '../support/npm-start.js';
import { REPO_ROOT, SPSE_FLOW_FILE } from '../support/paths.js';

interface Running {
  output: () => string;
  exited: Promise<number | null>;
  kill: (signal: NodeJS.Signals) => void;
}

/**
 * The `npm start` command line from package.json (`node <options> dist/main.js`), run from the
 * sources (`--import tsx src/main.ts`) so the test needs no build; the build's own start is
 * tested by test/integration/build.test.ts.
 */
function startCommand(): string[] {
  const options = npmStartArgs().filter((a) => a.startsWith('--'));
  return [...options, '--import', 'tsx', 'src/main.ts'];
}

/** Starts `src/main.ts` as `npm start` starts the build, in its own process. */
function startService(env: Record<string, string>): Running {
  const child = spawn(process.execPath, startCommand(), {
    cwd: REPO_ROOT,
    env: {
      ...process.env,
      LOG_LEVEL: 'info',
      TELEGRAM_BOT_TOKEN: '',
      SLACK_BOT_TOKEN: '',
      MONGODB_URI: '',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { output: () => output, exited, kill: (signal) => child.kill(signal) };
}

async function waitFor(check: () => boolean, what: string, timeoutMs = 30_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('the service as a process', () => {
  test('a SIGTERM while it is still starting stops it cleanly (exit 0)', async () => {
    const service = startService({
      PORT: String(await freePort()),
      EMBEDDED_MONGODB_PORT: String(await freePort()),
    });
    // As soon as it has said anything, it is building the app: stop it there.
    await waitFor(() => service.output().length > 0, 'the first log line');
    service.kill('SIGTERM');
    expect(await service.exited).toBe(0);
    expect(service.output()).not.toContain('Pandu is running');
  }, 60_000);

  test('starts on the embedded database, serves /healthz, says why channels are off, and stops on SIGTERM', async () => {
    const port = await freePort();
    const service = startService({ PORT: String(port), EMBEDDED_MONGODB_PORT: String(await freePort()) });
    await waitFor(() => service.output().includes('Pandu is running'), 'start');
    expect(service.output()).toContain('Data will NOT survive a restart');
    expect(service.output()).toContain('TELEGRAM_BOT_TOKEN is not set');
    const health = (await (await fetch(`http://127.0.0.1:${port}/healthz`)).json()) as Record<
      string,
      unknown
    >;
    expect(health).toMatchObject({
      ok: true,
      database: 'up',
      embeddedDatabase: true,
      flows: [{ id: 'spse-eproc', steps: 11 }],
      channels: { telegram: { enabled: false } },
    });
    expect((await fetch(`http://127.0.0.1:${port}/nothing-here`)).status).toBe(404);
    service.kill('SIGTERM');
    expect(await service.exited).toBe(0);
    expect(service.output()).toContain('"msg":"stopped"');
  }, 60_000);

  test('with the Bot API out of reach it starts anyway, /readyz says why, and SIGTERM stops it cleanly', async () => {
    const port = await freePort();
    const service = startService({
      PORT: String(port),
      EMBEDDED_MONGODB_PORT: String(await freePort()),
      TELEGRAM_BOT_TOKEN: '123456:UNREACHABLE-token',
      TELEGRAM_API_ROOT: `http://127.0.0.1:${await freePort()}`,
      CHANNEL_RETRY_MIN_MS: '50',
      CHANNEL_RETRY_MAX_MS: '200',
    });
    await waitFor(() => service.output().includes('Pandu is running'), 'start');
    await waitFor(
      () => service.output().split('cannot reach the platform').length > 2,
      'two failed attempts',
    );
    const ready = await fetch(`http://127.0.0.1:${port}/readyz`);
    expect(ready.status).toBe(503);
    expect(await ready.json()).toMatchObject({
      ready: false,
      channels: { telegram: { state: 'connecting' } },
    });
    service.kill('SIGTERM');
    expect(await service.exited).toBe(0);
    expect(service.output()).toContain('"msg":"stopped"');
  }, 60_000);

  test('a broken configuration stops it at once, naming the variable', async () => {
    const service = startService({ PORT: 'not-a-port', TELEGRAM_WEBHOOK_URL: 'https://example.test/hook' });
    expect(await service.exited).toBe(1);
    expect(service.output()).toContain('Invalid config');
    expect(service.output()).toContain('PORT');
  }, 60_000);

  test('a broken flow file stops it, naming the file, the step and the field', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pandu-flows-'));
    writeFileSync(
      join(dir, 'spse-eproc.yaml'),
      readFileSync(SPSE_FLOW_FILE, 'utf8').replace(
        'type: disposition\n    recipients: Kabid',
        'type: disposisi\n    recipients: Kabid',
      ),
    );
    const service = startService({
      PORT: String(await freePort()),
      EMBEDDED_MONGODB_PORT: String(await freePort()),
      FLOWS_DIR: dir,
    });
    expect(await service.exited).toBe(1);
    expect(service.output()).toContain('spse-eproc.yaml');
    expect(service.output()).toContain('step 3 \\"disposisi-kapus\\"');
    expect(service.output()).toContain('type');
  }, 60_000);
});
