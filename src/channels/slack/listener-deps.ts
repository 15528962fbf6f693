import type { webApi } from '@slack/bolt';
import type { DeliveryLog } from '../../chat/ports.js';
import type { Logger } from '../../logger.js';
import type { ChatPort } from '../../chat/port.js';
import type { ChatUser } from '../../chat/types.js';
import type { DmChannels } from './dm-channels.js';
import type { SlackSender } from './slack-sender.js';

/** What the Bolt listeners work with. */
export interface SlackListenerDeps {
  chat: ChatPort;
  /** For replies to interactions and for views and files (the outbox has its own client). */
  client: webApi.WebClient;
  replies: SlackSender;
  dms: DmChannels;
  deliveries: DeliveryLog;
  botToken: string;
  uploadMaxBytes: number;
  logger: Logger;
}

/** The person behind a Slack user id, as the chat layer sees them: answered in their DM. */
export async function slackUser(deps: SlackListenerDeps, userId: string): Promise<ChatUser> {
  return { platform: 'slack', userId, chatId: await deps.dms.resolve(userId) };
}
