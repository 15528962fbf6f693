import type { AckFn, App, ViewResponseAction, ViewSubmitAction } from '@slack/bolt';
import type { ChatReply, ChatUser } from '../../../chat/types.js';
import { truncate } from '../block-kit.js';
import { slackUser, type SlackListenerDeps } from '../listener-deps.js';
import {
  DISPOSITION_CALLBACK,
  dispositionAnswers,
  FIELDS,
  RETURN_CALLBACK,
  returnReasonAnswer,
} from '../modals.js';
import { postReply } from '../replies.js';

/**
 * Form submissions. The form carries only the button's token (private_metadata); the chat layer checks
 * it, and the engine checks the answers. A refusal is shown in the form itself and keeps it open.
 */
export function registerViews(app: App, deps: SlackListenerDeps): void {
  app.view<ViewSubmitAction>(
    { callback_id: DISPOSITION_CALLBACK, type: 'view_submission' },
    async ({ ack, body, view }) => {
      await submitted(deps, body.user.id, ack, FIELDS.recipients, (user) =>
        deps.chat.submitForm(user, view.private_metadata, { disposition: dispositionAnswers(view) }),
      );
    },
  );

  app.view<ViewSubmitAction>(
    { callback_id: RETURN_CALLBACK, type: 'view_submission' },
    async ({ ack, body, view }) => {
      const reason = returnReasonAnswer(view);
      await submitted(deps, body.user.id, ack, FIELDS.reason, (user) =>
        deps.chat.submitForm(user, view.private_metadata, { reason }),
      );
    },
  );
}

async function submitted(
  deps: SlackListenerDeps,
  userId: string,
  ack: AckFn<ViewResponseAction>,
  field: string,
  submit: (user: ChatUser) => Promise<ChatReply>,
): Promise<void> {
  let user: ChatUser | undefined;
  let reply: ChatReply;
  try {
    user = await slackUser(deps, userId);
    reply = await submit(user);
  } catch (error) {
    deps.logger.error({ err: error, userId }, 'slack: a form submission failed');
    const t = await deps.chat.texts(user ?? { platform: 'slack', userId, chatId: '' });
    await ack({ response_action: 'errors', errors: { [field]: t({ key: 'slack-error' }) } });
    return;
  }
  const refusal = refusalOf(reply);
  if (refusal) {
    await ack({ response_action: 'errors', errors: { [field]: truncate(refusal, 2000) } });
    return;
  }
  await ack();
  try {
    await postReply(deps, user, reply);
  } catch (error) {
    deps.logger.error({ err: error, userId }, 'slack: could not answer a form submission');
  }
}

/**
 * A reply that says no. The chat layer answers an applied action with a short note only, and a refusal
 * (or "not linked") with a message; a stale or foreign token (a note only) closes the form and the
 * note tells why.
 */
function refusalOf(reply: ChatReply): string | undefined {
  const [first] = reply.messages;
  if (!first) return undefined;
  return reply.toast ?? first.lines.join('\n');
}
