import { join } from 'node:path';
import { createApp, type App, type AppOptions } from '../../src/app.js';
import type { ChannelFactory } from '../../src/channels/channel.js';
import { loadConfig } from '../../src/config/env.js';
import type { Feature } from '../../src/features/feature.js';
import type { SchedulerOptions } from '../../src/scheduling/scheduler-options.js';
import { timeStandardsFeature, type TimeStandards } from '../../src/features/time-standards/index.js';
import { createLogger } from '../../src/logger.js';
import { EXAMPLE_ORG_FILE, FLOWS_DIR, LOCALES_DIR, REPO_ROOT } from './paths.js';
import { untilChannel } from './channel-status.js';

/**
 * Fast polling and short locks, so timers of a few seconds are tested in a few seconds. Agenda
 * checks a running job's lock every half lock lifetime and leaves that timer behind when the job
 * ends: under 1.8 s it is gone before Jest looks for open handles.
 */
export const FAST_SCHEDULER: Partial<SchedulerOptions> = {
  processEveryMs: 100,
  lockLifetimeMs: 1800,
  drainTimeoutMs: 3000,
};

export interface TestAppOptions {
  env?: Record<string, string>;
  /** The channels a test drives (default none). */
  channels?: ChannelFactory[];
  /** The features (default: the service's own list). */
  features?: Feature[];
  /** Only the time-standards feature (timers reconciled at start only), the Scheduler fast, with these changes. */
  timeStandards?: Partial<SchedulerOptions>;
  flowsDir?: string;
  mongoUri?: string;
  /** False: built, not started (as the CLI builds it). */
  start?: boolean;
  /** False: return once started, without waiting for the channels to be up. */
  awaitChannels?: boolean;
  extra?: Partial<AppOptions>;
}

/**
 * The one way tests build the service: the real app, as `npm start` builds it, on the embedded
 * database (or `mongoUri`) and a free port, with the channels and features a test gives. Sending is
 * paced tightly so suites run fast.
 */
export async function startTestApp(options: TestAppOptions = {}): Promise<App> {
  const config = loadConfig({
    PORT: '0',
    HOST: '127.0.0.1',
    EMBEDDED_MONGODB_PORT: '0',
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    FLOWS_DIR: options.flowsDir ?? FLOWS_DIR,
    ORG_FILE: EXAMPLE_ORG_FILE,
    LOCALES_DIR,
    CALENDAR_FILE: join(REPO_ROOT, 'flows', 'calendars', 'indonesia-2026.yaml'),
    ...(options.mongoUri ? { MONGODB_URI: options.mongoUri } : {}),
    ...options.env,
  });
  const features =
    options.features ?? (options.timeStandards ? [timeStandardsFeature({ reconcileEveryMs: 0 })] : undefined);
  const scheduler = options.timeStandards ? { ...FAST_SCHEDULER, ...options.timeStandards } : undefined;
  const app = await createApp(config, {
    logger: createLogger(config.LOG_LEVEL),
    channels: options.channels ?? [],
    dispatcherLimits: {
      telegram: { perChatMs: 10, globalPerSecond: 1000 },
      slack: { perChatMs: 10, globalPerSecond: 1000 },
    },
    dispatcherPollMs: 20,
    ...(features ? { features } : {}),
    ...(scheduler ? { scheduler } : {}),
    ...options.extra,
  });
  if (options.start !== false) {
    await app.start();
    // Channels connect in the background; a test drives them once they are up.
    if (options.awaitChannels !== false) for (const channel of app.channels) await untilChannel(channel);
  }
  return app;
}

/** What the time-standards feature offers (scheduler, delegations, disruptions), when installed. */
export function timeStandardsOf(app: App): TimeStandards | undefined {
  return app.feature(timeStandardsFeature());
}

/** Issues an invite code for a person, as `pandu org invite` does. */
export async function inviteCode(app: App, personId: string): Promise<string> {
  const code = `INV${personId.replace(/[^a-z0-9]/gi, '').toUpperCase()}${Math.floor(Math.random() * 1e6)}`;
  await app.storage.invites.issue(personId, code, new Date(Date.now() + 24 * 3600 * 1000));
  return code;
}
