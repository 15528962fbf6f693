import type { Instance, StepRun } from '../core/engine/types.js';
import type { MessageRef } from '../core/i18n.js';
import type { PersonId } from '../core/ids.js';
import type { Reader } from '../i18n/translator.js';
import type { ActionToken } from './ports.js';
import type { ChatPlatform, ChatReply, ChatUser, OutgoingFile } from './types.js';

/**
 * What a feature adds to chat: commands, buttons of its own and checks of uploaded files. The
 * chat layer looks these up by name; nothing in it knows which feature gave them.
 */
export interface ChatContributions {
  commands?: ChatCommand[];
  /** Button actions by kind (the part of the action id before `:`), for actions the core does not know. */
  actions?: Record<string, ChatActionHandler>;
  /** Content checks of uploads, by the handler name a flow step's `output.file.handler` gives. */
  fileHandlers?: Record<string, FileContentHandler>;
  /** What a letter's metadata means for its messages (one feature gives it; none: every letter ordinary). */
  letterFacts?: LetterFactsSource;
  /** The same facts for many letters read together (an outbox tick's); given with `letterFacts`. */
  letterFactsBatch?: LetterFactsBatch;
}

/** How a letter's messages are handled: kept from forwarding, ordered, marked. */
export interface LetterFacts {
  /** Rahasia and the like: protected from forwarding and saving, no preview text. */
  confidential: boolean;
  /** Orders task lists: lower first (e.g. sangat segera 0, segera 1, biasa 2). */
  rank: number;
  /** A line shown first on the letter's tasks (its urgency), if any. */
  badge?: MessageRef;
  /** The reader neither acts on nor administers the letter: its subject reads "Surat rahasia". */
  hideSubject?: boolean;
}

/** The facts of a letter, for one reader when `personId` is given. */
export type LetterFactsSource = (instanceId: string, personId?: string) => Promise<LetterFacts>;

/**
 * Reads the letters of these instances together and answers for them from what it read (what
 * depends on the reader may still read more); an instance it was not given is read on its own.
 */
export type LetterFactsBatch = (instanceIds: readonly string[]) => Promise<LetterFactsSource>;

/** Who may see a command in the menus (all may type it; the command itself refuses those it is not for). */
export type CommandAudience = 'everyone' | 'admins' | 'requesters' | 'leaders';

export interface ChatCommand {
  /** What people type: `/templat` in Telegram, `/pandu templat` in Slack. */
  name: string;
  audience?: CommandAudience;
  /** Takes an argument; its hint in the help is the message `chat-args-<name>`. */
  takesArgs?: boolean;
  run: ChatCommandHandler;
}

export interface ChatCommandContext {
  personId: PersonId;
  args: string;
  platform: ChatPlatform;
  userId: string;
  reader: Reader;
}

export type ChatCommandHandler = (
  context: ChatCommandContext,
) => Promise<{ lines: MessageRef[]; files?: OutgoingFile[] }>;

/** A tap on a button whose action kind a feature contributed; the token is the person's own. */
export type ChatActionHandler = (tap: {
  user: ChatUser;
  personId: PersonId;
  action: ActionToken;
  arg: string;
  /** The key of this one tap, for the command it runs. */
  idempotencyKey: string;
}) => Promise<ChatReply>;

/** Where an upload goes: the instance and the open run, who sends it, and who reads the answer. */
export interface FileHandlerContext {
  instance: Instance;
  run: StepRun;
  personId: PersonId;
  reader: Reader;
}

/** Checks the content of an uploaded file for a step whose output names a handler (e.g. `ppk-list`). */
export type FileContentHandler = (
  bytes: Buffer,
  name: string,
  context: FileHandlerContext,
) => Promise<
  | { ok: true; content: Record<string, unknown>; summary: MessageRef[] }
  | { ok: false; errors: MessageRef[]; report?: OutgoingFile }
>;
