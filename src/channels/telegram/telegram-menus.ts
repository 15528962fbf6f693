import { setTimeout as wait } from 'node:timers/promises';
import { GrammyError, type Api } from 'grammy';
import type { ChatPort } from '../../chat/port.js';
import type { Logger } from '../../logger.js';

type Signal = Parameters<Api['getMe']>[0];

/** How often one person's menu is tried when Telegram answers 429 (it says how long to wait). */
const ATTEMPTS_PER_MENU = 3;

/**
 * The command menus through setMyCommands. The default scope (Indonesian, and English for English
 * apps) holds the commands for everyone: two calls, made while the channel connects.
 */
export async function setDefaultMenus(api: Api, chat: ChatPort, signal?: Signal): Promise<void> {
  const { defaults } = await chat.commandMenus('telegram');
  await api.setMyCommands(defaults.id, {}, signal);
  await api.setMyCommands(defaults.en, { language_code: 'en' }, signal);
}

/**
 * Each reachable person's private chat gets a chat scope with the commands of their audiences
 * (admins see /gangguan, requesters /ajukan), in their language: one call per person, so it runs
 * after the channel is up (with hundreds of people it takes longer than a connection attempt
 * may), one call at a time, waiting as long as a 429 asks. `chatId`: only that person's chat
 * (after they linked). A chat Telegram refuses (the person never opened the bot) is logged and
 * skipped. Ends early, with what it set so far, once `signal` is aborted.
 */
export async function setPersonMenus(
  api: Api,
  chat: ChatPort,
  logger: Logger,
  options: { signal?: AbortSignal; chatId?: string } = {},
): Promise<number> {
  const { people } = await chat.commandMenus('telegram');
  const { signal, chatId } = options;
  let set = 0;
  for (const person of people) {
    if (signal?.aborted) break;
    if (chatId && person.chatId !== chatId) continue;
    const id = Number(person.chatId);
    if (!Number.isSafeInteger(id)) continue;
    try {
      await withRetryAfter(
        () => api.setMyCommands(person.commands, { scope: { type: 'chat', chat_id: id } }, signal as Signal),
        signal,
      );
      set += 1;
    } catch (error) {
      if (signal?.aborted) break;
      logger.warn({ err: error, personId: person.personId }, 'Telegram menu of a person not set');
    }
  }
  return set;
}

async function withRetryAfter<T>(call: () => Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await call();
    } catch (error) {
      const retryAfter = error instanceof GrammyError ? error.parameters.retry_after : undefined;
      if (retryAfter === undefined || attempt >= ATTEMPTS_PER_MENU || signal?.aborted) throw error;
      // Ends early once the channel stops, and then gives up.
      await wait(retryAfter * 1000, undefined, signal ? { signal } : {}).catch(() => undefined);
      if (signal?.aborted) throw error;
    }
  }
}
