import type { ChatSender, OutgoingFile, OutgoingMessage, SentMessage } from '../../src/chat/types.js';
import type { ChatPlatform } from '../../src/chat/types.js';

/** A ChatSender that records what it was asked to do and can be told to fail. */
export class FakeSender implements ChatSender {
  readonly sent: Array<{ chatId: string; message: OutgoingMessage; sent: SentMessage }> = [];
  readonly edits: Array<{ sent: SentMessage; message: OutgoingMessage }> = [];
  readonly files: Array<{ chatId: string; file: OutgoingFile }> = [];
  private failures: Error[] = [];
  private nextId = 1;

  readonly limits = { perChatMs: 1000, globalPerSecond: 30 };

  constructor(readonly platform: ChatPlatform) {}

  failNext(...errors: Error[]): void {
    this.failures.push(...errors);
  }

  send(chatId: string, message: OutgoingMessage): Promise<SentMessage> {
    const failure = this.failures.shift();
    if (failure) return Promise.reject(failure);
    const sent: SentMessage = { platform: this.platform, chatId, messageId: String(this.nextId++) };
    this.sent.push({ chatId, message, sent });
    return Promise.resolve(sent);
  }

  edit(sent: SentMessage, message: OutgoingMessage): Promise<void> {
    const failure = this.failures.shift();
    if (failure) return Promise.reject(failure);
    this.edits.push({ sent, message });
    return Promise.resolve();
  }

  sendFile(chatId: string, file: OutgoingFile): Promise<void> {
    this.files.push({ chatId, file });
    return Promise.resolve();
  }
}
