import { TokenBatch } from '../../chat/action-tokens.js';
import type { ChatCore } from '../../chat/chat-core.js';
import type { ActionToken } from '../../chat/ports.js';
import type { ChatReply, ChatUser, OutgoingButton } from '../../chat/types.js';
import type { Command } from '../../core/engine/commands.js';
import { refuse } from '../../core/engine/refusal.js';
import { nameOf, reassignCandidates, stepOf } from '../../core/engine/task-prompts.js';
import type { PersonId } from '../../core/ids.js';

/**
 * The buttons of an escalation notice: Ingatkan (nudge the performer), Alihkan (choose another
 * holder of the performer's position, then reassign), Ambil alih (take the step over). The engine
 * decides who may: the person the step was escalated to, a superior of the performer, an admin.
 */
export function registerEscalationActions(chat: ChatCore): void {
  const base = (user: ChatUser, personId: PersonId, action: ActionToken) => ({
    instanceId: action.instanceId,
    runId: action.runId ?? '',
    actorId: personId,
    channel: user.platform,
    idempotencyKey: `tap:${action.token}`,
  });
  const act = (user: ChatUser, personId: PersonId, command: Command) => chat.act(user, personId, command);

  chat.extraActions['esc-nudge'] = (user, personId, action) =>
    act(user, personId, { ...base(user, personId, action), type: 'nudge' });
  chat.extraActions['esc-takeover'] = (user, personId, action) =>
    act(user, personId, { ...base(user, personId, action), type: 'take-over' });
  chat.extraActions['esc-reassign-to'] = (user, personId, action, toPersonId) =>
    act(user, personId, { ...base(user, personId, action), type: 'reassign', toPersonId });
  chat.extraActions['esc-reassign'] = (user, personId, action) =>
    chooseReassignee(chat, user, personId, action);
}

/** Lists the people the step can go to, as buttons; a tap reassigns it. */
async function chooseReassignee(
  chat: ChatCore,
  user: ChatUser,
  personId: PersonId,
  action: ActionToken,
): Promise<ChatReply> {
  const { service } = chat.deps;
  const instance = await service.get(action.instanceId);
  const flow = instance && service.flow(instance.flowId);
  const run = instance?.runs.find((r) => r.runId === action.runId);
  if (!instance || !flow || !run) return chat.refused(user, personId, refuse('unknown-task'));
  const org = chat.org;
  if (run.endedAt) {
    return chat.refused(
      user,
      personId,
      refuse('already-done', { by: nameOf(org, run.actorId), at: { instant: run.endedAt, style: 'time' } }),
    );
  }
  const allowed =
    org.isAdmin(personId) ||
    run.escalatedTo.includes(personId) ||
    (run.assigneeId !== null && org.isAbove(personId, run.assigneeId));
  if (!allowed) return chat.refused(user, personId, refuse('not-allowed-to-reassign'));
  const step = stepOf(flow, run);
  const candidates = reassignCandidates(org, step, run);
  if (candidates.length === 0) {
    return chat.say(user, personId, {
      key: 'esc-reassign-none',
      params: { position: step.performer.position },
    });
  }
  const reader = await chat.readerFor(user, personId);
  const tokens = new TokenBatch({ personId, instanceId: instance.id, runId: run.runId });
  const shown = candidates.slice(0, 20);
  const buttons: OutgoingButton[][] = shown.map((p) => [
    {
      label: `${p.name} (${org.unit(p.unit)?.name ?? p.unit})`,
      token: tokens.issue(`esc-reassign-to:${p.id}`, { runId: run.runId }),
    },
  ]);
  await tokens.saveTo(chat.deps.tokens);
  const line = chat.deps.translator.format(
    { key: 'esc-reassign-choose', params: { step: { text: step.title }, name: nameOf(org, run.assigneeId) } },
    reader,
  );
  return { messages: [{ lines: [line], buttons }] };
}
