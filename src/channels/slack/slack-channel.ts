import { webApi } from '@slack/bolt';
import { sendJson } from '../../http/http-server.js';
import type { HttpRoute } from '../../http/routes.js';
import type { ChannelFactory, ChannelModule } from '../channel.js';
import { ChannelLink, type FailureKind } from '../channel-link.js';
import { shownProxy } from '../proxy.js';
import { boltLogger } from './bolt-logger.js';
import { buildBoltApp, SLACK_EVENTS_PATH, type BoltParts } from './bolt-app.js';
import { BotIdentityCache } from './bot-identity.js';
import { InFlight, onceOnly } from './deliveries.js';
import { DmChannels } from './dm-channels.js';
import type { SlackListenerDeps } from './listener-deps.js';
import { registerActions } from './listeners/actions.js';
import { registerCommands } from './listeners/commands.js';
import { registerHome } from './listeners/home.js';
import { registerMessages } from './listeners/messages.js';
import { registerViews } from './listeners/views.js';
import { slackErrorCode } from './slack-errors.js';
import { slackProxy } from './slack-proxy.js';
import { SlackSender } from './slack-sender.js';
import { guardSlackRequest } from './request-guard.js';

export interface SlackChannelOptions {
  /** Merged into both Web API clients' options (tests: `retryConfig: { retries: 0 }`). */
  clientOptions?: webApi.WebClientOptions;
}

/** The outbox retries on its own schedule; its client only smooths over a brief hiccup. */
const OUTBOX_RETRY = { retries: 2, factor: 2, minTimeout: 250, maxTimeout: 1000 };

/** The default Web API root (the clients' own default). */
const SLACK_API_URL = 'https://slack.com/api/';

/** Slack as a channel: off without a bot token; HTTP (on the service's port) or Socket Mode. */
export function slackChannel(options: SlackChannelOptions = {}): ChannelFactory {
  return ({ config, chat, deliveries, logger }) => {
    const botToken = config.SLACK_BOT_TOKEN;
    if (!botToken) return Promise.resolve({ off: 'slack: SLACK_BOT_TOKEN is not set' });
    const appToken = config.SLACK_APP_TOKEN;
    if (!appToken && !config.SLACK_SIGNING_SECRET) {
      return Promise.resolve({
        off: 'slack: SLACK_SIGNING_SECRET is not set (or set SLACK_APP_TOKEN for Socket Mode)',
      });
    }
    const log = logger.child({ channel: 'slack' });
    const apiUrl = withTrailingSlash(config.SLACK_API_URL ?? SLACK_API_URL);
    const proxy = slackProxy(apiUrl);
    const clientOptions: webApi.WebClientOptions = {
      logger: boltLogger(log),
      timeout: 30_000,
      ...(config.SLACK_API_URL ? { slackApiUrl: apiUrl } : {}),
      ...(proxy ? { fetch: proxy.fetch } : {}),
      ...options.clientOptions,
    };
    const outboxClient = new webApi.WebClient(botToken, {
      retryConfig: OUTBOX_RETRY,
      ...clientOptions,
      rejectRateLimitedCalls: true,
    });
    const client = new webApi.WebClient(botToken, clientOptions);
    // Who the bot is, asked once per attempt (the channel's link retries with its own back-off).
    const identity = new BotIdentityCache(
      new webApi.WebClient(botToken, { ...clientOptions, retryConfig: { retries: 0 }, timeout: 15_000 }),
    );
    const dms = new DmChannels(outboxClient);
    const sender = new SlackSender(outboxClient, dms);
    // Direct replies retry with the outbox's back-off (SlackSender's `retry`), not the client's own
    // policy (ten tries over about thirty minutes by default), and a 429 comes back to it.
    const replyClient = new webApi.WebClient(botToken, {
      ...clientOptions,
      retryConfig: { retries: 0 },
      rejectRateLimitedCalls: true,
    });
    const replies = new SlackSender(replyClient, dms, {
      budgetMs: config.REPLY_RETRY_MS,
      onRetry: (error, waitMs, failures) =>
        log.warn({ err: error, waitMs, failures }, 'slack: reply failed, retrying'),
    });
    const deps: SlackListenerDeps = {
      chat,
      client,
      replies,
      dms,
      deliveries,
      botToken,
      uploadMaxBytes: config.UPLOAD_MAX_BYTES,
      logger: log,
    };
    const inFlight = new InFlight();
    let bolt: BoltParts | undefined;
    let stopped = false;
    const build = (): BoltParts => {
      const parts = buildBoltApp({
        botToken,
        ...(config.SLACK_SIGNING_SECRET ? { signingSecret: config.SLACK_SIGNING_SECRET } : {}),
        ...(appToken ? { appToken } : {}),
        ...(proxy ? { dispatcher: proxy.dispatcher } : {}),
        identity,
        clientOptions,
        logger: boltLogger(log),
      });
      parts.app.use(inFlight.middleware);
      parts.app.use(onceOnly(deliveries, log));
      registerCommands(parts.app, deps);
      registerActions(parts.app, deps);
      registerViews(parts.app, deps);
      registerMessages(parts.app, deps);
      registerHome(parts.app, deps);
      parts.app.error((error) => {
        log.error({ err: error }, 'slack: a listener failed');
        return Promise.resolve();
      });
      return parts;
    };
    const link = new ChannelLink({
      name: 'slack',
      logger: log,
      minDelayMs: config.CHANNEL_RETRY_MIN_MS,
      maxDelayMs: Math.max(config.CHANNEL_RETRY_MIN_MS, config.CHANNEL_RETRY_MAX_MS),
      classify: slackFailure,
      async connect() {
        const me = await identity.get();
        log.info({ botUserId: me.botUserId }, 'slack: bot token accepted');
        if (!appToken || stopped) return;
        // Socket Mode: Bolt opens the WebSocket (and reconnects it itself once it was open).
        const parts = build();
        try {
          await parts.app.start();
        } catch (error) {
          await parts.app.stop().catch(() => undefined);
          throw error;
        }
        if (stopped) await parts.app.stop();
        else bolt = parts;
      },
    });

    const route: HttpRoute = {
      method: 'POST',
      path: SLACK_EVENTS_PATH,
      handle(request, response) {
        // Before start and after stop Slack is asked to come back later (it retries events).
        const receiver = bolt?.receiver;
        if (!receiver) {
          sendJson(response, 503, { ok: false });
          return;
        }
        const signingSecret = config.SLACK_SIGNING_SECRET ?? '';
        guardSlackRequest(request, { signingSecret, deliveries })
          .then((outcome) => {
            if (!outcome.ok) {
              log.warn({ status: outcome.status, reason: outcome.reason }, 'slack: request refused');
              if (outcome.status === 200) response.writeHead(200).end();
              else sendJson(response, outcome.status, { ok: false });
              return;
            }
            // Bolt reads a body already read from `rawBody`.
            Object.assign(request, { rawBody: outcome.body });
            receiver.requestListener(request, response);
          })
          .catch((error: unknown) => {
            log.error({ err: error }, 'slack: request could not be checked');
            if (!response.headersSent) sendJson(response, 503, { ok: false });
          });
      },
    };

    const channel: ChannelModule = {
      platform: 'slack',
      sender,
      routes: appToken ? [] : [route],
      describe: () => (appToken ? { mode: 'socket' } : { mode: 'http', path: SLACK_EVENTS_PATH }),
      status: () => link.status(),
      start() {
        if (proxy) log.info({ proxy: shownProxy(proxy.url) }, 'slack: Web API through a proxy');
        // HTTP mode serves events at once (a signed request needs no auth.test first).
        if (!appToken) bolt = build();
        link.start();
        return Promise.resolve();
      },
      async stop() {
        stopped = true;
        await link.stop();
        const parts = bolt;
        bolt = undefined;
        if (appToken) await parts?.app.stop();
        await inFlight.drain();
      },
    };
    return Promise.resolve(channel);
  };
}

export const createSlackChannel: ChannelFactory = slackChannel();

/** A platform error (`invalid_auth`, `token_revoked`, `account_inactive`) needs a new token; others may pass. */
export function slackFailure(error: unknown): FailureKind {
  return slackErrorCode(error) ? 'refused' : 'retry';
}

function withTrailingSlash(url: string): string {
  return url.endsWith('/') ? url : `${url}/`;
}
