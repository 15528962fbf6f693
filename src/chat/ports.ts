import type { InstanceId, PersonId, RunId } from '../core/ids.js';
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

/** A multi-message exchange in progress with one chat user (a return reason, a disposition, /ajukan). */
export type Conversation =
  | { kind: 'return-reason'; instanceId: InstanceId; runId: RunId }
  | { kind: 'fail-reason'; instanceId: InstanceId; runId: RunId; itemId: string }
  | { kind: 'attach-file'; instanceId: InstanceId; runId: RunId }
  | {
      kind: 'disposition';
      instanceId: InstanceId;
      runId: RunId;
      recipientIds: PersonId[];
      instructionId?: string;
      awaitingNote: boolean;
    }
  | { kind: 'request'; flowId: string; subject?: string }
  | { kind: 'delegate'; delegateId?: PersonId };

export interface ConversationStore {
  get(platform: ChatPlatform, userId: string): Promise<Conversation | undefined>;
  set(platform: ChatPlatform, userId: string, conversation: Conversation | undefined): Promise<void>;
}

/** The task messages sent for each run, on every platform, so they can all be edited later. */
export interface TaskMessageLog {
  record(instanceId: InstanceId, runId: RunId, personId: PersonId, sent: SentMessage): Promise<void>;
  find(instanceId: InstanceId, runId: RunId): Promise<Array<{ personId: PersonId; sent: SentMessage }>>;
}
