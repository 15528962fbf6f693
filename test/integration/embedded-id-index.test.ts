import { MongoClient, ObjectId, type Collection } from 'mongodb';
import { idsOfFilter } from '../../src/storage/embedded-id-index.js';
import { startEmbeddedMongo, type EmbeddedMongo } from '../../src/storage/embedded-mongo.js';

describe('idsOfFilter', () => {
  const a = new ObjectId();
  const b = new ObjectId();
  test.each([
    ['an ObjectId', { _id: a }, [a.toHexString()]],
    ['$eq', { _id: { $eq: a }, name: 'x' }, [a.toHexString()]],
    ['$in (duplicates once)', { _id: { $in: [a, b, a] } }, [a.toHexString(), b.toHexString()]],
    ['an empty $in', { _id: { $in: [] } }, []],
  ])('limits %s to its keys', (_label, filter, ids) => {
    expect(idsOfFilter(filter)).toEqual(ids);
  });

  test.each([
    ['no filter', undefined],
    ['no _id', { name: 'x' }],
    ['a string _id', { _id: a.toHexString() }],
    ['$in with a non-ObjectId', { _id: { $in: [a, 'x'] } }],
    ['$ne', { _id: { $ne: a } }],
    ['two operators', { _id: { $in: [a], $ne: b } }],
    ['$nin', { _id: { $nin: [a] } }],
  ])('leaves %s to the scan', (_label, filter) => {
    expect(idsOfFilter(filter as Record<string, unknown> | undefined)).toBeUndefined();
  });
});

/** The embedded server with key lookups gives the answers MongoDB gives. */
describe('embedded server with _id lookups', () => {
  let server: EmbeddedMongo;
  let client: MongoClient;
  let docs: Collection<{ _id: ObjectId; n: number; tag: string }>;
  const ids = Array.from({ length: 20 }, () => new ObjectId());

  beforeAll(async () => {
    server = await startEmbeddedMongo({ database: 'pandu-id-index' });
    client = await MongoClient.connect(server.uri);
    docs = client.db().collection('docs');
    await docs.insertMany(ids.map((_id, n) => ({ _id, n, tag: n % 2 === 0 ? 'even' : 'odd' })));
  });

  afterAll(async () => {
    await client.close();
    await server.stop();
  });

  test('finds by one id, with and without further conditions', async () => {
    expect(await docs.findOne({ _id: ids[3] })).toMatchObject({ n: 3 });
    expect(await docs.findOne({ _id: ids[3], tag: 'odd' })).toMatchObject({ n: 3 });
    expect(await docs.findOne({ _id: ids[3], tag: 'even' })).toBeNull();
    expect(await docs.findOne({ _id: { $eq: ids[4] as ObjectId } })).toMatchObject({ n: 4 });
    expect(await docs.findOne({ _id: new ObjectId() })).toBeNull();
  });

  test('finds by a list of ids, skipping unknown ones and applying the rest of the filter', async () => {
    const wanted = [ids[1], ids[2], ids[5], new ObjectId()] as ObjectId[];
    const all = await docs.find({ _id: { $in: wanted } }).toArray();
    expect(all.map((d) => d.n).sort((x, y) => x - y)).toEqual([1, 2, 5]);
    const odd = await docs.find({ _id: { $in: wanted }, tag: 'odd' }).toArray();
    expect(odd.map((d) => d.n).sort((x, y) => x - y)).toEqual([1, 5]);
    expect(await docs.countDocuments({ _id: { $in: wanted } })).toBe(3);
  });

  test('updates and deletes by id touch exactly the named documents', async () => {
    const conditional = await docs.updateOne({ _id: ids[6], n: 99 }, { $set: { tag: 'x' } });
    expect(conditional.matchedCount).toBe(0);
    const update = await docs.updateMany(
      { _id: { $in: [ids[6], ids[7]] as ObjectId[] } },
      { $inc: { n: 100 } },
    );
    expect(update.modifiedCount).toBe(2);
    expect((await docs.findOne({ _id: ids[6] }))?.n).toBe(106);
    const removed = await docs.deleteMany({ _id: { $in: [ids[8], ids[9], new ObjectId()] as ObjectId[] } });
    expect(removed.deletedCount).toBe(2);
    expect(await docs.countDocuments()).toBe(18);
  });

  test('a scan sees every insert, update and delete made before it (the kept array is renewed)', async () => {
    const scratch = client.db().collection<{ _id: ObjectId; k: string }>('scratch');
    const one = new ObjectId();
    await scratch.insertOne({ _id: one, k: 'a' });
    expect(await scratch.countDocuments({ k: 'a' })).toBe(1);
    await scratch.updateOne({ _id: one }, { $set: { k: 'b' } });
    expect(await scratch.countDocuments({ k: 'a' })).toBe(0);
    expect(await scratch.countDocuments({ k: 'b' })).toBe(1);
    await scratch.insertMany([
      { _id: new ObjectId(), k: 'b' },
      { _id: new ObjectId(), k: 'c' },
    ]);
    expect((await scratch.find({}).toArray()).map((d) => d.k).sort()).toEqual(['b', 'b', 'c']);
    await scratch.deleteOne({ _id: one });
    expect((await scratch.find({}).toArray()).map((d) => d.k).sort()).toEqual(['b', 'c']);
    await scratch.updateMany({}, { $set: { k: 'z' } });
    expect(await scratch.countDocuments({ k: 'z' })).toBe(2);
  });

  test('other filters still scan the whole collection', async () => {
    expect(await docs.countDocuments({ tag: 'even' })).toBe(9); // 8 was deleted above
    expect(await docs.countDocuments({ _id: { $ne: ids[0] as ObjectId }, n: { $lt: 5 } })).toBe(4);
    expect(await docs.countDocuments({ _id: { $nin: [ids[0], ids[1]] as ObjectId[] } })).toBe(16);
  });
});
