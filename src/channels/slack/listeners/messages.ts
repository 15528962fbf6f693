import type { App } from '@slack/bolt';
import type { ChatUser } from '../../../chat/types.js';
import { incomingFile } from '../incoming-files.js';
import type { SlackListenerDeps } from '../listener-deps.js';
import { asSlackUser, postReply } from '../replies.js';

/**
 * What people write and send in their DM with Pandu: text answers a question Pandu asked, files go
 * to the step that waits for one. Bots, edits and other subtypes are ignored. A file arrives both
 * as a `file_share` message and as `file_shared`; it is taken once, by its file id.
 */
export function registerMessages(app: App, deps: SlackListenerDeps): void {
  app.event('message', async ({ event }) => {
    if (event.subtype !== undefined && event.subtype !== 'file_share') return;
    if (event.channel_type !== 'im' || ('bot_id' in event && event.bot_id)) return;
    const { user: userId, channel, ts } = event;
    deps.dms.remember(userId, channel);
    await asSlackUser(deps, userId, async (user) => {
      const files = event.files ?? [];
      if (files.length > 0) {
        for (const file of files) await receiveFile(deps, user, file.id);
        return;
      }
      if (event.text?.trim()) await postReply(deps, user, await deps.chat.text(user, event.text, ts));
    });
  });

  app.event('file_shared', async ({ event, context }) => {
    if (!event.channel_id.startsWith('D') || event.user_id === context.botUserId) return;
    deps.dms.remember(event.user_id, event.channel_id);
    await asSlackUser(deps, event.user_id, (user) => receiveFile(deps, user, event.file_id));
  });
}

async function receiveFile(deps: SlackListenerDeps, user: ChatUser, fileId: string): Promise<void> {
  if (!(await deps.deliveries.firstTime(`slack:file:${fileId}`))) return;
  const { chat, client, botToken, uploadMaxBytes } = deps;
  const file = await incomingFile(client, fileId, { botToken, maxBytes: uploadMaxBytes });
  await postReply(deps, user, await chat.file(user, file, fileId));
}
