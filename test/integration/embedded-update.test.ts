/**
 * The embedded server's own `update` (src/storage/embedded-update.ts) answers as CongoDB's does:
 * the same random updates are sent to the patched server (in its worker thread, as the service
 * runs it) and to an unpatched CongoDB in this thread, and every answer and the documents left
 * are compared.
 */
import { congodb } from '@push.rocks/smartmongo';
import { MongoClient, ObjectId, type Collection, type Document } from 'mongodb';
import { freePort, startEmbeddedMongo, type EmbeddedMongo } from '../../src/storage/embedded-mongo.js';

const patchedHere = () =>
  String((congodb.UpdateEngine as unknown as { deepClone: unknown }).deepClone).includes('handedOver');

describe('embedded update against CongoDB', () => {
  let patched: EmbeddedMongo;
  let plain: { stop(): Promise<void> };
  const clients: MongoClient[] = [];
  let ours: Collection;
  let theirs: Collection;

  beforeAll(async () => {
    patched = await startEmbeddedMongo({ database: 'pandu-update' });
    const port = await freePort();
    const server = new congodb.CongoServer({ port, host: '127.0.0.1', storage: 'memory' });
    await server.start();
    plain = server;
    const uri = `mongodb://127.0.0.1:${port}/pandu-update?directConnection=true`;
    for (const address of [patched.uri, uri]) clients.push(await MongoClient.connect(address));
    ours = (clients[0] as MongoClient).db().collection('docs');
    theirs = (clients[1] as MongoClient).db().collection('docs');
  });

  afterAll(async () => {
    for (const client of clients) await client.close();
    await patched.stop();
    await plain.stop();
  });

  test('this thread runs CongoDB unpatched (else the comparison would prove nothing)', () => {
    expect(patchedHere()).toBe(false);
  });

  test('400 random updates: the same answers and the same documents', async () => {
    const ids = Array.from({ length: 12 }, () => new ObjectId());
    const seed = () =>
      ids.map((_id, n) => ({
        _id,
        n,
        tag: n % 3 === 0 ? 'a' : 'b',
        nested: { count: n, deep: { list: [n, n + 1] }, when: new Date(Date.UTC(2026, 11, 1, n)) },
        events: [{ seq: 1, type: 'started' }],
        pending: [{ id: `${n}:1` }, { id: `${n}:2` }],
      }));
    await ours.insertMany(seed());
    await theirs.insertMany(seed());
    let state = 7;
    const random = (below: number) => (state = (state * 1_103_515_245 + 12_345) % 2 ** 31) % below;
    const pick = <T>(list: readonly T[]): T => list[random(list.length)] as T;
    const updates: Array<() => Document> = [
      () => ({ $set: { n: random(5) } }), // often the value it has: not modified
      () => ({ $set: { 'nested.count': random(4), tag: pick(['a', 'b']) } }),
      () => ({ $set: { 'nested.deep.list': [random(3)] } }),
      () => ({ $set: { 'nested.deep.extra': { at: new Date(Date.UTC(2026, 0, random(3) + 1)) } } }),
      () => ({ $inc: { n: 1, 'nested.count': random(2) } }),
      () => ({ $unset: { 'nested.deep': 1 } }),
      () => ({ $unset: { missing: 1 } }), // changes nothing
      () => ({
        $push: { events: { $each: [{ seq: random(100), type: 'saved' }] }, 'nested.deep.list': random(9) },
      }),
      () => ({ $pull: { pending: { id: { $in: [`${random(12)}:1`, `${random(12)}:2`] } } } }),
      () => ({ $addToSet: { 'nested.deep.list': random(4) } }),
      () => ({ $max: { n: random(20) }, $min: { 'nested.count': random(20) } }),
      () => ({ $set: { 'runs.0.endedAt': 'x' } }),
      () => ({ $inc: { tag: 1 } }), // an error: not a number
    ];
    const filters: Array<() => Document> = [
      () => ({ _id: pick(ids) }),
      () => ({ _id: { $in: [pick(ids), pick(ids)] } }),
      () => ({ tag: pick(['a', 'b']) }),
      () => ({ n: { $gte: random(10) } }),
      () => ({ _id: new ObjectId(), tag: 'new' }), // matches nothing: an upsert inserts it
    ];
    for (let round = 0; round < 400; round++) {
      const statements = Array.from({ length: 1 + random(4) }, () => ({
        filter: pick(filters)(),
        update: pick(updates)(),
        multi: random(2) === 0,
        upsert: random(4) === 0,
      }));
      const ordered = random(2) === 0;
      const run = async (collection: Collection) => {
        try {
          const result = await collection.bulkWrite(
            statements.map((s) =>
              s.multi
                ? {
                    updateMany: {
                      filter: s.filter,
                      update: s.update,
                      upsert: s.upsert,
                    },
                  }
                : {
                    updateOne: {
                      filter: s.filter,
                      update: s.update,
                      upsert: s.upsert,
                    },
                  },
            ),
            { ordered },
          );
          return {
            matched: result.matchedCount,
            modified: result.modifiedCount,
            upserted: result.upsertedCount,
          };
        } catch (error) {
          const failure = error as {
            writeErrors?: Array<{ index: number }>;
            result?: { matchedCount: number; modifiedCount: number };
          };
          const errors = [failure.writeErrors ?? []].flat().map((e) => e.index);
          return { errors, matched: failure.result?.matchedCount, modified: failure.result?.modifiedCount };
        }
      };
      const [a, b] = [await run(ours), await run(theirs)];
      expect({ round, ...a }).toEqual({ round, ...b });
    }
    // Upserted documents get ids of their own on each server: compared without them.
    const withoutNewIds = (docs: Document[]) =>
      docs.map((d) => (ids.some((id) => id.equals(d['_id'] as ObjectId)) ? d : { ...d, _id: 'new' }));
    const [left, right] = [await ours.find().toArray(), await theirs.find().toArray()];
    expect(withoutNewIds(left)).toEqual(withoutNewIds(right));
    expect(left.length).toBeGreaterThan(ids.length);
  });
});
