import type { ActionAnswer } from '../core/engine/actions.js';
import type { Flow } from '../core/flow/model.js';
import type { Locale, MessageRef } from '../core/i18n.js';
import type { PersonId } from '../core/ids.js';
import type { CommandEntry } from './commands.js';
import type { ChatForm } from './forms.js';
import type { MenuEntry, PersonMenu } from './menus.js';
import type { HomeData } from './overview.js';
import type { ChatPlatform, ChatReply, ChatUser, OutgoingMessage, SentMessage } from './types.js';
import type { IncomingFile } from './uploads.js';

/** Renders message references in one reader's language and zone (a channel's own UI texts). */
export type Texts = (ref: MessageRef) => string;

/**
 * What a channel adapter may ask of the chat layer: everything a person can do in chat, whatever
 * the platform. Each call answers with a platform-neutral reply the adapter renders in its idiom;
 * none of them throws for what a person did (a failure is answered with a message that says so).
 */
export interface ChatPort {
  /** A command typed by a person (`/tugas` in Telegram, `/pandu tugas` in Slack). */
  command(user: ChatUser, name: string, args: string): Promise<ChatReply>;
  /** A tap on a button, by its opaque token; `tapId` is the platform's id of this one tap. */
  tap(user: ChatUser, token: string, tapId: string): Promise<ChatReply>;
  /** A plain text message (the answer to a question Pandu asked, or else a hint). */
  text(user: ChatUser, text: string, messageId: string): Promise<ChatReply>;
  /** A file the person sent. */
  file(user: ChatUser, file: IncomingFile, messageId: string): Promise<ChatReply>;
  help(user: ChatUser): Promise<ChatReply>;
  /** The form a button opens on platforms with forms, or undefined to treat it as a tap. */
  form(user: ChatUser, token: string): Promise<ChatForm | undefined>;
  submitForm(user: ChatUser, token: string, answer: ActionAnswer): Promise<ChatReply>;
  /** A linked person's overview (open tasks, recent actions, their unit's requests). */
  overview(user: ChatUser): Promise<{ personId: PersonId; home: HomeData; now: Date } | undefined>;
  flow(id: string): Flow | undefined;
  /**
   * Replies a platform would not take even after the channel's retries: handed to the outbox,
   * to be delivered later (false when the person is not known, so there is nobody to queue for).
   */
  deferReply(user: ChatUser, messages: OutgoingMessage[]): Promise<boolean>;
  /** After a channel sent a task message: remembered, so later edits of the task reach it. */
  recordTaskMessage(message: OutgoingMessage, sent: SentMessage): Promise<void>;
  /** The person's language and zone, for the adapter's own texts. */
  texts(user: ChatUser): Promise<Texts>;
  /** The message for a failure in the adapter itself (a send that failed after the work was done). */
  failure(user: ChatUser): Promise<ChatReply>;
  /** The commands, in menu order, with their audiences. */
  commands(): readonly Pick<CommandEntry, 'name' | 'audience' | 'listed'>[];
  /**
   * The command menus on a platform: for people not linked, per language, the commands for
   * everyone; for each person reachable there, the commands of their audiences in their language.
   */
  commandMenus(
    platform: ChatPlatform,
  ): Promise<{ defaults: Record<Locale, MenuEntry[]>; people: PersonMenu[] }>;
}
