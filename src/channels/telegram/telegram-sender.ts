import { InputFile, type Api } from 'grammy';
import type { ChatSender, OutgoingFile, OutgoingMessage, SentMessage } from '../../chat/types.js';
import { inlineKeyboard, messageText } from './keyboard.js';
import { isNotModified, toChannelError } from './telegram-errors.js';

/**
 * Sends and edits messages for the outbox. No retries here: failures are mapped to channel
 * errors and the dispatcher reschedules (429 after retry_after, 5xx and network with backoff).
 */
export function createTelegramSender(api: Api): ChatSender {
  return {
    platform: 'telegram',
    // The Bot API's limits: about one message a second to a chat, 30 a second in all.
    limits: { perChatMs: 1000, globalPerSecond: 30 },
    async send(chatId: string, message: OutgoingMessage): Promise<SentMessage> {
      try {
        const keyboard = inlineKeyboard(message);
        const sent = await api.sendMessage(
          chatId,
          messageText(message),
          keyboard ? { reply_markup: keyboard } : {},
        );
        return { platform: 'telegram', chatId, messageId: String(sent.message_id) };
      } catch (error) {
        throw toChannelError(error);
      }
    },
    async edit(sent: SentMessage, message: OutgoingMessage): Promise<void> {
      try {
        const keyboard = inlineKeyboard(message);
        await api.editMessageText(
          sent.chatId,
          Number(sent.messageId),
          messageText(message),
          keyboard ? { reply_markup: keyboard } : {},
        );
      } catch (error) {
        if (isNotModified(error)) return;
        throw toChannelError(error);
      }
    },
    async sendFile(chatId: string, file: OutgoingFile): Promise<void> {
      try {
        await api.sendDocument(
          chatId,
          new InputFile(file.bytes, file.name),
          file.caption ? { caption: file.caption } : {},
        );
      } catch (error) {
        throw toChannelError(error);
      }
    },
  };
}
