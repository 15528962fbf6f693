import { timingSafeEqual } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import { Api, GrammyError, webhookCallback } from 'grammy';
import type { Update } from 'grammy/types';
import { readBody } from '../../http/http-server.js';
import type { HttpRoute } from '../../http/routes.js';
import type { ChannelFactory, ChannelModule } from '../channel.js';
import { ChannelLink, type FailureKind } from '../channel-link.js';
import { proxyAgentFor, proxyFor, shownProxy } from '../proxy.js';
import { createTelegramBot } from './telegram-bot.js';
import { setDefaultMenus, setPersonMenus } from './telegram-menus.js';
import { createTelegramSender } from './telegram-sender.js';
import type { ChatPort } from '../../chat/port.js';

/** An update is a few kilobytes; anything far larger is not one. */
const WEBHOOK_BODY_MAX_BYTES = 1024 * 1024;

/** The Bot API serves downloads up to 20 MB. */
export const TELEGRAM_DOWNLOAD_LIMIT = 20 * 1024 * 1024;

/** How long one attempt to reach the Bot API at start may take before it counts as failed. */
const CONNECT_TIMEOUT_MS = 15_000;

/**
 * The Telegram channel: long polling by default, or a webhook on the service's own port when
 * TELEGRAM_WEBHOOK_URL is set (the secret token header is checked before anything else runs).
 */
export const createTelegramChannel: ChannelFactory = ({ config, chat, deliveries, logger }) => {
  const token = config.TELEGRAM_BOT_TOKEN;
  if (!token) return Promise.resolve({ off: 'telegram: TELEGRAM_BOT_TOKEN is not set' });
  const log = logger.child({ channel: 'telegram' });
  const apiRoot = config.TELEGRAM_API_ROOT.replace(/\/+$/, '');
  const proxy = proxyFor(apiRoot);
  const agent = proxyAgentFor(apiRoot);
  const client = { apiRoot, ...(agent ? { baseFetchConfig: { agent, compress: true } } : {}) };
  const bot = createTelegramBot({
    token,
    client,
    chat,
    deliveries,
    logger: log,
    maxDownloadBytes: Math.min(TELEGRAM_DOWNLOAD_LIMIT, config.UPLOAD_MAX_BYTES),
    replyRetryMs: config.REPLY_RETRY_MS,
    afterCommand: (name, user) => {
      if (name === 'start' || name === 'link') refreshMenus(user.chatId);
    },
  });
  /** Ends the background menu work when the channel stops. */
  const menusStopped = new AbortController();
  /** The menu refreshes, one after another (a link's may come while everyone's still runs). */
  let menus: Promise<void> = Promise.resolve();
  /** People's menus (one person's after a link, everyone's once up and after an org change). */
  const refreshMenus = (chatId?: string): void => {
    if (link.status().state !== 'up') return;
    menus = menus.then(() =>
      setPersonMenus(bot.api, chat, log, { signal: menusStopped.signal, ...(chatId ? { chatId } : {}) })
        .then((people) => log.info({ people, chatId }, 'Telegram command menus of people set'))
        .catch((error: unknown) => log.warn({ err: error }, 'Telegram command menus of people not set')),
    );
  };
  const sender = createTelegramSender(new Api(token, client));
  const webhookUrl = config.TELEGRAM_WEBHOOK_URL;
  const secret = config.TELEGRAM_WEBHOOK_SECRET ?? '';
  const routes: HttpRoute[] = [];
  if (webhookUrl) {
    // grammY's own adapter answers a body that is not JSON with a 500: the body is read and
    // checked here first (400), and the update handed on already parsed.
    const adapter = (update: Update, response: ServerResponse, header: string | undefined) => ({
      update: Promise.resolve(update),
      header,
      end: () => response.end(),
      respond: (json: string) => response.writeHead(200, { 'content-type': 'application/json' }).end(json),
      unauthorized: () => response.writeHead(401).end(),
    });
    const handleUpdate = webhookCallback(bot, adapter, { secretToken: secret, onTimeout: 'return' });
    routes.push({
      method: 'POST',
      path: new URL(webhookUrl).pathname,
      handle(request, response) {
        if (!secretMatches(request.headers['x-telegram-bot-api-secret-token'], secret)) {
          log.warn('webhook request with a wrong secret token rejected');
          response.writeHead(401).end();
          return;
        }
        readBody(request, WEBHOOK_BODY_MAX_BYTES)
          .then((body) => {
            const update = parseUpdate(body);
            if (!update) {
              log.warn({ bytes: body.length }, 'webhook request with a malformed body rejected');
              response.writeHead(400).end();
              return;
            }
            return handleUpdate(update, response, secret);
          })
          .catch((error: unknown) => {
            log.error({ err: error }, 'webhook update failed');
            if (!response.headersSent) response.writeHead(500).end();
          });
      },
    });
  }
  let polling: Promise<void> | undefined;
  const link: ChannelLink = new ChannelLink({
    name: 'telegram',
    logger: log,
    minDelayMs: config.CHANNEL_RETRY_MIN_MS,
    maxDelayMs: Math.max(config.CHANNEL_RETRY_MIN_MS, config.CHANNEL_RETRY_MAX_MS),
    classify: telegramFailure,
    onUp: () => refreshMenus(),
    async connect(stopped) {
      // grammY types its signal with its own shim; on Node it takes the built-in one.
      const signal = AbortSignal.any([stopped, AbortSignal.timeout(CONNECT_TIMEOUT_MS)]) as unknown as Signal;
      // getMe once per attempt (grammY's own init would retry silently): each failure is logged.
      bot.botInfo = await bot.api.getMe(signal);
      await setDefaultMenus(bot.api, chat, signal);
      await setDashboardMenuButton(bot.api, chat, config.PUBLIC_URL, (error) =>
        log.warn({ err: error }, 'Telegram menu button not set'),
      );
      if (webhookUrl) {
        await bot.api.setWebhook(
          webhookUrl,
          { secret_token: secret, allowed_updates: ['message', 'callback_query'] },
          signal,
        );
        log.info({ url: webhookUrl, bot: bot.botInfo.username }, 'Telegram webhook set');
        return;
      }
      await bot.api.deleteWebhook(undefined, signal);
      if (stopped.aborted) return;
      polling = bot
        .start({ allowed_updates: ['message', 'callback_query'] })
        .catch((error: unknown) => link.lost(error));
      log.info({ bot: bot.botInfo.username }, 'Telegram long polling started');
    },
  });

  const module: ChannelModule = {
    platform: 'telegram',
    sender,
    routes,
    describe: () => ({
      mode: webhookUrl ? 'webhook' : 'polling',
      bot: bot.isInited() ? bot.botInfo.username : undefined,
      ...(proxy ? { proxy: shownProxy(proxy) } : {}),
    }),
    status: () => link.status(),
    orgChanged: () => refreshMenus(),
    start() {
      if (proxy) log.info({ proxy: shownProxy(proxy) }, 'Telegram API through a proxy');
      link.start();
      return Promise.resolve();
    },
    async stop() {
      menusStopped.abort();
      await link.stop();
      if (bot.isRunning()) await bot.stop();
      await polling;
      await menus;
    },
  };
  return Promise.resolve(module);
};

/** The command menu, in Indonesian and English: every listed command, then /start. */
export function menuCommands(chat: ChatPort): string[] {
  const names = chat
    .commands()
    .filter((c) => c.listed)
    .map((c) => c.name);
  return ['start', ...names];
}

/** A refused token (401, 404) needs a new configuration; anything else may pass. */
export function telegramFailure(error: unknown): FailureKind {
  return error instanceof GrammyError && (error.error_code === 401 || error.error_code === 404)
    ? 'refused'
    : 'retry';
}

/** The command of the dashboard, when a feature contributes it; its Mini App is at `/dasbor/tg`. */
const DASHBOARD_COMMAND = 'dasbor';

/**
 * With the dashboard installed and an https address (Telegram opens Mini Apps only over https),
 * the bot's menu button opens the dashboard as a Mini App. Best effort: a refusal is logged.
 */
async function setDashboardMenuButton(
  api: Api,
  chat: ChatPort,
  publicUrl: string | undefined,
  failed: (error: unknown) => void,
): Promise<void> {
  if (!publicUrl?.startsWith('https:') || !chat.commands().some((c) => c.name === DASHBOARD_COMMAND)) return;
  const t = await chat.texts({ platform: 'telegram', userId: '', chatId: '', languageCode: 'id' });
  try {
    await api.setChatMenuButton({
      menu_button: {
        type: 'web_app',
        text: t({ key: 'dash-menu-button' }),
        web_app: { url: `${publicUrl.replace(/\/+$/, '')}/dasbor/tg` },
      },
    });
  } catch (error) {
    failed(error);
  }
}

type Signal = Parameters<Api['getMe']>[0];

/** A JSON object with an integer `update_id`, or nothing. */
function parseUpdate(body: Buffer): Update | undefined {
  try {
    const parsed: unknown = JSON.parse(body.toString('utf8'));
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return undefined;
    const id = (parsed as { update_id?: unknown }).update_id;
    return Number.isInteger(id) ? (parsed as Update) : undefined;
  } catch {
    return undefined;
  }
}

function secretMatches(header: string | string[] | undefined, secret: string): boolean {
  const given = Buffer.from(typeof header === 'string' ? header : '');
  const expected = Buffer.from(secret);
  return given.length === expected.length && expected.length > 0 && timingSafeEqual(given, expected);
}
