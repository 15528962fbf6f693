import mongoose, { type Connection } from 'mongoose';
import {
  MongoActionTokenStore,
  MongoConversationStore,
  MongoPlatformFileRefs,
  MongoTaskMessageLog,
  registerChatModels,
} from './mongo-chat-stores.js';
import { registerModels, type Models } from './models.js';
import { MongoFileStore } from './mongo-file-store.js';
import { MongoInstanceStore } from './mongo-instance-store.js';
import { MongoAgendaBook } from './mongo-agenda-book.js';
import { MongoIdentityStore } from './mongo-identity-store.js';
import { MongoDeliveryLog, MongoInviteStore, MongoOutbox } from './mongo-ports.js';

/** One connection and every port implemented on it. */
export interface MongoStorage {
  connection: Connection;
  models: Models;
  instances: MongoInstanceStore;
  agendaBook: MongoAgendaBook;
  outbox: MongoOutbox;
  identities: MongoIdentityStore;
  invites: MongoInviteStore;
  files: MongoFileStore;
  deliveries: MongoDeliveryLog;
  tokens: MongoActionTokenStore;
  conversations: MongoConversationStore;
  taskMessages: MongoTaskMessageLog;
  fileRefs: MongoPlatformFileRefs;
  close(): Promise<void>;
}

export async function connectMongoStorage(uri: string): Promise<MongoStorage> {
  const connection = mongoose.createConnection(uri, { serverSelectionTimeoutMS: 10_000 });
  await connection.asPromise();
  const models = registerModels(connection);
  const chatModels = registerChatModels(connection);
  const instances = new MongoInstanceStore(models);
  const deliveries = new MongoDeliveryLog(models);
  return {
    connection,
    models,
    instances,
    agendaBook: new MongoAgendaBook(models),
    outbox: new MongoOutbox(models),
    identities: new MongoIdentityStore(models),
    invites: new MongoInviteStore(models),
    files: new MongoFileStore(requireDb(connection)),
    deliveries,
    tokens: new MongoActionTokenStore(chatModels),
    conversations: new MongoConversationStore(chatModels),
    taskMessages: new MongoTaskMessageLog(chatModels),
    fileRefs: new MongoPlatformFileRefs(chatModels),
    close: async () => {
      // What was handed in to be written together goes before the connection closes.
      await Promise.all([instances.settled(), deliveries.settled()]);
      await connection.close();
    },
  };
}

function requireDb(connection: Connection) {
  if (!connection.db) throw new Error('the database is not connected');
  return connection.db;
}
