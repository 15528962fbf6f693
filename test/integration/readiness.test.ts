import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import type { App } from '../../src/app.js';
import { createTelegramChannel } from '../../src/channels/telegram/telegram-channel.js';
import { createLogger } from '../../src/logger.js';
import { startTestApp } from '../support/app-rig.js';
import { untilChannel } from '../support/channel-status.js';
import { freePort } from '../support/free-port.js';
import { REPO_ROOT } from '../support/paths.js';
import { TelegramBotApiStandIn } from '../support/telegram/index.js';

const TOKEN = '424242:READY-token';
const VERSION = (JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string })
  .version;

interface Logged {
  msg: string;
  level: number;
  [field: string]: unknown;
}

/** The app with a Telegram channel on `apiRoot`, fast back-off, and its log lines kept. */
async function appOn(apiRoot: string, env: Record<string, string> = {}) {
  const logged: Logged[] = [];
  const logs = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString().split('\n').filter(Boolean))
        logged.push(JSON.parse(line) as Logged);
      done();
    },
  });
  const app = await startTestApp({
    env: {
      TELEGRAM_BOT_TOKEN: TOKEN,
      TELEGRAM_API_ROOT: apiRoot,
      CHANNEL_RETRY_MIN_MS: '20',
      CHANNEL_RETRY_MAX_MS: '40',
      ...env,
    },
    channels: [createTelegramChannel],
    awaitChannels: false,
    extra: { logger: createLogger('info', logs) },
  });
  return { app, logged };
}

async function get(app: App, path: string, headers: Record<string, string> = {}) {
  const response = await fetch(`http://127.0.0.1:${app.port()}${path}`, { headers });
  const text = await response.text();
  return { status: response.status, text, json: () => JSON.parse(text) as Record<string, unknown> };
}

async function until(check: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + 15_000;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

const failures = (logged: Logged[]) => logged.filter((l) => l.msg.includes('cannot reach the platform'));

describe('readiness with the Bot API out of reach', () => {
  test('the start does not wait; /readyz says connecting with the reason, every failure is logged, stop is prompt', async () => {
    // A port nobody listens on: every call is refused.
    const { app, logged } = await appOn(`http://127.0.0.1:${await freePort()}`);
    try {
      await until(() => failures(logged).length >= 3, 'three failed attempts');
      const ready = await get(app, '/readyz');
      expect(ready.status).toBe(503);
      const body = ready.json();
      expect(body).toMatchObject({
        ready: false,
        version: VERSION,
        database: { state: 'up' },
        scheduler: { state: 'running' },
        channels: { telegram: { state: 'connecting' } },
      });
      expect(Object.keys(body['outbox'] as object).sort()).toEqual(['failed', 'pending', 'sent']);
      const telegram = (body['channels'] as Record<string, Record<string, unknown>>)['telegram'] ?? {};
      expect(String(telegram['reason'])).not.toBe('');
      expect(Number(telegram['failures'])).toBeGreaterThanOrEqual(3);
      expect(new Date(String(telegram['since'])).getTime()).toBeLessThanOrEqual(Date.now());
      expect(failures(logged)[0]).toMatchObject({ channel: 'telegram', level: 40 });

      // Liveness stays honest too: the process is alive, the channel is not up.
      const health = await get(app, '/healthz');
      expect(health.status).toBe(200);
      expect(health.json()['channels']).toMatchObject({ telegram: { enabled: true, state: 'connecting' } });
    } finally {
      await app.stop();
    }
    const after = failures(logged).length;
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(failures(logged)).toHaveLength(after);
  }, 60_000);
});

describe('readiness with the Bot API answering', () => {
  let standIn: TelegramBotApiStandIn;

  beforeEach(async () => {
    standIn = new TelegramBotApiStandIn({ token: TOKEN });
    await standIn.start();
  });

  afterEach(async () => {
    await standIn.stop();
  });

  test('after two server errors the channel comes up and /readyz is 200', async () => {
    standIn.failNext('getMe', { status: 502, description: 'Bad Gateway', count: 2 });
    const { app, logged } = await appOn(standIn.apiRoot);
    try {
      await untilChannel(app.channels[0] ?? { status: () => ({ state: 'down', since: '' }) });
      const ready = await get(app, '/readyz');
      expect(ready.status).toBe(200);
      expect(ready.json()).toMatchObject({ ready: true, channels: { telegram: { state: 'up' } } });
      expect(standIn.calls('getMe')).toHaveLength(3);
      expect(failures(logged)).toHaveLength(2);
      expect(String(failures(logged)[0]?.['reason'])).toContain('Bad Gateway');
      expect(logged.some((l) => l.msg === 'telegram: connected')).toBe(true);
    } finally {
      await app.stop();
    }
  }, 60_000);

  test('a token the Bot API refuses leaves the channel down, tried once', async () => {
    const { app } = await appOn(standIn.apiRoot, { TELEGRAM_BOT_TOKEN: '424242:WRONG-token' });
    try {
      const status = await untilChannel(
        app.channels[0] ?? { status: () => ({ state: 'up', since: '' }) },
        'down',
      );
      expect(status.reason).toContain('Unauthorized');
      const ready = await get(app, '/readyz');
      expect(ready.status).toBe(503);
      expect(ready.json()).toMatchObject({ ready: false, channels: { telegram: { state: 'down' } } });
      expect(standIn.calls('getMe')).toHaveLength(1);
    } finally {
      await app.stop();
    }
  }, 60_000);
});
