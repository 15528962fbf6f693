import { createApp, type App, type AppOptions } from '../../src/app.js';
import type { ChannelFactory } from '../../src/channels/channel.js';
import { loadConfig } from '../../src/config/env.js';
import { createLogger } from '../../src/logger.js';
import { EXAMPLE_ORG_FILE, FLOWS_DIR, LOCALES_DIR, REPO_ROOT } from './paths.js';
import { join } from 'node:path';

/**
 * The real service, as `npm start` builds it, on the embedded database and a free port, with
 * the channels a test drives. Sending is paced tightly so suites run fast.
 */
export async function startTestApp(options: {
  env: Record<string, string>;
  channels: ChannelFactory[];
  extra?: Partial<AppOptions>;
}): Promise<App> {
  const config = loadConfig({
    PORT: '0',
    HOST: '127.0.0.1',
    EMBEDDED_MONGODB_PORT: '0',
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    FLOWS_DIR,
    ORG_FILE: EXAMPLE_ORG_FILE,
    LOCALES_DIR,
    CALENDAR_FILE: join(REPO_ROOT, 'flows', 'calendars', 'indonesia-2026.yaml'),
    ...options.env,
  });
  const app = await createApp(config, {
    logger: createLogger(config.LOG_LEVEL),
    channels: options.channels,
    dispatcherLimits: {
      telegram: { perChatMs: 10, globalPerSecond: 1000 },
      slack: { perChatMs: 10, globalPerSecond: 1000 },
    },
    dispatcherPollMs: 20,
    ...options.extra,
  });
  await app.start();
  return app;
}

/** Issues an invite code for a person, as `pandu org invite` does. */
export async function inviteCode(app: App, personId: string): Promise<string> {
  const code = `INV${personId.replace(/[^a-z0-9]/gi, '').toUpperCase()}${Math.floor(Math.random() * 1e6)}`;
  await app.storage.invites.issue(personId, code, new Date(Date.now() + 24 * 3600 * 1000));
  return code;
}
