import type { Api } from 'grammy';
import type { ChatPort } from '../../chat/port.js';
import type { Logger } from '../../logger.js';

type Signal = Parameters<Api['getMe']>[0];

/**
 * The command menus through setMyCommands: the default scope (Indonesian, and English for
 * English apps) holds the commands for everyone; each reachable person's private chat gets a
 * chat scope with the commands of their audiences (admins see /gangguan, requesters /ajukan), in
 * their language. `chatId`: only that person's chat (after they linked). A chat Telegram refuses
 * (the person never opened the bot) is logged and skipped.
 */
export async function setCommandMenus(
  api: Api,
  chat: ChatPort,
  logger: Logger,
  options: { signal?: Signal; chatId?: string } = {},
): Promise<number> {
  const { defaults, people } = await chat.commandMenus('telegram');
  const { signal, chatId } = options;
  if (!chatId) {
    await api.setMyCommands(defaults.id, {}, signal);
    await api.setMyCommands(defaults.en, { language_code: 'en' }, signal);
  }
  let set = 0;
  for (const person of people) {
    if (chatId && person.chatId !== chatId) continue;
    const id = Number(person.chatId);
    if (!Number.isSafeInteger(id)) continue;
    try {
      await api.setMyCommands(person.commands, { scope: { type: 'chat', chat_id: id } }, signal);
      set += 1;
    } catch (error) {
      logger.warn({ err: error, personId: person.personId }, 'Telegram menu of a person not set');
    }
  }
  return set;
}
