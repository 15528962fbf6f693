import type { Instance, StepRun } from '../core/engine/types.js';
import type { PersonId } from '../core/ids.js';
import type { Clock, FileStore, IdentityStore, InviteStore } from '../core/ports.js';
import type { SopService } from '../core/service/sop-service.js';
import type { MessageRef } from '../core/i18n.js';
import type { Reader, Translator } from '../i18n/translator.js';
import type { Logger } from '../logger.js';
import type { ActionTokenStore, ConversationStore, TaskMessageLog } from './ports.js';
import type { ReaderResolver } from './readers.js';
import type { OutgoingFile } from './types.js';

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

export interface ChatCoreDeps {
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
  fileHandlers?: Record<string, FileContentHandler>;
  /** Extra chat commands (time standards, PPK lists) contributed by other features. */
  extraCommands?: Record<string, ChatCommandHandler>;
}

export interface ChatCommandContext {
  personId: string;
  args: string;
  platform: 'telegram' | 'slack';
  userId: string;
}

export type ChatCommandHandler = (
  context: ChatCommandContext,
) => Promise<{ lines: MessageRef[]; files?: OutgoingFile[] }>;
