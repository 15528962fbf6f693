import { timingSafeEqual } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import { Api, webhookCallback } from 'grammy';
import type { Update } from 'grammy/types';
import { readBody } from '../../http/http-server.js';
import type { HttpRoute } from '../../http/routes.js';
import type { ChannelFactory, ChannelModule } from '../channel.js';
import { createTelegramBot } from './telegram-bot.js';
import { createTelegramSender } from './telegram-sender.js';
import type { ChatPort } from '../../chat/port.js';

/** An update is a few kilobytes; anything far larger is not one. */
const WEBHOOK_BODY_MAX_BYTES = 1024 * 1024;

/** The Bot API serves downloads up to 20 MB. */
export const TELEGRAM_DOWNLOAD_LIMIT = 20 * 1024 * 1024;

/**
 * The Telegram channel: long polling by default, or a webhook on the service's own port when
 * TELEGRAM_WEBHOOK_URL is set (the secret token header is checked before anything else runs).
 */
export const createTelegramChannel: ChannelFactory = ({ config, chat, deliveries, logger }) => {
  const token = config.TELEGRAM_BOT_TOKEN;
  if (!token) return Promise.resolve({ off: 'telegram: TELEGRAM_BOT_TOKEN is not set' });
  const log = logger.child({ channel: 'telegram' });
  const apiRoot = config.TELEGRAM_API_ROOT.replace(/\/+$/, '');
  const bot = createTelegramBot({
    token,
    apiRoot,
    chat,
    deliveries,
    logger: log,
    maxDownloadBytes: Math.min(TELEGRAM_DOWNLOAD_LIMIT, config.UPLOAD_MAX_BYTES),
  });
  const sender = createTelegramSender(new Api(token, { apiRoot }));
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

  const module: ChannelModule = {
    platform: 'telegram',
    sender,
    routes,
    describe: () => ({
      mode: webhookUrl ? 'webhook' : 'polling',
      bot: bot.isInited() ? bot.botInfo.username : undefined,
    }),
    async start() {
      await bot.init();
      await registerCommands(bot.api, chat);
      if (webhookUrl) {
        await bot.api.setWebhook(webhookUrl, {
          secret_token: secret,
          allowed_updates: ['message', 'callback_query'],
        });
        log.info({ url: webhookUrl }, 'Telegram webhook set');
        return;
      }
      await bot.api.deleteWebhook();
      polling = bot.start({ allowed_updates: ['message', 'callback_query'] }).catch((error: unknown) => {
        log.error({ err: error }, 'Telegram polling stopped');
      });
      log.info({ bot: bot.botInfo.username }, 'Telegram long polling started');
    },
    async stop() {
      if (bot.isRunning()) await bot.stop();
      await polling;
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

async function registerCommands(api: Api, chat: ChatPort): Promise<void> {
  for (const locale of ['id', 'en'] as const) {
    const t = await chat.texts({ platform: 'telegram', userId: '', chatId: '', languageCode: locale });
    const commands = menuCommands(chat).map((command) => ({
      command,
      description: t({ key: `chat-command-${command}` }),
    }));
    await api.setMyCommands(commands, locale === 'id' ? {} : { language_code: locale });
  }
}

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
