import { Bot, InputFile, type ApiClientOptions, type Context } from 'grammy';
import { cutText } from '../../chat/cut-text.js';
import { downloadCapped } from '../../chat/download.js';
import type { ChatPort } from '../../chat/port.js';
import type { DeliveryLog } from '../../chat/ports.js';
import type { ChatReply, ChatUser } from '../../chat/types.js';
import type { Logger } from '../../logger.js';
import { inlineKeyboard, messageText } from './keyboard.js';
import { replyRetryTransformer } from './reply-retry.js';
import { isPassing } from './telegram-errors.js';
import { sequentializeByChat } from './sequentialize.js';

export interface TelegramBotDeps {
  token: string;
  /** The Bot API's root and, behind a proxy, the agent (`baseFetchConfig`). */
  client: ApiClientOptions & { apiRoot: string };
  chat: ChatPort;
  deliveries: DeliveryLog;
  logger: Logger;
  /** Bot API download limit: larger documents are refused before any download. */
  maxDownloadBytes: number;
  /** How long in all a reply may wait for the Bot API before it goes to the outbox (default 60 s). */
  replyRetryMs?: number;
  /** After a command was answered (the menus follow a new link). */
  afterCommand?: (name: string, user: ChatUser) => void;
}

/** How long a tap may take before its callback query is answered without waiting for the result. */
const ANSWER_WITHIN_MS = 1500;

/**
 * The grammY bot: de-duplicates updates, keeps each chat's updates in order, and hands commands,
 * taps, replies and documents to the chat layer. No SOP rule lives here. One error boundary
 * answers the tap and tells the person when anything below fails.
 */
export function createTelegramBot(deps: TelegramBotDeps): Bot {
  const bot = new Bot(deps.token, { client: deps.client });
  const { chat, logger } = deps;
  bot.api.config.use(
    replyRetryTransformer({
      ...(deps.replyRetryMs !== undefined ? { budgetMs: deps.replyRetryMs } : {}),
      onRetry: (error, waitMs, failures) =>
        logger.warn({ err: error, waitMs, failures }, 'Telegram reply failed, retrying'),
    }),
  );
  // Updates this process is handling now: a webhook retry that arrives meanwhile is not handled
  // (and answered) a second time.
  const handling = new Set<number>();
  bot.use(async (ctx, next) => {
    const updateId = ctx.update.update_id;
    const key = `telegram:update:${updateId}`;
    if (handling.has(updateId)) return;
    handling.add(updateId);
    try {
      if (await deps.deliveries.seen(key)) {
        logger.debug({ updateId }, 'duplicate Telegram update ignored');
        return;
      }
      await next();
      // Recorded once handled, not before: a process that dies while handling the update (its
      // offset or webhook answer never reached Telegram) gets it again and handles it then. What
      // the handlers change is keyed by the tap's or message's id, so handling twice applies once.
      // The record goes with others a moment later; the answer to Telegram does not wait for it.
      void deps.deliveries
        .handled(key)
        .catch((error: unknown) => logger.warn({ err: error, updateId }, 'Telegram update not recorded'));
    } finally {
      handling.delete(updateId);
    }
  });
  bot.use(sequentializeByChat());
  // After the two above: a composer takes its place in the chain where it is made, and handlers
  // made before them would run first (a duplicate update handled again, a chat's updates at once).
  const handlers = bot.errorBoundary((error) => tellFailure(deps, error.ctx, error.error));

  handlers.on('callback_query:data', async (ctx) => {
    const user = chatUser(ctx);
    if (!user) return;
    const work = chat.tap(user, ctx.callbackQuery.data, ctx.callbackQuery.id);
    const early = await Promise.race([work, delay(ANSWER_WITHIN_MS).then(() => undefined)]);
    // The answer to the tap only stops the spinner: when Telegram cannot take it, the reply still goes.
    const answer = (options: Parameters<Context['answerCallbackQuery']>[0] = {}) =>
      ctx
        .answerCallbackQuery(options)
        .then(() => undefined)
        .catch((error: unknown) => logger.warn({ err: error }, 'Telegram tap not answered'));
    if (early) {
      await answer(
        early.toast ? { text: cutText(early.toast, 200), show_alert: early.toast.startsWith('⛔') } : {},
      );
      await sendReply(chat, ctx, early, true);
      return;
    }
    await answer();
    await sendReply(chat, ctx, withToastAsMessageLine(await work), true);
  });

  handlers.on('message:document', async (ctx) => {
    const user = chatUser(ctx);
    if (!user) return;
    const document = ctx.message.document;
    const size = document.file_size ?? 0;
    const reply = await chat.file(
      user,
      {
        name: document.file_name ?? `berkas-${document.file_unique_id}`,
        size,
        mimeType: document.mime_type ?? 'application/octet-stream',
        download: () => downloadFile(ctx, deps),
        platformRef: document.file_id,
      },
      String(ctx.message.message_id),
    );
    await sendReply(chat, ctx, withToastAsMessageLine(reply), false);
  });

  handlers.on('message:text', async (ctx) => {
    const user = chatUser(ctx);
    if (!user) return;
    const command = parseCommand(ctx.message.text, ctx.me.username);
    const reply = command
      ? await chat.command(user, command.name, command.args)
      : await chat.text(user, ctx.message.text, String(ctx.message.message_id));
    await sendReply(chat, ctx, withToastAsMessageLine(reply), false);
    if (command) deps.afterCommand?.(command.name, user);
  });

  handlers.on('message', async (ctx) => {
    const user = chatUser(ctx);
    if (!user) return;
    await sendReply(chat, ctx, await chat.help(user), false);
  });

  bot.catch((error) => {
    logger.error({ err: error.error, updateId: error.ctx.update.update_id }, 'Telegram update failed');
  });
  return bot;
}

/**
 * The error boundary: the failure is logged with its cause, the tap is answered (else the button
 * spins), and the person is told in their language. What the chat layer recorded before a
 * failure it reports itself; a failure here is in showing the answer.
 */
async function tellFailure(deps: TelegramBotDeps, ctx: Context, error: unknown): Promise<void> {
  deps.logger.error({ err: error, updateId: ctx.update.update_id }, 'Telegram update failed');
  const user = chatUser(ctx);
  try {
    const reply = user ? await deps.chat.failure(user) : undefined;
    const text = reply?.toast === undefined ? undefined : cutText(reply.toast, 200);
    if (ctx.callbackQuery) await ctx.answerCallbackQuery(text ? { text, show_alert: true } : {});
    if (reply && ctx.chat)
      await ctx.reply(messageText(reply.messages[0] ?? { lines: [text ?? ''], buttons: [] }));
  } catch (followUp) {
    deps.logger.warn({ err: followUp }, 'could not tell the person about the failure');
  }
}

/**
 * Pandu talks to people in private chats only; there the chat id is the user's id, so nothing
 * in an update (a tap on a message forwarded elsewhere, a group) can redirect someone's tasks.
 */
function chatUser(ctx: Context): ChatUser | undefined {
  if (!ctx.from || ctx.from.is_bot) return undefined;
  if (ctx.chat && ctx.chat.type !== 'private') return undefined;
  return {
    platform: 'telegram',
    userId: String(ctx.from.id),
    chatId: String(ctx.from.id),
    ...(ctx.from.language_code ? { languageCode: ctx.from.language_code } : {}),
  };
}

/** `/status 001/ND` or `/status@PanduBot 001/ND` → { name: 'status', args: '001/ND' }. */
export function parseCommand(text: string, botUsername: string): { name: string; args: string } | undefined {
  const match = /^\/([a-zA-Z0-9_]{1,32})(?:@([A-Za-z0-9_]+))?(?:\s+([\s\S]*))?$/.exec(text.trim());
  if (!match) return undefined;
  if (match[2] && match[2].toLowerCase() !== botUsername.toLowerCase()) return undefined;
  return { name: (match[1] ?? '').toLowerCase(), args: (match[3] ?? '').trim() };
}

async function downloadFile(ctx: Context, deps: TelegramBotDeps): Promise<Buffer> {
  const file = await ctx.getFile();
  if (!file.file_path) throw new Error('Telegram gave no file path');
  return downloadCapped(`${deps.client.apiRoot}/file/bot${deps.token}/${file.file_path}`, {
    maxBytes: deps.maxDownloadBytes,
  });
}

/** Sends a reply's messages (recording task messages) and replaces the tapped message if asked. */
async function sendReply(chat: ChatPort, ctx: Context, reply: ChatReply, tapped: boolean): Promise<void> {
  if (tapped && reply.replaceTapped && ctx.callbackQuery?.message) {
    const keyboard = inlineKeyboard(reply.replaceTapped);
    await ctx
      .editMessageText(messageText(reply.replaceTapped), keyboard ? { reply_markup: keyboard } : {})
      .catch(() => undefined);
  }
  for (const [index, message] of reply.messages.entries()) {
    const keyboard = inlineKeyboard(message);
    const sent = await ctx
      .reply(messageText(message), {
        ...(keyboard ? { reply_markup: keyboard } : {}),
        ...(message.confidential ? { protect_content: true } : {}),
      })
      .catch(async (error: unknown) => {
        // Still failing after the retries (an outage): this and the rest go through the outbox.
        const user = chatUser(ctx);
        if (!isPassing(error) || !user || !(await chat.deferReply(user, reply.messages.slice(index))))
          throw error;
        return undefined;
      });
    // Deferred: the files are still tried (with the same retries), not silently dropped.
    if (!sent) break;
    await chat.recordTaskMessage(message, {
      platform: 'telegram',
      chatId: String(sent.chat.id),
      messageId: String(sent.message_id),
    });
  }
  for (const file of reply.files ?? []) {
    await ctx.replyWithDocument(new InputFile(file.bytes, file.name), {
      ...(file.caption ? { caption: file.caption } : {}),
      ...(file.confidential ? { protect_content: true } : {}),
    });
  }
}

function withToastAsMessageLine(reply: ChatReply): ChatReply {
  if (reply.messages.length > 0 || reply.replaceTapped || !reply.toast) return reply;
  return { ...reply, messages: [{ lines: [reply.toast], buttons: [] }] };
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
}
