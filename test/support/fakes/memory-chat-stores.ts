import type {
  ActionToken,
  ActionTokenStore,
  Conversation,
  ConversationStore,
  LoggedTaskMessage,
  PlatformFileRefs,
  RunKey,
  TaskMessageLog,
} from '../../../src/chat/ports.js';
import type { SentMessage } from '../../../src/chat/types.js';

export class MemoryActionTokenStore implements ActionTokenStore {
  private readonly tokens = new Map<string, ActionToken>();

  save(tokens: ActionToken[]): Promise<void> {
    for (const token of tokens) this.tokens.set(token.token, { ...token });
    return Promise.resolve();
  }

  find(token: string): Promise<ActionToken | undefined> {
    return Promise.resolve(this.tokens.get(token));
  }
}

export class MemoryConversationStore implements ConversationStore {
  private readonly conversations = new Map<string, Conversation>();

  get(platform: string, userId: string): Promise<Conversation | undefined> {
    return Promise.resolve(this.conversations.get(`${platform}:${userId}`));
  }

  set(platform: string, userId: string, conversation: Conversation | undefined): Promise<void> {
    if (conversation) this.conversations.set(`${platform}:${userId}`, structuredClone(conversation));
    else this.conversations.delete(`${platform}:${userId}`);
    return Promise.resolve();
  }
}

export class MemoryTaskMessageLog implements TaskMessageLog {
  private readonly entries: Array<{
    instanceId: string;
    runId: string;
    personId: string;
    sent: SentMessage;
  }> = [];

  record(instanceId: string, runId: string, personId: string, sent: SentMessage): Promise<void> {
    const exists = this.entries.some(
      (e) =>
        e.runId === runId &&
        e.instanceId === instanceId &&
        e.sent.platform === sent.platform &&
        e.sent.chatId === sent.chatId &&
        e.sent.messageId === sent.messageId,
    );
    if (!exists) this.entries.push({ instanceId, runId, personId, sent });
    return Promise.resolve();
  }

  find(instanceId: string, runId: string): Promise<Array<{ personId: string; sent: SentMessage }>> {
    return Promise.resolve(
      this.entries
        .filter((e) => e.instanceId === instanceId && e.runId === runId)
        .map(({ personId, sent }) => ({ personId, sent })),
    );
  }

  findMany(runs: readonly RunKey[]): Promise<LoggedTaskMessage[]> {
    return Promise.resolve(
      this.entries
        .filter((e) => runs.some((r) => r.instanceId === e.instanceId && r.runId === e.runId))
        .map((e) => ({ ...e, sent: { ...e.sent } })),
    );
  }
}

export class MemoryPlatformFileRefs implements PlatformFileRefs {
  private readonly refs = new Map<string, string>();

  find(fileId: string, platform: string): Promise<string | undefined> {
    return Promise.resolve(this.refs.get(`${platform}:${fileId}`));
  }

  remember(fileId: string, platform: string, ref: string): Promise<void> {
    this.refs.set(`${platform}:${fileId}`, ref);
    return Promise.resolve();
  }
}
