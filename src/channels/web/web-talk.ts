import type { ChatPort } from '../../chat/port.js';
import type { ChatReply, ChatUser } from '../../chat/types.js';
import type { IncomingFile } from '../../chat/uploads.js';
import type { WebHub } from './web-hub.js';
import { postFile } from './web-sender.js';
import type { WebStore } from './web-store.js';

/** One person's side of the conversation in the browser: what they type, tap and send. */
export interface WebSpeaker {
  personId: string;
  accountId: string;
}

export function webUser(accountId: string, languageCode?: string): ChatUser {
  return { platform: 'web', userId: accountId, chatId: accountId, ...(languageCode ? { languageCode } : {}) };
}

/**
 * Hands a person's input to the chat layer and puts the answer in their conversation; the engine
 * authorizes every action. Answers with the short note (toast) the page shows.
 */
export class WebTalk {
  constructor(
    private readonly chat: ChatPort,
    private readonly store: WebStore,
    private readonly hub: WebHub,
  ) {}

  /** A line typed in the box: a command when it starts with `/`, else a plain message. */
  async say(speaker: WebSpeaker, text: string): Promise<string | undefined> {
    const mine = await this.store.addMessage(speaker.personId, 'me', { lines: [text], buttons: [] });
    this.hub.publish(speaker.personId, { type: 'message', message: mine });
    const user = webUser(speaker.accountId);
    const command = parseCommand(text);
    const reply = command
      ? await this.chat.command(user, command.name, command.args)
      : await this.chat.text(user, text, mine.id);
    return this.answer(speaker, reply, undefined, true);
  }

  async tap(
    speaker: WebSpeaker,
    token: string,
    messageId: string,
    tapId: string,
  ): Promise<string | undefined> {
    const reply = await this.chat.tap(webUser(speaker.accountId), token, tapId);
    return this.answer(speaker, reply, messageId, false);
  }

  async upload(
    speaker: WebSpeaker,
    name: string,
    mimeType: string,
    bytes: Buffer,
  ): Promise<string | undefined> {
    await postFile(this.store, this.hub, speaker.personId, { name, mimeType, bytes }, 'me');
    const file: IncomingFile = { name, size: bytes.length, mimeType, download: () => Promise.resolve(bytes) };
    const reply = await this.chat.file(webUser(speaker.accountId), file, `upload-${Date.now()}`);
    return this.answer(speaker, reply, undefined, true);
  }

  /** Stores and shows the reply's messages (task messages recorded, so later edits reach them). */
  async answer(
    speaker: WebSpeaker,
    reply: ChatReply,
    tappedId: string | undefined,
    toastAsMessage: boolean,
  ): Promise<string | undefined> {
    const { personId } = speaker;
    if (tappedId && reply.replaceTapped) {
      const edited = await this.store.editMessage(personId, tappedId, reply.replaceTapped);
      if (edited) this.hub.publish(personId, { type: 'edit', message: edited });
    }
    const messages =
      toastAsMessage && reply.messages.length === 0 && !reply.replaceTapped && reply.toast
        ? [{ lines: [reply.toast], buttons: [] }]
        : reply.messages;
    for (const message of messages) {
      const stored = await this.store.addMessage(personId, 'pandu', message);
      this.hub.publish(personId, { type: 'message', message: stored });
      await this.chat.recordTaskMessage(message, {
        platform: 'web',
        chatId: speaker.accountId,
        messageId: stored.id,
      });
    }
    for (const file of reply.files ?? []) await postFile(this.store, this.hub, personId, file);
    return toastAsMessage ? undefined : reply.toast;
  }
}

/** `/status 001/ND` → { name: 'status', args: '001/ND' }. */
export function parseCommand(text: string): { name: string; args: string } | undefined {
  const match = /^\/([a-zA-Z0-9_]{1,32})(?:\s+([\s\S]*))?$/.exec(text.trim());
  if (!match) return undefined;
  return { name: (match[1] ?? '').toLowerCase(), args: (match[2] ?? '').trim() };
}
