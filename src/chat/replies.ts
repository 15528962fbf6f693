import { parseActionId } from '../core/engine/actions.js';
import type { PersonId } from '../core/ids.js';
import type { ChatActions } from './actions.js';
import { targetOf } from './actions.js';
import { withToastAsMessage, type ChatContext } from './chat-context.js';
import { asPerson } from './identity.js';
import type { Conversation } from './ports.js';
import type { ChatReply, ChatUser } from './types.js';

/**
 * A plain text message: the answer to a question Pandu asked (a reason, a disposition note, the
 * subject of a request), or else a hint of what to do.
 */
export async function answerText(
  chat: ChatContext,
  actions: ChatActions,
  user: ChatUser,
  text: string,
  messageId: string,
): Promise<ChatReply> {
  return asPerson(chat, user, async (personId) => {
    const conversation = await chat.deps.conversations.get(user.platform, user.userId);
    const key = `text:${user.platform}:${user.chatId}:${messageId}`;
    if (conversation?.kind === 'reason')
      return reason(chat, actions, user, personId, conversation, text, key);
    if (conversation?.kind === 'disposition' && conversation.awaitingNote) {
      return actions.disposition.onNote(user, personId, conversation, text, key);
    }
    if (conversation?.kind === 'request' && !conversation.subject) {
      const subject = text.trim();
      if (!subject) return chat.say(user, personId, { key: 'refusal-subject-required' });
      await chat.deps.conversations.set(user.platform, user.userId, { ...conversation, subject });
      return chat.say(user, personId, { key: 'chat-request-ask-file' });
    }
    return chat.say(user, personId, { key: 'chat-text-hint' });
  });
}

/** The reason an action asked for (returning a step, an item that failed) arrives as a reply. */
async function reason(
  chat: ChatContext,
  actions: ChatActions,
  user: ChatUser,
  personId: PersonId,
  conversation: Extract<Conversation, { kind: 'reason' }>,
  text: string,
  idempotencyKey: string,
): Promise<ChatReply> {
  const action = parseActionId(conversation.actionId);
  const input = action.spec?.input;
  if (!text.trim() && input?.kind === 'reason') return chat.say(user, personId, { key: input.missing });
  const target = targetOf(user, personId, conversation, idempotencyKey);
  const reply = await actions.answer(user, personId, action, target, { reason: text });
  await chat.deps.conversations.set(user.platform, user.userId, undefined);
  return withToastAsMessage(reply);
}
