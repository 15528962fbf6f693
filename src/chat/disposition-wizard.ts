import { commandFor, parseActionId } from '../core/engine/actions.js';
import { dispositionCandidates, stepOf } from '../core/engine/task-prompts.js';
import type { PersonId } from '../core/ids.js';
import { TokenBatch } from './action-tokens.js';
import { withToastAsMessage, type ChatContext } from './chat-context.js';
import type { ActionToken, Conversation } from './ports.js';
import type { ChatReply, ChatUser, OutgoingButton } from './types.js';

type DispositionConversation = Extract<Conversation, { kind: 'disposition' }>;

const WIZARD_KINDS = ['disp-recipient', 'disp-next', 'disp-instruction', 'disp-send'] as const;
type WizardKind = (typeof WIZARD_KINDS)[number];

/**
 * A disposition in chat, tap by tap: choose the recipient(s) among the people below, choose the
 * instruction, add a note or send without one. The engine checks it all again when it is sent.
 */
export class DispositionWizard {
  constructor(private readonly chat: ChatContext) {}

  static handles(kind: string): kind is WizardKind {
    return (WIZARD_KINDS as readonly string[]).includes(kind);
  }

  /** The Disposisi button was tapped (and the engine said the person may dispose): step one. */
  async begin(user: ChatUser, personId: PersonId, action: ActionToken): Promise<ChatReply> {
    const fresh: DispositionConversation = {
      kind: 'disposition',
      instanceId: action.instanceId,
      runId: action.runId ?? '',
      recipientIds: [],
      awaitingNote: false,
    };
    await this.chat.deps.conversations.set(user.platform, user.userId, fresh);
    const reply = await this.recipientsStep(user, personId, fresh);
    return { messages: reply.replaceTapped ? [reply.replaceTapped] : [] };
  }

  async onTap(
    user: ChatUser,
    personId: PersonId,
    action: ActionToken,
    kind: WizardKind,
    arg: string,
    idempotencyKey: string,
  ): Promise<ChatReply> {
    // A wizard on a task that was meanwhile done, or taken from this person, stops with the reason.
    const refusal = await this.chat.service.check({
      instanceId: action.instanceId,
      runId: action.runId ?? '',
      actorId: personId,
      channel: user.platform,
      type: 'dispose',
    });
    if (refusal) return this.chat.refused(user, personId, refusal);
    const current = await this.chat.deps.conversations.get(user.platform, user.userId);
    if (
      current?.kind !== 'disposition' ||
      current.runId !== action.runId ||
      current.instanceId !== action.instanceId
    ) {
      return this.chat.toast(user, personId, { key: 'chat-button-unknown' });
    }
    if (kind === 'disp-recipient') {
      const candidates = await this.candidates(current);
      if (!candidates.some((c) => c.id === arg))
        return this.chat.toast(user, personId, { key: 'chat-button-unknown' });
      const recipientIds = current.recipientIds.includes(arg)
        ? current.recipientIds.filter((id) => id !== arg)
        : [...current.recipientIds, arg];
      const next = { ...current, recipientIds };
      await this.chat.deps.conversations.set(user.platform, user.userId, next);
      return this.recipientsStep(user, personId, next);
    }
    if (kind === 'disp-next') {
      if (current.recipientIds.length === 0)
        return this.chat.toast(user, personId, { key: 'refusal-recipient-required' });
      return this.instructionStep(user, personId, current);
    }
    if (kind === 'disp-instruction') {
      const next = { ...current, instructionId: arg, awaitingNote: true };
      await this.chat.deps.conversations.set(user.platform, user.userId, next);
      return this.noteStep(user, personId, next);
    }
    return this.send(user, personId, current, undefined, idempotencyKey);
  }

  /** The note, typed as a reply while the wizard waits for it. */
  async onNote(
    user: ChatUser,
    personId: PersonId,
    current: DispositionConversation,
    note: string,
    key: string,
  ): Promise<ChatReply> {
    return withToastAsMessage(await this.send(user, personId, current, note, key));
  }

  private async send(
    user: ChatUser,
    personId: PersonId,
    current: DispositionConversation,
    note: string | undefined,
    idempotencyKey: string,
  ): Promise<ChatReply> {
    const command = commandFor(
      parseActionId('dispose'),
      {
        instanceId: current.instanceId,
        runId: current.runId,
        actorId: personId,
        channel: user.platform,
        idempotencyKey,
      },
      {
        disposition: {
          recipientIds: current.recipientIds,
          instructionId: current.instructionId ?? '',
          ...(note ? { note } : {}),
        },
      },
    );
    const reply = command
      ? await this.chat.act(user, personId, command)
      : await this.chat.toast(user, personId, { key: 'chat-button-unknown' });
    await this.chat.deps.conversations.set(user.platform, user.userId, undefined);
    const done = await this.chat.render(user, personId, [{ key: 'chat-disposition-done' }]);
    return {
      ...reply,
      replaceTapped: { lines: [...done.lines, ...(reply.toast ? [reply.toast] : [])], buttons: [] },
    };
  }

  private async candidates(current: DispositionConversation) {
    const instance = await this.chat.service.get(current.instanceId);
    const flow = instance && this.chat.service.flow(instance.flowId);
    const run = instance?.runs.find((r) => r.runId === current.runId);
    if (!instance || !flow || !run) return [];
    return dispositionCandidates(this.chat.org, stepOf(flow, run), run);
  }

  private async recipientsStep(
    user: ChatUser,
    personId: PersonId,
    current: DispositionConversation,
  ): Promise<ChatReply> {
    const tokens = this.tokens(personId, current);
    const rows: OutgoingButton[][] = (await this.candidates(current)).map((person) => [
      {
        label: `${current.recipientIds.includes(person.id) ? '☑' : '☐'} ${person.name} (${person.position})`,
        token: tokens.issue(`disp-recipient:${person.id}`),
      },
    ]);
    rows.push([
      {
        label: await this.chat.format(user, personId, { key: 'chat-next' }),
        token: tokens.issue('disp-next'),
        style: 'primary',
      },
    ]);
    await tokens.saveTo(this.chat.deps.tokens);
    const message = await this.chat.render(user, personId, [{ key: 'chat-disposition-choose-recipients' }]);
    return { messages: [], replaceTapped: { ...message, buttons: rows } };
  }

  private async instructionStep(
    user: ChatUser,
    personId: PersonId,
    current: DispositionConversation,
  ): Promise<ChatReply> {
    const instance = await this.chat.service.get(current.instanceId);
    const flow = instance && this.chat.service.flow(instance.flowId);
    const reader = await this.chat.readerFor(user, personId);
    const tokens = this.tokens(personId, current);
    const rows = (flow?.instructions ?? []).map((instruction) => [
      { label: instruction.label[reader.locale], token: tokens.issue(`disp-instruction:${instruction.id}`) },
    ]);
    await tokens.saveTo(this.chat.deps.tokens);
    const message = await this.chat.render(user, personId, [{ key: 'chat-disposition-choose-instruction' }]);
    return { messages: [], replaceTapped: { ...message, buttons: rows } };
  }

  private async noteStep(
    user: ChatUser,
    personId: PersonId,
    current: DispositionConversation,
  ): Promise<ChatReply> {
    const tokens = this.tokens(personId, current);
    const send = {
      label: await this.chat.format(user, personId, { key: 'chat-disposition-send' }),
      token: tokens.issue('disp-send'),
      style: 'primary' as const,
    };
    await tokens.saveTo(this.chat.deps.tokens);
    const message = await this.chat.render(user, personId, [{ key: 'chat-disposition-ask-note' }]);
    return { messages: [], replaceTapped: { ...message, buttons: [[send]] } };
  }

  private tokens(personId: PersonId, current: DispositionConversation): TokenBatch {
    return new TokenBatch({ personId, instanceId: current.instanceId, runId: current.runId });
  }
}
