import type { ChatPort } from '../../chat/port.js';
import type { ChatReply, ChatUser } from '../../chat/types.js';

/** `/pandu <sub> <args>` → the chat command of that name, with the same meaning as in Telegram. */
export async function runSlashCommand(chat: ChatPort, user: ChatUser, text: string): Promise<ChatReply> {
  const trimmed = text.trim();
  const space = trimmed.search(/\s/);
  const sub = (space < 0 ? trimmed : trimmed.slice(0, space)).toLowerCase();
  const args = space < 0 ? '' : trimmed.slice(space + 1).trim();
  return sub === '' ? chat.help(user) : chat.command(user, sub, args);
}
