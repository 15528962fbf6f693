import {
  commandFor,
  parseActionId,
  type ActionAnswer,
  type CommandTarget,
  type ParsedAction,
} from '../core/engine/actions.js';
import type { PersonId } from '../core/ids.js';
import type { ChatContext } from './chat-context.js';
import { DispositionWizard } from './disposition-wizard.js';
import { ChatDocuments } from './documents.js';
import { asPerson } from './identity.js';
import { choosePerson } from './person-picker.js';
import type { ActionToken, Conversation } from './ports.js';
import type { ChatReply, ChatUser } from './types.js';

/**
 * A tap on a button: its token is looked up and must be the person's own; its action id says what
 * it means (the core's action table, a feature's action, or a step of the disposition wizard).
 * An action that needs input first (a reason, a file, a disposition, a person) is checked with
 * the engine before the person is asked, so nobody is asked for what would then be refused.
 */
export class ChatActions {
  readonly disposition: DispositionWizard;
  private readonly documents: ChatDocuments;

  constructor(private readonly chat: ChatContext) {
    this.disposition = new DispositionWizard(chat);
    this.documents = new ChatDocuments(chat);
  }

  /**
   * `tapId` names this one tap (a platform's callback or interaction id): the command's
   * idempotency key, so a tap delivered twice is applied once, while a later tap on a stale
   * button is a new act the engine answers for itself ("already done by …").
   */
  async tap(user: ChatUser, token: string, tapId: string): Promise<ChatReply> {
    // The token is read while the person is: it is checked against them once both are known.
    const found = this.chat.deps.tokens.find(token);
    void found.catch(() => undefined); // awaited below; an unlinked user's tap must not leave it unhandled
    return asPerson(this.chat, user, async (personId) => {
      const action = await this.ownToken(personId, token, found);
      if ('refusal' in action) return this.chat.toast(user, personId, { key: action.refusal });
      return this.onAction(user, personId, action.token, `tap:${action.token.token}:${tapId}`);
    });
  }

  /** The person's own token, or the message key that says why not. */
  async ownToken(
    personId: PersonId,
    token: string,
    found: Promise<ActionToken | undefined> = this.chat.deps.tokens.find(token),
  ): Promise<{ token: ActionToken } | { refusal: 'chat-button-unknown' | 'chat-button-not-yours' }> {
    const action = await found;
    if (!action) return { refusal: 'chat-button-unknown' };
    if (action.personId !== personId) return { refusal: 'chat-button-not-yours' };
    return { token: action };
  }

  private async onAction(
    user: ChatUser,
    personId: PersonId,
    action: ActionToken,
    idempotencyKey: string,
  ): Promise<ChatReply> {
    const parsed = parseActionId(action.actionId);
    if (DispositionWizard.handles(parsed.kind))
      return this.disposition.onTap(user, personId, action, parsed.kind, parsed.arg, idempotencyKey);
    if (parsed.kind === 'doc') return this.documents.send(user, personId, action, parsed.arg, idempotencyKey);
    const contributed = this.chat.deps.contributions.actions?.[parsed.kind];
    if (contributed) return contributed({ user, personId, action, arg: parsed.arg, idempotencyKey });
    const spec = parsed.spec;
    if (!spec) return this.chat.toast(user, personId, { key: 'chat-button-unknown' });
    const target = targetOf(user, personId, action, idempotencyKey);
    if (!spec.input) {
      const command = commandFor(parsed, target);
      if (!command) return this.chat.toast(user, personId, { key: 'chat-button-unknown' });
      return this.chat.act(user, personId, command);
    }
    const refusal = await this.chat.service.check({ ...target, type: spec.command });
    if (refusal) return this.chat.refused(user, personId, refusal);
    const input = spec.input;
    switch (input.kind) {
      case 'reason':
        return this.ask(user, personId, input.ask, {
          kind: 'reason',
          actionId: action.actionId,
          instanceId: action.instanceId,
          runId: target.runId,
        });
      case 'file':
        return this.ask(user, personId, input.ask, {
          kind: 'attach-file',
          instanceId: action.instanceId,
          runId: target.runId,
        });
      case 'disposition':
        return this.disposition.begin(user, personId, action);
      case 'person':
        return choosePerson(this.chat, user, personId, action, input.choose);
    }
  }

  /** Remembers what the next message answers, and asks for it. */
  private async ask(
    user: ChatUser,
    personId: PersonId,
    askKey: string,
    conversation: Conversation,
  ): Promise<ChatReply> {
    await this.chat.deps.conversations.set(user.platform, user.userId, conversation);
    return {
      ...(await this.chat.say(user, personId, { key: askKey })),
      toast: await this.chat.format(user, personId, { key: askKey }),
    };
  }

  /**
   * The command of an action whose input has now been given (a typed reason, a submitted form),
   * run through the service.
   */
  async answer(
    user: ChatUser,
    personId: PersonId,
    action: Pick<ParsedAction, 'kind' | 'arg' | 'spec'>,
    target: CommandTarget,
    answer: ActionAnswer,
  ): Promise<ChatReply> {
    const command = commandFor(action, target, answer);
    if (!command) return this.chat.toast(user, personId, { key: 'chat-button-unknown' });
    return this.chat.act(user, personId, command);
  }
}

/** Who acts on what, from a token: the person, the token's instance and run, the user's platform. */
export function targetOf(
  user: ChatUser,
  personId: PersonId,
  action: Pick<ActionToken, 'instanceId' | 'runId'>,
  idempotencyKey: string,
): CommandTarget {
  return {
    instanceId: action.instanceId,
    runId: action.runId ?? '',
    actorId: personId,
    channel: user.platform,
    idempotencyKey,
  };
}
