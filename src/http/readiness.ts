import type { ChannelStatus } from '../channels/channel-link.js';
import { sendJson } from './http-server.js';
import type { HttpRoute } from './routes.js';

export interface ReadinessSources {
  /** Resolves when the database answers a ping. */
  ping(): Promise<unknown>;
  /** The configured channels and their state; channels that are off are not listed. */
  channels(): Array<{ platform: string; status: ChannelStatus }>;
  /** Channels that are off (not configured), with the reason. */
  off: Record<string, string>;
  schedulerRunning(): boolean;
  outbox(): Promise<Record<'pending' | 'sent' | 'failed', number>>;
  version: string;
  /** When the service finished starting (undefined while it starts). */
  startedAt(): Date | undefined;
}

export interface Readiness {
  ready: boolean;
  version: string;
  startedAt: string | null;
  database: { state: 'up' | 'down'; reason?: string };
  channels: Record<string, ChannelStatus | { state: 'off'; reason: string }>;
  scheduler: { state: 'running' | 'stopped' };
  outbox: { pending: number; failed: number; sent: number } | { state: 'unknown' };
}

/**
 * Readiness: ready when the service has started, the database answers, the scheduler runs and
 * every configured channel is up. A channel that is `connecting` or `down` makes it not ready,
 * with the channel's reason and since when; the outbox's backlog (pending) and failures are
 * reported whatever the state.
 */
export async function readiness(sources: ReadinessSources): Promise<Readiness> {
  const database = await sources.ping().then(
    () => ({ state: 'up' as const }),
    (error: unknown) => ({
      state: 'down' as const,
      reason: error instanceof Error ? error.message : String(error),
    }),
  );
  const outbox =
    database.state === 'up'
      ? await sources.outbox().catch(() => ({ state: 'unknown' as const }))
      : { state: 'unknown' as const };
  const configured = sources.channels();
  const channels: Readiness['channels'] = {};
  for (const { platform, status } of configured) channels[platform] = status;
  for (const [name, reason] of Object.entries(sources.off)) channels[name] ??= { state: 'off', reason };
  const running = sources.schedulerRunning();
  const startedAt = sources.startedAt();
  return {
    ready:
      startedAt !== undefined &&
      database.state === 'up' &&
      running &&
      configured.every((c) => c.status.state === 'up'),
    version: sources.version,
    startedAt: startedAt?.toISOString() ?? null,
    database,
    channels,
    scheduler: { state: running ? 'running' : 'stopped' },
    outbox,
  };
}

/** GET /readyz: 200 when ready, else 503, with the whole report either way. */
export function readinessRoute(sources: ReadinessSources): HttpRoute {
  return {
    method: 'GET',
    path: '/readyz',
    handle(_request, response) {
      readiness(sources)
        .then((report) => sendJson(response, report.ready ? 200 : 503, report))
        .catch(() => sendJson(response, 503, { ready: false }));
    },
  };
}
