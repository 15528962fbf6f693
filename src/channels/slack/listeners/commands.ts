import type { App } from '@slack/bolt';
import type { SlackListenerDeps } from '../listener-deps.js';
import { asSlackUser, postReply } from '../replies.js';
import { runSlashCommand } from '../slash-command.js';

/** `/pandu …`: acknowledged at once (empty, so nothing shows in the channel), answered in the DM. */
export function registerCommands(app: App, deps: SlackListenerDeps): void {
  app.command('/pandu', async ({ ack, command }) => {
    await ack();
    await asSlackUser(deps, command.user_id, async (user) => {
      await postReply(deps, user, await runSlashCommand(deps.chat, user, command.text));
    });
  });
}
