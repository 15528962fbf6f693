import { nameOf, reassignCandidates, stepOf } from '../core/engine/task-prompts.js';
import type { PersonId } from '../core/ids.js';
import { TokenBatch } from './action-tokens.js';
import type { ChatContext } from './chat-context.js';
import type { ActionToken } from './ports.js';
import type { ChatReply, ChatUser, OutgoingButton } from './types.js';

/** People offered at once; the org has few holders of one position in a division. */
const SHOWN = 20;

/**
 * An action whose input is a person (Alihkan: reassign a late step): the people the step can go
 * to, as buttons; each is the action `choose` with the person's id, which the engine authorizes
 * again when it is tapped. The caller has checked that this person may do it.
 */
export async function choosePerson(
  chat: ChatContext,
  user: ChatUser,
  personId: PersonId,
  action: ActionToken,
  choose: string,
): Promise<ChatReply> {
  const instance = await chat.service.get(action.instanceId);
  const flow = instance && chat.service.flow(instance.flowId);
  const run = instance?.runs.find((r) => r.runId === action.runId);
  if (!instance || !flow || !run) return chat.toast(user, personId, { key: 'chat-button-unknown' });
  const org = chat.org;
  const step = stepOf(flow, run);
  const candidates = reassignCandidates(org, step, run);
  if (candidates.length === 0) {
    return chat.say(user, personId, {
      key: 'esc-reassign-none',
      params: { position: step.performer.position },
    });
  }
  const tokens = new TokenBatch({ personId, instanceId: instance.id, runId: run.runId });
  const buttons: OutgoingButton[][] = candidates.slice(0, SHOWN).map((p) => [
    {
      label: `${p.name} (${org.unit(p.unit)?.name ?? p.unit})`,
      token: tokens.issue(`${choose}:${p.id}`, { runId: run.runId }),
    },
  ]);
  await tokens.saveTo(chat.deps.tokens);
  const line = await chat.format(user, personId, {
    key: 'esc-reassign-choose',
    params: { step: { text: step.title }, name: nameOf(org, run.assigneeId) },
  });
  return { messages: [{ lines: [line], buttons }] };
}
