import type { ChatSender, FileSent, OutgoingFile, OutgoingMessage, SentMessage } from '../../chat/types.js';
import { ChannelPermanentError } from '../../chat/errors.js';
import type { WebHub } from './web-hub.js';
import type { WebStore } from './web-store.js';

/** The largest file the web channel keeps in a conversation (one database document holds it). */
export const WEB_MAX_FILE_BYTES = 15 * 1024 * 1024;

/**
 * Sends for the outbox: a message to a web account lands in its person's conversation (every web
 * session of that person sees it, live). The chat id is the web account id.
 */
export function createWebSender(store: WebStore, hub: WebHub): ChatSender {
  const personOf = async (accountId: string): Promise<string> => {
    const personId = await store.personOfAccount(accountId);
    if (!personId) throw new ChannelPermanentError(`no web account ${accountId}`);
    return personId;
  };
  return {
    platform: 'web',
    limits: { perChatMs: 0, globalPerSecond: 1000 },
    maxFileBytes: WEB_MAX_FILE_BYTES,
    async send(chatId: string, message: OutgoingMessage): Promise<SentMessage> {
      const personId = await personOf(chatId);
      const stored = await store.addMessage(personId, 'pandu', message);
      hub.publish(personId, { type: 'message', message: stored });
      return { platform: 'web', chatId, messageId: stored.id };
    },
    async edit(sent: SentMessage, message: OutgoingMessage): Promise<void> {
      const personId = await personOf(sent.chatId);
      const edited = await store.editMessage(personId, sent.messageId, message);
      if (edited) hub.publish(personId, { type: 'edit', message: edited });
    },
    async sendFile(chatId: string, file: OutgoingFile): Promise<FileSent> {
      const personId = await personOf(chatId);
      await postFile(store, hub, personId, file);
      return {};
    },
  };
}

/** A file into a person's conversation: kept, and shown as a message with its download link. */
export async function postFile(
  store: WebStore,
  hub: WebHub,
  personId: string,
  file: OutgoingFile,
  from: 'pandu' | 'me' = 'pandu',
): Promise<void> {
  const id = await store.addFile(personId, file.name, file.mimeType, file.bytes);
  const stored = await store.addMessage(
    personId,
    from,
    { lines: file.caption ? [file.caption] : [], buttons: [] },
    [{ id, name: file.name, size: file.bytes.length }],
  );
  hub.publish(personId, { type: 'message', message: stored });
}
