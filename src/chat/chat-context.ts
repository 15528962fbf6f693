import type { Command } from '../core/engine/commands.js';
import type { Refusal } from '../core/engine/refusal.js';
import type { Locale, MessageRef } from '../core/i18n.js';
import type { PersonId } from '../core/ids.js';
import type { OrgDirectory } from '../core/org/org-directory.js';
import type { Clock, FileStore } from '../core/ports.js';
import type { SopService } from '../core/service/sop-service.js';
import type { Reader, Translator } from '../i18n/translator.js';
import type { Logger } from '../logger.js';
import { noteApplied } from './call-scope.js';
import type { ChatContributions } from './contributions.js';
import type { PlatformInfo } from './platforms.js';
import type {
  ActionTokenStore,
  ConversationStore,
  IdentityStore,
  InviteStore,
  TaskMessageLog,
} from './ports.js';
import type { ReaderResolver } from './readers.js';
import type { ChatReply, ChatUser, OutgoingMessage } from './types.js';

/** Everything the chat layer works with: the service, the chat stores, words, time and logs. */
export interface ChatDeps {
  service: SopService;
  identities: IdentityStore;
  invites: InviteStore;
  files: FileStore;
  tokens: ActionTokenStore;
  conversations: ConversationStore;
  messages: TaskMessageLog;
  readers: ReaderResolver;
  translator: Translator;
  clock: Clock;
  logger: Logger;
  uploadMaxBytes: number;
  /** The registered chat platforms (their ids, names and help texts). */
  platforms: readonly PlatformInfo[];
  /** What the features add: commands, buttons and upload checks. */
  contributions: ChatContributions;
}

/**
 * The chat layer's shared means of speaking: renders message references in a person's language
 * and zone, and runs commands through the service, answering with the engine's reply or refusal.
 * The parts of the chat layer (identity, tasks, actions, uploads, replies) each use it.
 */
export class ChatContext {
  constructor(readonly deps: ChatDeps) {}

  get org(): OrgDirectory {
    return this.deps.service.org;
  }

  get service(): SopService {
    return this.deps.service;
  }

  get files(): FileStore {
    return this.deps.files;
  }

  platform(id: string): PlatformInfo | undefined {
    return this.deps.platforms.find((p) => p.id === id);
  }

  async readerFor(user: ChatUser, personId?: PersonId): Promise<Reader> {
    return this.deps.readers.readerFor(personId, localeHint(user.languageCode));
  }

  async format(user: ChatUser, personId: PersonId | undefined, ref: MessageRef): Promise<string> {
    return this.deps.translator.format(ref, await this.readerFor(user, personId));
  }

  async render(user: ChatUser, personId: PersonId | undefined, refs: MessageRef[]): Promise<OutgoingMessage> {
    const reader = await this.readerFor(user, personId);
    return { lines: refs.map((ref) => this.deps.translator.format(ref, reader)), buttons: [] };
  }

  async say(user: ChatUser, personId: PersonId | undefined, ...refs: MessageRef[]): Promise<ChatReply> {
    return { messages: [await this.render(user, personId, refs)] };
  }

  async toast(user: ChatUser, personId: PersonId | undefined, ref: MessageRef): Promise<ChatReply> {
    return { messages: [], toast: await this.format(user, personId, ref) };
  }

  async refused(user: ChatUser, personId: PersonId, refusal: Refusal): Promise<ChatReply> {
    const text = await this.format(user, personId, refusal.message);
    return { messages: [{ lines: [`⛔ ${text}`], buttons: [] }], toast: text };
  }

  /** Runs a command through the service: the engine's reply as a short note, or its refusal. */
  async act(user: ChatUser, personId: PersonId, command: Command): Promise<ChatReply> {
    const result = await this.deps.service.act(command);
    if (!result.ok) return this.refused(user, personId, result.refusal);
    const text = await this.format(user, personId, result.reply);
    noteApplied(text);
    return { messages: [], toast: text };
  }
}

/** The language a chat app reports for its user, as a hint until they choose one. */
export function localeHint(languageCode: string | undefined): Locale | undefined {
  if (!languageCode) return undefined;
  return languageCode.toLowerCase().startsWith('en') ? 'en' : 'id';
}

/** For replies to typed messages: the short answer becomes a message of its own. */
export function withToastAsMessage(reply: ChatReply): ChatReply {
  if (reply.messages.length > 0 || !reply.toast) return reply;
  return { ...reply, messages: [{ lines: [reply.toast], buttons: [] }] };
}
