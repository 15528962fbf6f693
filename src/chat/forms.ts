import { parseActionId, type ActionAnswer } from '../core/engine/actions.js';
import { dispositionCandidates, stepOf } from '../core/engine/task-prompts.js';
import type { ChatActions } from './actions.js';
import { targetOf } from './actions.js';
import type { ChatContext } from './chat-context.js';
import { asPerson, identify } from './identity.js';
import type { ChatReply, ChatUser } from './types.js';

/**
 * A form (Slack opens a modal) for an action that needs input: a reason, or a disposition with its
 * recipients, instruction and note. Submitted whole, it runs the same command a tap-by-tap
 * exchange would, keyed by the button's token.
 */
export type ChatForm =
  /** A written reason; `action` is the action's kind (`return`, `fail`), for the form's title. */
  | { kind: 'reason'; action: string; prompt: string }
  | {
      kind: 'disposition';
      recipients: Array<{ id: string; label: string }>;
      instructions: Array<{ id: string; label: string }>;
    };

/** The form behind a button, when it is the person's and the engine would let them act now. */
export async function formFor(
  chat: ChatContext,
  user: ChatUser,
  token: string,
): Promise<ChatForm | undefined> {
  const personId = await identify(chat, user);
  const action = await chat.deps.tokens.find(token);
  if (!personId || !action || action.personId !== personId) return undefined;
  const parsed = parseActionId(action.actionId);
  const input = parsed.spec?.input;
  if (!parsed.spec || !input || (input.kind !== 'reason' && input.kind !== 'disposition')) return undefined;
  const target = targetOf(user, personId, action, `form:${token}`);
  if (await chat.service.check({ ...target, type: parsed.spec.command })) return undefined;
  if (input.kind === 'reason')
    return {
      kind: 'reason',
      action: parsed.kind,
      prompt: await chat.format(user, personId, { key: input.ask }),
    };
  const instance = await chat.service.get(action.instanceId);
  const flow = instance && chat.service.flow(instance.flowId);
  const run = instance?.runs.find((r) => r.runId === action.runId);
  if (!instance || !flow || !run) return undefined;
  const reader = await chat.readerFor(user, personId);
  return {
    kind: 'disposition',
    recipients: dispositionCandidates(chat.org, stepOf(flow, run), run).map((p) => ({
      id: p.id,
      label: `${p.name} (${p.position})`,
    })),
    instructions: flow.instructions.map((i) => ({ id: i.id, label: i.label[reader.locale] })),
  };
}

/** A form submitted whole: the action's command with the answers, keyed by the token. */
export async function submitForm(
  chat: ChatContext,
  actions: ChatActions,
  user: ChatUser,
  token: string,
  answer: ActionAnswer,
): Promise<ChatReply> {
  return asPerson(chat, user, async (personId) => {
    const own = await actions.ownToken(personId, token);
    if ('refusal' in own) return chat.toast(user, personId, { key: own.refusal });
    const parsed = parseActionId(own.token.actionId);
    const input = parsed.spec?.input;
    if (input?.kind === 'reason' && !answer.reason?.trim())
      return chat.say(user, personId, { key: input.missing });
    if (input?.kind !== 'reason' && input?.kind !== 'disposition')
      return chat.toast(user, personId, { key: 'chat-button-unknown' });
    return actions.answer(
      user,
      personId,
      parsed,
      targetOf(user, personId, own.token, `form:${token}`),
      answer,
    );
  });
}
