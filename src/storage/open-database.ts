import type { Config } from '../config/env.js';
import type { Logger } from '../logger.js';
import { connectMongoStorage, type MongoStorage } from './mongo-storage.js';

export interface OpenDatabase {
  storage: MongoStorage;
  /** True when the service runs on the embedded, in-memory database. */
  embedded: boolean;
  close(): Promise<void>;
}

/**
 * The service's database: `MONGODB_URI`, or, when it is unset, the embedded in-memory server,
 * which is imported only then (production with a real MongoDB never loads it).
 */
export async function openDatabase(config: Config, logger: Logger): Promise<OpenDatabase> {
  if (config.MONGODB_URI) {
    const storage = await connectMongoStorage(config.MONGODB_URI);
    return { storage, embedded: false, close: () => storage.close() };
  }
  const { startEmbeddedMongo } = await import('./embedded-mongo.js');
  const server = await startEmbeddedMongo({ port: config.EMBEDDED_MONGODB_PORT });
  logger.warn(
    { uri: server.uri },
    'MONGODB_URI is not set: using the embedded in-memory database. Data will NOT survive a restart. ' +
      'Set MONGODB_URI=mongodb://host:27017/pandu to use a real MongoDB (docker-compose does this).',
  );
  try {
    const storage = await connectMongoStorage(server.uri);
    return {
      storage,
      embedded: true,
      async close() {
        await storage.close();
        await server.stop();
      },
    };
  } catch (error) {
    await server.stop();
    throw error;
  }
}
