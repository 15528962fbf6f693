import { ChannelRateLimitedError, ChannelTransientError } from '../../chat/errors.js';
import type { ChatReply, ChatUser } from '../../chat/types.js';
import { slackUser, type SlackListenerDeps } from './listener-deps.js';

/** The message a button was clicked in. */
export interface Tapped {
  channel: string;
  ts: string;
}

/**
 * Shows the chat layer's answer in Slack: the tapped message replaced (chat.update), messages and files
 * in the DM (task messages recorded so later edits reach them), and the short note as an
 * ephemeral message when there is nothing else to show.
 */
export async function postReply(
  deps: SlackListenerDeps,
  user: ChatUser,
  reply: ChatReply,
  tapped?: Tapped,
): Promise<void> {
  const { replies, chat } = deps;
  if (reply.replaceTapped) {
    // Only the user's own DM is edited; anything else is answered with a new message.
    if (tapped && tapped.channel === user.chatId) {
      await replies.edit(
        { platform: 'slack', chatId: tapped.channel, messageId: tapped.ts },
        reply.replaceTapped,
      );
    } else {
      await chat.recordTaskMessage(reply.replaceTapped, await replies.send(user.chatId, reply.replaceTapped));
    }
  }
  for (const [index, message] of reply.messages.entries()) {
    const sent = await replies.send(user.chatId, message).catch(async (error: unknown) => {
      // Still failing after the retries (an outage): this and the rest go through the outbox.
      if (!isPassing(error) || !(await chat.deferReply(user, reply.messages.slice(index)))) throw error;
      return undefined;
    });
    // Deferred: the files are still tried (with the same retries), not silently dropped.
    if (!sent) break;
    await chat.recordTaskMessage(message, sent);
  }
  for (const file of reply.files ?? []) await replies.sendFile(user.chatId, file);
  if (reply.toast && reply.messages.length === 0 && !reply.replaceTapped) {
    await replies.ephemeral(user.chatId, user.userId, reply.toast);
  }
}

/**
 * Runs a listener's work (after the ack) for a Slack user. A failure is logged and the user told,
 * in their language, that it did not go through; it never reaches Slack as an error response.
 */
export async function asSlackUser(
  deps: SlackListenerDeps,
  userId: string,
  work: (user: ChatUser) => Promise<void>,
): Promise<void> {
  let user: ChatUser | undefined;
  try {
    user = await slackUser(deps, userId);
    await work(user);
  } catch (error) {
    deps.logger.error({ err: error, userId }, 'slack: handling an interaction failed');
    if (user) await tellFailure(deps, user);
  }
}

async function tellFailure(deps: SlackListenerDeps, user: ChatUser): Promise<void> {
  try {
    const reply = await deps.chat.failure(user);
    for (const message of reply.messages) await deps.replies.send(user.chatId, message);
  } catch (error) {
    deps.logger.warn({ err: error }, 'slack: could not tell the user about the failure');
  }
}

/** A failure that may pass by itself (network, 5xx, 429), as the Slack sender maps it. */
function isPassing(error: unknown): boolean {
  return error instanceof ChannelTransientError || error instanceof ChannelRateLimitedError;
}
