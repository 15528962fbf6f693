import type { App, BlockAction, ButtonAction } from '@slack/bolt';
import type { ActionToken } from '../../../chat/ports.js';
import type { ChatUser } from '../../../chat/types.js';
import { ACTION_ID_PREFIX } from '../block-kit.js';
import type { SlackListenerDeps } from '../listener-deps.js';
import { dispositionModal, returnModal } from '../modals.js';
import { asSlackUser, postReply, type Tapped } from '../replies.js';
import { textsFor } from '../texts.js';

const PANDU_BUTTON = new RegExp(`^${ACTION_ID_PREFIX}`);

/**
 * Button clicks. The button's value is an opaque token and the only thing taken from the payload:
 * ChatCore looks it up and authorizes it against the current state. A disposition or a return
 * opens a form (modal); every other action goes through ChatCore's tap.
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
        await postReply(deps, user, await deps.chat.tap(user, token), tapped);
      });
    },
  );
}

/** Opens the disposition or return form when the token is one and the task is the user's to act on. */
async function openForm(
  deps: SlackListenerDeps,
  user: ChatUser,
  token: string,
  triggerId: string,
): Promise<boolean> {
  const { chat, client } = deps;
  const action = await chat.deps.tokens.find(token);
  if (action?.actionId === 'dispose') {
    const options = await chat.dispositionOptions(user, token);
    if (!options) return false;
    const t = await textsFor(chat, user, action.personId);
    if (options.recipients.length === 0) {
      await deps.replies.send(user.chatId, {
        lines: [t({ key: 'slack-disposition-unavailable' })],
        buttons: [],
      });
      return true;
    }
    await client.views.open({ trigger_id: triggerId, view: dispositionModal(token, options, t) });
    return true;
  }
  if (action?.actionId === 'return' && (await mayAct(deps, user, action))) {
    const t = await textsFor(chat, user, action.personId);
    await client.views.open({ trigger_id: triggerId, view: returnModal(token, t) });
    return true;
  }
  return false;
}

/** The same checks as a tap: the token is this person's and the task is still theirs and open. */
async function mayAct(deps: SlackListenerDeps, user: ChatUser, action: ActionToken): Promise<boolean> {
  const personId = await deps.chat.identify(user);
  if (!personId || personId !== action.personId) return false;
  return (await deps.chat.precheck(personId, action)) === undefined;
}
