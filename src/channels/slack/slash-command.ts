import type { ChatCore } from '../../chat/chat-core.js';
import type { ChatReply, ChatUser } from '../../chat/types.js';

/** Sub-commands ChatCore itself knows; others (templat, wakil...) come from `extraCommands`. */
const CORE_COMMANDS = new Set(['tugas', 'status', 'ajukan', 'bahasa', 'batal']);

/** `/pandu <sub> <args>` → ChatCore, with the same meanings as the Telegram commands. */
export async function runSlashCommand(chat: ChatCore, user: ChatUser, text: string): Promise<ChatReply> {
  const trimmed = text.trim();
  const space = trimmed.search(/\s/);
  const sub = (space < 0 ? trimmed : trimmed.slice(0, space)).toLowerCase();
  const args = space < 0 ? '' : trimmed.slice(space + 1).trim();
  switch (sub) {
    case '':
    case 'bantuan':
    case 'help':
      return chat.help(user);
    case 'link':
    case 'start':
      return chat.link(user, args);
    case 'kanal': {
      const platform = args.toLowerCase();
      if (platform === 'telegram' || platform === 'slack') return chat.setPreferredChannel(user, platform);
      return chat.say(user, await chat.identify(user), { key: 'slack-channel-usage' });
    }
    default:
      if (CORE_COMMANDS.has(sub) || chat.deps.extraCommands?.[sub]) return chat.command(user, sub, args);
      return chat.say(user, await chat.identify(user), {
        key: 'slack-unknown-command',
        params: { command: sub },
      });
  }
}
