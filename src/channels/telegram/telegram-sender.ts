import { InputFile, type Api } from 'grammy';
import { cutText } from '../../chat/cut-text.js';
import type { ChatSender, FileSent, OutgoingFile, OutgoingMessage, SentMessage } from '../../chat/types.js';
import { inlineKeyboard, messageText } from './keyboard.js';
import { isNotModified, isStaleFileId, toChannelError } from './telegram-errors.js';

/**
 * Sends and edits messages for the outbox. No retries here: failures are mapped to channel
 * errors and the dispatcher reschedules (429 after retry_after, 5xx and network with backoff).
 */
export function createTelegramSender(api: Api): ChatSender {
  return {
    platform: 'telegram',
    // The Bot API's limits: about one message a second to a chat, 30 a second in all; bots send files up to 50 MB.
    // A few ms of margin keep sends spaced by the limits within them when they arrive.
    limits: { perChatMs: 1000, globalPerSecond: 30, marginMs: 15 },
    maxFileBytes: 50 * 1024 * 1024,
    async send(chatId: string, message: OutgoingMessage): Promise<SentMessage> {
      try {
        const keyboard = inlineKeyboard(message);
        const sent = await api.sendMessage(chatId, messageText(message), {
          ...(keyboard ? { reply_markup: keyboard } : {}),
          // A confidential letter's message cannot be forwarded or saved.
          ...(message.confidential ? { protect_content: true } : {}),
        });
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
    async sendFile(chatId: string, file: OutgoingFile): Promise<FileSent> {
      const caption = {
        ...(file.caption ? { caption: cutCaption(file.caption) } : {}),
        ...(file.confidential ? { protect_content: true } : {}),
      };
      // A file Telegram has (a person sent it, or the bot did before) goes by its file_id: no upload.
      if (file.platformRef) {
        try {
          const sent = await api.sendDocument(chatId, file.platformRef, caption);
          return { platformRef: sent.document?.file_id ?? file.platformRef };
        } catch (error) {
          if (!isStaleFileId(error)) throw toChannelError(error);
        }
      }
      try {
        const sent = await api.sendDocument(chatId, new InputFile(file.bytes, file.name), caption);
        return sent.document?.file_id ? { platformRef: sent.document.file_id } : {};
      } catch (error) {
        throw toChannelError(error);
      }
    },
  };
}

/** Telegram's limit on a document's caption. */
const MAX_CAPTION = 1024;

function cutCaption(caption: string): string {
  return cutText(caption, MAX_CAPTION);
}
