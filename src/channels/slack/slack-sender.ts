import type { webApi } from '@slack/bolt';
import { ChannelPermanentError } from '../../chat/errors.js';
import { withRetries, type RetryOptions } from '../../chat/retrying.js';
import type { ChatSender, FileSent, OutgoingFile, OutgoingMessage, SentMessage } from '../../chat/types.js';
import { escapeMrkdwn, fallbackText, messageBlocks, truncate } from './block-kit.js';
import type { DmChannels } from './dm-channels.js';
import { mapped } from './slack-errors.js';

/**
 * Sends to Slack for the outbox and the listeners: messages to the person's DM as Block Kit with a
 * plain-text fallback, edits with chat.update, files with the external upload flow. Failures come
 * out as ChannelRateLimitedError / ChannelTransientError / ChannelPermanentError.
 */
export class SlackSender implements ChatSender {
  readonly platform = 'slack' as const;
  /** chat.postMessage allows about one message a second to a channel. */
  readonly limits = { perChatMs: 1000, globalPerSecond: 20 };
  /** Slack takes files far larger than anything Pandu keeps; the store's limit applies first. */
  readonly maxFileBytes = 1024 * 1024 * 1024;

  /**
   * With `retry` (the direct replies' sender), a network error, a 5xx or a 429 is tried again
   * with the outbox's back-off for about a minute; without it (the outbox's) it fails at once.
   */
  constructor(
    private readonly client: webApi.WebClient,
    private readonly dms: DmChannels,
    private readonly retry?: RetryOptions,
  ) {}

  private call<T>(what: string, request: () => Promise<T>): Promise<T> {
    return this.retry ? withRetries(() => mapped(what, request), this.retry) : mapped(what, request);
  }

  async send(chatId: string, message: OutgoingMessage): Promise<SentMessage> {
    const channel = await this.dms.resolve(chatId);
    const posted = await this.call('chat.postMessage', () =>
      this.client.chat.postMessage({ channel, text: fallbackText(message), blocks: messageBlocks(message) }),
    );
    if (!posted.ts) throw new ChannelPermanentError('slack chat.postMessage gave no message ts');
    return { platform: 'slack', chatId: posted.channel ?? channel, messageId: posted.ts };
  }

  async edit(sent: SentMessage, message: OutgoingMessage): Promise<void> {
    const channel = await this.dms.resolve(sent.chatId);
    await this.call('chat.update', () =>
      this.client.chat.update({
        channel,
        ts: sent.messageId,
        text: fallbackText(message),
        // Always given, so an edit without buttons removes the old ones.
        blocks: messageBlocks(message),
      }),
    );
  }

  async sendFile(chatId: string, file: OutgoingFile): Promise<FileSent> {
    const channel = await this.dms.resolve(chatId);
    await this.call('files.uploadV2', () =>
      this.client.filesUploadV2({
        channel_id: channel,
        file: file.bytes,
        filename: file.name,
        title: file.name,
        ...(file.caption ? { initial_comment: truncate(file.caption, 4000) } : {}),
      }),
    );
    return {};
  }

  /** A note only the user sees, in their DM (the Slack counterpart of Telegram's callback answer). */
  async ephemeral(chatId: string, userId: string, text: string): Promise<void> {
    const channel = await this.dms.resolve(chatId);
    await this.call('chat.postEphemeral', () =>
      this.client.chat.postEphemeral({ channel, user: userId, text: truncate(escapeMrkdwn(text), 4000) }),
    );
  }
}
