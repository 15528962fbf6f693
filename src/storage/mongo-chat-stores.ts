import { Schema, type Connection, type Model, type Types } from 'mongoose';
import type {
  ActionToken,
  ActionTokenStore,
  Conversation,
  ConversationStore,
  LoggedTaskMessage,
  PlatformFileRefs,
  RunKey,
  TaskMessageLog,
} from '../chat/ports.js';
import type { ChatPlatform, SentMessage } from '../chat/types.js';
import { batched, failAll } from './batching.js';
import { objectIdForKey } from './object-ids.js';

/** MongoDB stores of the chat layer: button tokens, conversations in progress, sent task messages. */

interface TokenDoc extends Omit<ActionToken, 'createdAt'> {
  _id: Types.ObjectId;
  createdAt: Date;
}
interface ConversationDoc {
  _id: Types.ObjectId;
  conversation: Conversation;
  updatedAt: Date;
}
interface FileRefDoc {
  _id: Types.ObjectId;
  fileId: string;
  platform: string;
  ref: string;
}
interface TaskMessageDoc {
  _id: Types.ObjectId;
  instanceId: string;
  runId: string;
  personId: string;
  platform: ChatPlatform;
  chatId: string;
  messageId: string;
}

const TOKEN_TTL_SECONDS = 180 * 24 * 3600;

export function registerChatModels(connection: Connection) {
  const model = <T>(name: string, schema: Schema<T>): Model<T> =>
    (connection.models[name] as Model<T> | undefined) ?? connection.model<T>(name, schema as never);
  return {
    Token: model<TokenDoc>(
      'ActionToken',
      new Schema<TokenDoc>(
        {
          token: String,
          personId: String,
          instanceId: String,
          runId: String,
          actionId: String,
          createdAt: { type: Date, expires: TOKEN_TTL_SECONDS },
        },
        { collection: 'action_tokens', versionKey: false },
      ),
    ),
    Conversation: model<ConversationDoc>(
      'Conversation',
      new Schema<ConversationDoc>(
        { conversation: Schema.Types.Mixed, updatedAt: Date },
        { collection: 'conversations', versionKey: false, minimize: false },
      ),
    ),
    PlatformFileRef: model<FileRefDoc>(
      'PlatformFileRef',
      new Schema<FileRefDoc>(
        { fileId: String, platform: String, ref: String },
        { collection: 'platform_file_refs', versionKey: false },
      ),
    ),
    TaskMessage: model<TaskMessageDoc>(
      'TaskMessage',
      new Schema<TaskMessageDoc>(
        {
          instanceId: String,
          runId: String,
          personId: String,
          platform: String,
          chatId: String,
          messageId: String,
        },
        { collection: 'task_messages', versionKey: false },
        // The messages of one run (edited when the run changes), and an instance's (its prefix).
      ).index({ instanceId: 1, runId: 1 }),
    ),
  };
}

type ChatModels = ReturnType<typeof registerChatModels>;

export class MongoActionTokenStore implements ActionTokenStore {
  constructor(private readonly models: ChatModels) {}

  /**
   * The tokens of messages rendered in the same turn (the outbox tick's lanes) go in one insert;
   * each message still waits for its tokens to be stored before it is sent.
   */
  private readonly insert = batched<ActionToken[], void>(async (batches) => {
    try {
      await this.models.Token.insertMany(
        batches.flat().map((t) => ({
          ...t,
          _id: objectIdForKey(`token:${t.token}`),
          createdAt: new Date(t.createdAt),
        })),
        { ordered: false },
      );
    } catch (error) {
      return failAll(batches, error);
    }
    return batches.map(() => undefined);
  });

  async save(tokens: ActionToken[]): Promise<void> {
    if (tokens.length > 0) await this.insert(tokens);
  }

  async find(token: string): Promise<ActionToken | undefined> {
    if (!/^[A-Za-z0-9_-]{1,64}$/.test(token)) return undefined;
    const doc = await this.models.Token.findById(objectIdForKey(`token:${token}`)).lean<TokenDoc>();
    if (!doc) return undefined;
    return {
      token: doc.token,
      personId: doc.personId,
      instanceId: doc.instanceId,
      ...(doc.runId ? { runId: doc.runId } : {}),
      actionId: doc.actionId,
      createdAt: doc.createdAt.toISOString(),
    };
  }
}

export class MongoConversationStore implements ConversationStore {
  constructor(private readonly models: ChatModels) {}

  async get(platform: ChatPlatform, userId: string): Promise<Conversation | undefined> {
    const doc = await this.models.Conversation.findById(
      objectIdForKey(`conversation:${platform}:${userId}`),
    ).lean<ConversationDoc>();
    return doc?.conversation ?? undefined;
  }

  async set(platform: ChatPlatform, userId: string, conversation: Conversation | undefined): Promise<void> {
    const _id = objectIdForKey(`conversation:${platform}:${userId}`);
    if (!conversation) {
      await this.models.Conversation.deleteOne({ _id });
      return;
    }
    await this.models.Conversation.updateOne(
      { _id },
      { $set: { conversation, updatedAt: new Date() } },
      { upsert: true },
    );
  }
}

export class MongoPlatformFileRefs implements PlatformFileRefs {
  constructor(private readonly models: ChatModels) {}

  async find(fileId: string, platform: ChatPlatform): Promise<string | undefined> {
    const doc = await this.models.PlatformFileRef.findById(
      objectIdForKey(`file-ref:${platform}:${fileId}`),
    ).lean();
    return doc?.ref;
  }

  async remember(fileId: string, platform: ChatPlatform, ref: string): Promise<void> {
    await this.models.PlatformFileRef.updateOne(
      { _id: objectIdForKey(`file-ref:${platform}:${fileId}`) },
      { $set: { fileId, platform, ref } },
      { upsert: true },
    );
  }
}

export class MongoTaskMessageLog implements TaskMessageLog {
  constructor(private readonly models: ChatModels) {}

  /** The messages recorded in the same turn (the outbox tick's lanes) go in one bulk write. */
  private readonly upsert = batched<LoggedTaskMessage, void>(async (records) => {
    await this.models.TaskMessage.bulkWrite(
      records.map(({ instanceId, runId, personId, sent }) => ({
        updateOne: {
          filter: {
            _id: objectIdForKey(`task-message:${sent.platform}:${sent.chatId}:${sent.messageId}:${runId}`),
          },
          update: {
            $set: {
              instanceId,
              runId,
              personId,
              platform: sent.platform,
              chatId: sent.chatId,
              messageId: sent.messageId,
            },
          },
          upsert: true,
        },
      })),
      { ordered: false },
    );
    return records.map(() => undefined);
  });

  record(instanceId: string, runId: string, personId: string, sent: SentMessage): Promise<void> {
    return this.upsert({ instanceId, runId, personId, sent });
  }

  async find(instanceId: string, runId: string): Promise<Array<{ personId: string; sent: SentMessage }>> {
    const docs = await this.models.TaskMessage.find({ instanceId, runId }).lean<TaskMessageDoc[]>();
    return docs.map((d) => ({
      personId: d.personId,
      sent: { platform: d.platform, chatId: d.chatId, messageId: d.messageId },
    }));
  }

  /**
   * One query on the (instanceId, runId) index for all the runs; the pairs not asked for that it
   * also matches (a run id of one instance asked for with another) are left out here.
   */
  async findMany(runs: readonly RunKey[]): Promise<LoggedTaskMessage[]> {
    if (runs.length === 0) return [];
    const asked = new Set(runs.map((r) => `${r.instanceId}\u0000${r.runId}`));
    const docs = await this.models.TaskMessage.find({
      instanceId: { $in: [...new Set(runs.map((r) => r.instanceId))] },
      runId: { $in: [...new Set(runs.map((r) => r.runId))] },
    }).lean<TaskMessageDoc[]>();
    return docs
      .filter((d) => asked.has(`${d.instanceId}\u0000${d.runId}`))
      .map((d) => ({
        instanceId: d.instanceId,
        runId: d.runId,
        personId: d.personId,
        sent: { platform: d.platform, chatId: d.chatId, messageId: d.messageId },
      }));
  }
}
