import { congodb } from '@push.rocks/smartmongo';
import { MongoClient } from 'mongodb';
import { startEmbeddedMongo } from '../../src/storage/embedded-mongo.js';

/** Whether this thread's copy of the embedded server's query engine has the `_id` lookups. */
const patchedHere = () =>
  String((congodb.QueryEngine as unknown as { filter: unknown }).filter).includes('byId');

describe('embedded database thread', () => {
  test('by default the server runs in a worker thread of its own, and stops with it', async () => {
    const server = await startEmbeddedMongo({ database: 'pandu-thread' });
    const client = await MongoClient.connect(server.uri);
    try {
      await client
        .db()
        .collection('x')
        .insertMany([{ n: 1 }, { n: 2 }]);
      expect(
        await client
          .db()
          .collection('x')
          .countDocuments({ n: { $gt: 1 } }),
      ).toBe(2 - 1);
      expect(patchedHere()).toBe(false);
    } finally {
      await client.close();
      await server.stop();
    }
    const again = new MongoClient(server.uri, { serverSelectionTimeoutMS: 300 });
    await expect(again.connect()).rejects.toThrow();
  });

  test('thread: false runs it in this thread', async () => {
    const server = await startEmbeddedMongo({ database: 'pandu-here', thread: false });
    try {
      expect(patchedHere()).toBe(true);
    } finally {
      await server.stop();
    }
  });
});
