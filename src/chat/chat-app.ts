import type { ActionAnswer } from '../core/engine/actions.js';
import type { Flow } from '../core/flow/model.js';
import type { PersonId } from '../core/ids.js';
import { ChatActions } from './actions.js';
import { appliedInCall, inCallScope } from './call-scope.js';
import { ChatContext, type ChatDeps } from './chat-context.js';
import { ChatCommands } from './commands.js';
import { formFor, submitForm, type ChatForm } from './forms.js';
import { identify } from './identity.js';
import { overviewOf, type HomeData } from './overview.js';
import type { ChatPort, Texts } from './port.js';
import { answerText } from './replies.js';
import { ChatMenus } from './menus.js';
import { deferredReplies } from './deferred-replies.js';
import { recordTaskMessage } from './tasks.js';
import type { ChatPlatform, ChatReply, ChatUser, OutgoingMessage, SentMessage } from './types.js';
import { receiveFile, type IncomingFile } from './uploads.js';

/**
 * The chat application: what a person can do in chat, whatever the platform. Channel adapters
 * call it through the ChatPort; the parts behind it each do one thing (identity, commands, taps,
 * replies, uploads, forms). Every action is authorized by the engine against current state.
 *
 * A call that fails is logged with its cause and answered with a message in the person's
 * language that says so, and what was recorded before the failure, if anything.
 */
export class ChatApp implements ChatPort {
  private readonly chat: ChatContext;
  private readonly actions: ChatActions;
  private readonly table: ChatCommands;

  constructor(deps: ChatDeps) {
    this.chat = new ChatContext(deps);
    this.actions = new ChatActions(this.chat);
    this.table = new ChatCommands(this.chat);
  }

  command(user: ChatUser, name: string, args: string): Promise<ChatReply> {
    return this.guard(user, 'command', () => this.table.run(user, name, args));
  }

  tap(user: ChatUser, token: string, tapId: string): Promise<ChatReply> {
    return this.guard(user, 'tap', () => this.actions.tap(user, token, tapId));
  }

  text(user: ChatUser, text: string, messageId: string): Promise<ChatReply> {
    return this.guard(user, 'text', () => answerText(this.chat, this.actions, user, text, messageId));
  }

  file(user: ChatUser, file: IncomingFile, messageId: string): Promise<ChatReply> {
    return this.guard(user, 'file', () => receiveFile(this.chat, user, file, messageId));
  }

  help(user: ChatUser): Promise<ChatReply> {
    return this.guard(user, 'help', () => this.table.help(user));
  }

  form(user: ChatUser, token: string): Promise<ChatForm | undefined> {
    return formFor(this.chat, user, token);
  }

  submitForm(user: ChatUser, token: string, answer: ActionAnswer): Promise<ChatReply> {
    return this.guard(user, 'form', () => submitForm(this.chat, this.actions, user, token, answer));
  }

  async overview(user: ChatUser): Promise<{ personId: PersonId; home: HomeData; now: Date } | undefined> {
    const personId = await identify(this.chat, user);
    if (!personId) return undefined;
    const now = this.chat.deps.clock.now();
    return { personId, home: await overviewOf(this.chat, personId, now), now };
  }

  flow(id: string): Flow | undefined {
    return this.chat.service.flow(id);
  }

  async deferReply(user: ChatUser, messages: OutgoingMessage[]): Promise<boolean> {
    const personId = await identify(this.chat, user);
    if (!personId || messages.length === 0) return false;
    await this.chat.deps.send(deferredReplies(personId, messages));
    return true;
  }

  recordTaskMessage(message: OutgoingMessage, sent: SentMessage): Promise<void> {
    return recordTaskMessage(this.chat, message, sent);
  }

  async texts(user: ChatUser): Promise<Texts> {
    const reader = await this.chat.readerFor(user, await identify(this.chat, user).catch(() => undefined));
    return (ref) => this.chat.deps.translator.format(ref, reader);
  }

  async failure(user: ChatUser): Promise<ChatReply> {
    return this.failed(user, []);
  }

  async commandMenus(platform: ChatPlatform) {
    const menus = new ChatMenus(this.chat, () => this.table.all());
    return {
      defaults: { id: menus.defaults('id'), en: menus.defaults('en') },
      people: await menus.forPlatform(platform),
    };
  }

  commands() {
    return this.table.all();
  }

  /** Runs one call; a failure is logged and answered with what was and was not recorded. */
  private async guard(user: ChatUser, what: string, work: () => Promise<ChatReply>): Promise<ChatReply> {
    return inCallScope(async () => {
      try {
        return await work();
      } catch (error) {
        const applied = appliedInCall();
        this.chat.deps.logger.error(
          { err: error, platform: user.platform, userId: user.userId, call: what, applied: applied.length },
          'chat: handling a message or tap failed',
        );
        return this.failed(user, applied);
      }
    });
  }

  private async failed(user: ChatUser, applied: readonly string[]): Promise<ChatReply> {
    const personId = await identify(this.chat, user).catch(() => undefined);
    const text = await this.chat
      .format(
        user,
        personId,
        applied.length > 0
          ? { key: 'chat-error-after', params: { done: applied.join('; ') } }
          : { key: 'chat-error' },
      )
      .catch(() => 'Maaf, terjadi kesalahan. / Sorry, something went wrong.');
    return { messages: [{ lines: [`⚠️ ${text}`], buttons: [] }], toast: text };
  }
}
