import type { InstanceId, PersonId, RunId } from '../core/ids.js';
import type { Locale } from '../core/i18n.js';
import type { ChatPlatform, SentMessage } from './types.js';

/** What a button token stands for. Looked up on every tap; nothing in the tap itself is trusted. */
export interface ActionToken {
  token: string;
  personId: PersonId;
  instanceId: InstanceId;
  runId?: RunId;
  /** The prompt action id (`approve`, `check:kertas`) or a chat-level action (`disp-recipient:sari`). */
  actionId: string;
  createdAt: string;
}

export interface ActionTokenStore {
  save(tokens: ActionToken[]): Promise<void>;
  find(token: string): Promise<ActionToken | undefined>;
}

/** A multi-message exchange in progress with one chat user (a reason, a file, a disposition, /ajukan). */
export type Conversation =
  /** The reason an action needs (returning a step, a failed item), asked for after its button. */
  | { kind: 'reason'; actionId: string; instanceId: InstanceId; runId: RunId }
  | { kind: 'attach-file'; instanceId: InstanceId; runId: RunId }
  | {
      kind: 'disposition';
      instanceId: InstanceId;
      runId: RunId;
      recipientIds: PersonId[];
      instructionId?: string;
      awaitingNote: boolean;
    }
  | { kind: 'request'; flowId: string; subject?: string };

export interface ConversationStore {
  get(platform: ChatPlatform, userId: string): Promise<Conversation | undefined>;
  set(platform: ChatPlatform, userId: string, conversation: Conversation | undefined): Promise<void>;
}

/**
 * A stored file's id on each platform that has it (a Telegram file_id), so a file a person sent,
 * or the bot sent once, goes again by reference rather than by uploading the bytes twice.
 */
export interface PlatformFileRefs {
  find(fileId: string, platform: ChatPlatform): Promise<string | undefined>;
  remember(fileId: string, platform: ChatPlatform, ref: string): Promise<void>;
}

/** The task messages sent for each run, on every platform, so they can all be edited later. */
export interface TaskMessageLog {
  record(instanceId: InstanceId, runId: RunId, personId: PersonId, sent: SentMessage): Promise<void>;
  find(instanceId: InstanceId, runId: RunId): Promise<Array<{ personId: PersonId; sent: SentMessage }>>;
  /** The messages of many runs in one read (an outbox tick's), each with its run. */
  findMany(runs: readonly RunKey[]): Promise<LoggedTaskMessage[]>;
}

/** A run of an instance, as the task message log knows it. */
export interface RunKey {
  instanceId: InstanceId;
  runId: RunId;
}

export interface LoggedTaskMessage extends RunKey {
  personId: PersonId;
  sent: SentMessage;
}

export interface ChatIdentity {
  /** The platform id of a registered channel (src/channels/index.ts). */
  channel: ChatPlatform;
  /** Telegram user id or Slack user id. */
  userId: string;
  /** Where to write to them: Telegram chat id, Slack DM channel id. */
  chatId?: string;
}

export interface PersonPreferences {
  locale?: Locale;
  /** Where tasks go when the person is linked on both platforms; default: the one used last. */
  preferredChannel?: ChatPlatform;
  lastChannel?: ChatPlatform;
  /** How much a requester hears of their requests (`/notifikasi`); default `ringkas`. */
  notify?: RequesterUpdates;
}

/**
 * `langkah`: a message at every step; `ringkas`: one status card per request, edited as it moves;
 * `selesai`: only the final message.
 */
export const REQUESTER_UPDATES = ['langkah', 'ringkas', 'selesai'] as const;
export type RequesterUpdates = (typeof REQUESTER_UPDATES)[number];

export function isRequesterUpdates(value: unknown): value is RequesterUpdates {
  return typeof value === 'string' && (REQUESTER_UPDATES as readonly string[]).includes(value);
}

/** A chat account linked to a person, as stored. */
export interface LinkedAccount {
  personId: PersonId;
  chatId?: string;
  /** The person's preferences, when the store reads them with the account (one read for both). */
  preferences?: PersonPreferences;
}

export interface IdentityStore {
  link(personId: PersonId, identity: ChatIdentity): Promise<void>;
  findPerson(channel: ChatPlatform, userId: string): Promise<PersonId | undefined>;
  /** The linked account (its person and the chat to reach them in), or undefined. */
  account(channel: ChatPlatform, userId: string): Promise<LinkedAccount | undefined>;
  identitiesOf(personId: PersonId): Promise<ChatIdentity[]>;
  /** The accounts of many people in one read: every one asked for is in the map (maybe with none). */
  identitiesOfMany(personIds: readonly PersonId[]): Promise<Map<PersonId, ChatIdentity[]>>;
  preferences(personId: PersonId): Promise<PersonPreferences>;
  /** The preferences of many people in one read: every one asked for is in the map (maybe empty). */
  preferencesOfMany(personIds: readonly PersonId[]): Promise<Map<PersonId, PersonPreferences>>;
  setPreferences(personId: PersonId, changes: PersonPreferences): Promise<void>;
}

export type RedeemResult =
  { ok: true; personId: PersonId } | { ok: false; reason: 'unknown' | 'used' | 'expired' };

export interface InviteStore {
  issue(personId: PersonId, code: string, expiresAt: Date): Promise<void>;
  /** Marks the code used, atomically: of two redemptions of one code, one wins. */
  redeem(code: string, now: Date): Promise<RedeemResult>;
}

/** Remembers keys of deliveries already handled (Telegram update ids, Slack event ids). */
export interface DeliveryLog {
  /** True the first time a key is seen, false afterwards. */
  firstTime(key: string): Promise<boolean>;
  /** Whether the key was seen (by `firstTime` or `handled`), without recording it. */
  seen(key: string): Promise<boolean>;
  /**
   * Records a key once what it carried is handled, gathered with others for a moment: `seen`
   * answers true for it at once in this process, and the promise settles once it is written.
   */
  handled(key: string): Promise<void>;
}
