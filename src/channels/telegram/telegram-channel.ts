import { timingSafeEqual } from 'node:crypto';
import { Api, webhookCallback } from 'grammy';
import type { HttpRoute } from '../../http/routes.js';
import type { ChannelFactory, ChannelModule } from '../channel.js';
import { createTelegramBot } from './telegram-bot.js';
import { createTelegramSender } from './telegram-sender.js';
import type { ChatPort } from '../../chat/port.js';

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
    const handleUpdate = webhookCallback(bot, 'http', { secretToken: secret, onTimeout: 'return' });
    routes.push({
      method: 'POST',
      path: new URL(webhookUrl).pathname,
      handle(request, response) {
        if (!secretMatches(request.headers['x-telegram-bot-api-secret-token'], secret)) {
          log.warn('webhook request with a wrong secret token rejected');
          response.writeHead(401).end();
          return;
        }
        handleUpdate(request, response).catch((error: unknown) => {
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
      await setDashboardMenuButton(bot.api, chat, config.PUBLIC_URL, (error) =>
        log.warn({ err: error }, 'Telegram menu button not set'),
      );
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

function secretMatches(header: string | string[] | undefined, secret: string): boolean {
  const given = Buffer.from(typeof header === 'string' ? header : '');
  const expected = Buffer.from(secret);
  return given.length === expected.length && expected.length > 0 && timingSafeEqual(given, expected);
}
