import { connectMongoStorage, type MongoStorage } from '../../src/storage/mongo-storage.js';
import { objectIdForKey } from '../../src/storage/object-ids.js';
import { testMongo } from '../support/mongo.js';

/** Issue 15 (1): the agenda book on the real store has no holes, however claims race or crash. */
describe('a gap-free agenda book on MongoDB', () => {
  let mongo: Awaited<ReturnType<typeof testMongo>>;
  let one: MongoStorage;
  let two: MongoStorage;
  beforeAll(async () => {
    mongo = await testMongo('pandu-agenda-gaps');
    // Two connections stand for two service processes on one database.
    one = await connectMongoStorage(mongo.uri);
    two = await connectMongoStorage(mongo.uri);
  });
  afterAll(async () => {
    await one.close();
    await two.close();
    await mongo.stop();
  });

  const sorted = (numbers: number[]) => [...numbers].sort((a, b) => a - b);
  const range = (n: number) => Array.from({ length: n }, (_, i) => i + 1);

  test('50 letters, each claimed at once by two processes: one number per letter, 1..50 with none missing', async () => {
    const letters = range(50).map((i) => `letter-${i}:run#1`);
    const claims = await Promise.all(
      letters.flatMap((key) => [
        one.agendaBook.claim('incoming', 2031, key),
        two.agendaBook.claim('incoming', 2031, key),
      ]),
    );
    for (let i = 0; i < letters.length; i++) expect(claims[2 * i]).toBe(claims[2 * i + 1]);
    const perLetter = claims.filter((_, i) => i % 2 === 0);
    expect(sorted(perLetter)).toEqual(range(50));
    // The next letter gets the next number: none was thrown away on the way.
    expect(await one.agendaBook.claim('incoming', 2031, 'letter-51:run#1')).toBe(51);
    const held = await one.models.AgendaClaim.find({
      book: 'incoming',
      year: 2031,
      free: { $ne: true },
    }).lean();
    expect(held).toHaveLength(51);
  });

  test('a process that died after taking a number: the letter asking again gets the same number back', async () => {
    const first = await one.agendaBook.claim('outgoing', 2031, 'crashed-letter:run#1');
    // The process died here, before the instance was saved; a restarted one asks again.
    await one.close();
    one = await connectMongoStorage(mongo.uri);
    expect(await one.agendaBook.claim('outgoing', 2031, 'crashed-letter:run#1')).toBe(first);
    expect(await two.agendaBook.claim('outgoing', 2031, 'next-letter:run#1')).toBe(first + 1);
  });

  test('a process that died while taking a number for a letter: the next request takes its turn over', async () => {
    await one.models.AgendaLetter.collection.insertOne({
      _id: objectIdForKey('agenda-letter:orphan:run#1'),
      claimKey: 'orphan:run#1',
      token: 'dead-process',
      startedAt: new Date(Date.now() - 60_000),
    });
    const [a, b] = await Promise.all([
      one.agendaBook.claim('outgoing', 2034, 'orphan:run#1'),
      two.agendaBook.claim('outgoing', 2034, 'orphan:run#1'),
    ]);
    expect([a, b]).toEqual([1, 1]);
    expect(await one.agendaBook.claim('outgoing', 2034, 'after:run#1')).toBe(2);
  });

  test('a race lost by a process that died before giving its number up: repaired at start, the number reused', async () => {
    const kept = await one.agendaBook.claim('incoming', 2032, 'raced:run#1');
    // What a dead process leaves: a second number for the same letter, never given up.
    await one.models.AgendaClaim.collection.insertOne({
      _id: objectIdForKey('agenda-slot:incoming:2032:2'),
      claimKey: 'raced:run#1',
      book: 'incoming',
      year: 2032,
      seq: 2,
      free: false,
      claimedAt: new Date(),
    });
    expect(await one.agendaBook.repair()).toBe(1);
    expect(await one.agendaBook.claim('incoming', 2032, 'raced:run#1')).toBe(kept);
    // The freed number goes to the next letter: no hole.
    expect(await two.agendaBook.claim('incoming', 2032, 'other:run#1')).toBe(2);
    expect(await two.agendaBook.claim('incoming', 2032, 'third:run#1')).toBe(3);
    expect(await one.agendaBook.repair()).toBe(0);
  });

  test('numbers taken before this change are kept: the book continues after the highest', async () => {
    await one.models.AgendaClaim.collection.insertOne({
      _id: objectIdForKey('agenda-claim:legacy:run#1'),
      claimKey: 'legacy:run#1',
      book: 'outgoing',
      year: 2033,
      seq: 7,
      claimedAt: new Date(),
    });
    expect(await one.agendaBook.claim('outgoing', 2033, 'legacy:run#1')).toBe(7);
    expect(await one.agendaBook.claim('outgoing', 2033, 'new:run#1')).toBe(8);
  });
});
