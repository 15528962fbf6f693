import type { webApi } from '@slack/bolt';
import { ChannelPermanentError } from '../../chat/errors.js';
import { mapped } from './slack-errors.js';

/** A Slack user id (`U…`, or `W…` on Enterprise Grid) rather than a conversation id. */
export function isUserId(id: string): boolean {
  return /^[UW][A-Z0-9]+$/.test(id);
}

/**
 * The app's direct-message channel (`D…`) with each user, opened once with conversations.open and
 * remembered. Messages, updates and file shares all go to the DM, never to a user id.
 */
export class DmChannels {
  private readonly known = new Map<string, string>();

  constructor(private readonly client: webApi.WebClient) {}

  /** Remembers a DM seen on an incoming event (`message.im` carries its channel). */
  remember(userId: string, channelId: string): void {
    if (isUserId(userId) && channelId.startsWith('D')) this.known.set(userId, channelId);
  }

  /** The DM channel for a user id; a conversation id is returned as it is. */
  async resolve(userOrChannel: string): Promise<string> {
    if (!isUserId(userOrChannel)) return userOrChannel;
    const cached = this.known.get(userOrChannel);
    if (cached) return cached;
    const opened = await mapped('conversations.open', () =>
      this.client.conversations.open({ users: userOrChannel }),
    );
    const channelId = opened.channel?.id;
    if (!channelId)
      throw new ChannelPermanentError(`slack conversations.open gave no channel for ${userOrChannel}`);
    this.known.set(userOrChannel, channelId);
    return channelId;
  }
}
