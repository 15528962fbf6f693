import type { App, BlockAction, ButtonAction } from '@slack/bolt';
import type { ChatUser } from '../../../chat/types.js';
import { ACTION_ID_PREFIX } from '../block-kit.js';
import type { SlackListenerDeps } from '../listener-deps.js';
import { dispositionModal, reasonModal } from '../modals.js';
import { asSlackUser, postReply, type Tapped } from '../replies.js';

const PANDU_BUTTON = new RegExp(`^${ACTION_ID_PREFIX}`);

/**
 * Button clicks. The button's value is an opaque token and the only thing taken from the payload:
 * the chat layer looks it up and authorizes it against the current state. An action that needs
 * input (a disposition, a reason) opens a form (modal); every other action is a tap.
 */
export function registerActions(app: App, deps: SlackListenerDeps): void {
  app.action<BlockAction<ButtonAction>>(
    { type: 'block_actions', action_id: PANDU_BUTTON },
    async ({ ack, body, action }) => {
      await ack();
      await asSlackUser(deps, body.user.id, async (user) => {
        const token = action.value ?? '';
        const tapped: Tapped | undefined =
          body.channel?.id && body.message?.ts
            ? { channel: body.channel.id, ts: body.message.ts }
            : undefined;
        if (await openForm(deps, user, token, body.trigger_id)) return;
        // Each click has its own action_ts: the key of this one tap.
        await postReply(deps, user, await deps.chat.tap(user, token, action.action_ts), tapped);
      });
    },
  );
}

/** Opens the form the token's action needs, when the person may act on it now. */
async function openForm(
  deps: SlackListenerDeps,
  user: ChatUser,
  token: string,
  triggerId: string,
): Promise<boolean> {
  const { chat, client } = deps;
  const form = await chat.form(user, token);
  if (!form) return false;
  const t = await chat.texts(user);
  if (form.kind === 'reason') {
    await client.views.open({ trigger_id: triggerId, view: reasonModal(token, form.action, t) });
    return true;
  }
  if (form.recipients.length === 0) {
    await deps.replies.send(user.chatId, {
      lines: [t({ key: 'slack-disposition-unavailable' })],
      buttons: [],
    });
    return true;
  }
  await client.views.open({ trigger_id: triggerId, view: dispositionModal(token, form, t) });
  return true;
}
