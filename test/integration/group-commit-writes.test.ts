/**
 * Issue 17: the book-keeping writes that follow a tap (its prompts leaving the pending list, its
 * Telegram update recorded as handled, the run's report facts) are gathered over a short window
 * and written as one command, on real mongoose over the embedded database; the driver's commands
 * are counted per collection. What this process handed in is seen by its own reads at once, and
 * closing the storage writes what is still waiting.
 */
import { setTimeout as delay } from 'node:timers/promises';
import type { CommandStartedEvent } from 'mongodb';
import type { Instance } from '../../src/core/engine/types.js';
import { MongoReportFacts } from '../../src/features/reports/report-facts-store.js';
import { connectMongoStorage, type MongoStorage } from '../../src/storage/mongo-storage.js';
import { testMongo } from '../support/mongo.js';
import { sampleInstanceOf, samplePrompt } from '../support/sample-instance.js';

const monitored = (uri: string) => `${uri}${uri.includes('?') ? '&' : '?'}monitorCommands=true`;

/** The sample instance with its first run ended (so it has report facts). */
function instanceOf(storage: MongoStorage, n: number): Instance {
  const instance = sampleInstanceOf(storage.instances, `group-commit-${n}`, n);
  const [first] = instance.runs;
  if (!first) throw new Error('the sample instance has no run');
  const ended = {
    ...first,
    endedAt: '2026-11-23T02:04:00.000Z',
    outcome: 'registered' as const,
    actorId: 'tuti',
  };
  return { ...instance, runs: [ended] };
}
const promptOf = samplePrompt;

describe('book-keeping writes gathered over a window', () => {
  let mongo: Awaited<ReturnType<typeof testMongo>>;
  let storage: MongoStorage;
  let facts: MongoReportFacts;
  const commands = new Map<string, number>();

  const watch = (s: MongoStorage) =>
    s.connection.getClient().on('commandStarted', (event: CommandStartedEvent) => {
      const collection = event.command[event.commandName] as unknown;
      const key = `${event.commandName} ${typeof collection === 'string' ? collection : ''}`;
      commands.set(key, (commands.get(key) ?? 0) + 1);
    });

  beforeAll(async () => {
    mongo = await testMongo('pandu-group-commit');
    storage = await connectMongoStorage(monitored(mongo.uri));
    watch(storage);
    const db = storage.connection.db;
    if (!db) throw new Error('not connected');
    facts = new MongoReportFacts(db);
  });

  afterAll(async () => {
    await storage.close();
    await mongo.stop();
  });

  beforeEach(() => commands.clear());

  test('ten taps 10 ms apart take their prompts off the pending lists in one update', async () => {
    const instances = Array.from({ length: 10 }, (_, n) => instanceOf(storage, n));
    await Promise.all(
      instances.map((i) => storage.instances.create(i, [promptOf(i.id, 1), promptOf(i.id, 2)])),
    );
    commands.clear();
    const marks: Array<Promise<void>> = [];
    for (const instance of instances) {
      marks.push(storage.instances.markPromptsQueued(instance.id, [`${instance.id}:1:1`]));
      await delay(10);
    }
    await Promise.all(marks);
    expect(commands.get('update instances')).toBe(1);
    const pending = await storage.instances.pendingPrompts(1_000);
    const ours = new Set(instances.map((i) => i.id));
    expect(
      pending
        .filter((p) => ours.has(p.instanceId))
        .map((p) => p.id)
        .sort(),
    ).toEqual(instances.map((i) => `${i.id}:1:2`).sort());
  });

  test('updates recorded as handled 10 ms apart are one insert, and seen while they wait', async () => {
    const keys = Array.from({ length: 10 }, (_, n) => `telegram:update:group-${n}`);
    const records: Array<Promise<void>> = [];
    for (const key of keys) {
      records.push(storage.deliveries.handled(key));
      await delay(10);
    }
    const seenMeanwhile = await Promise.all(keys.map((key) => storage.deliveries.seen(key)));
    expect(seenMeanwhile).toEqual(keys.map(() => true));
    await Promise.all(records);
    expect(commands.get('insert deliveries')).toBe(1);
    expect(await Promise.all(keys.map((key) => storage.deliveries.firstTime(key)))).toEqual(
      keys.map(() => false),
    );
    expect(await storage.deliveries.seen('telegram:update:group-never')).toBe(false);
  });

  test('report facts saved 10 ms apart are one write, read back at once, stamped when written', async () => {
    const instances = Array.from({ length: 6 }, (_, n) => instanceOf(storage, 100 + n));
    const before = new Date();
    const saves: Array<Promise<void>> = [];
    for (const instance of instances) {
      saves.push(facts.save(instance, 3));
      await delay(10);
    }
    // Not waited for: a read in this process waits for its own saves.
    const stored = await facts.read(instances.map((i) => i.id));
    expect(stored.map((f) => f.instanceId).sort()).toEqual(instances.map((i) => i.id).sort());
    expect(stored.every((f) => f.version === 3 && f.attempts.length === 1)).toBe(true);
    await Promise.all(saves);
    expect(commands.get('update report_facts')).toBe(1);
    // Stamped at the write (after the last save was handed in), not when each was handed in.
    const since = await facts.versionsWrittenSince(new Date(before.getTime() + 50));
    expect([...since.keys()].sort()).toEqual(instances.map((i) => i.id).sort());
  });

  test('closing the storage writes what is still waiting', async () => {
    const other = await connectMongoStorage(mongo.uri);
    const instance = instanceOf(other, 200);
    await other.instances.create(instance, [promptOf(instance.id, 1)]);
    void other.instances.markPromptsQueued(instance.id, [`${instance.id}:1:1`]);
    void other.deliveries.handled('telegram:update:closing');
    await other.close();
    const pending = await storage.instances.pendingPrompts(1_000);
    expect(pending.some((p) => p.instanceId === instance.id)).toBe(false);
    expect(await storage.deliveries.seen('telegram:update:closing')).toBe(true);
  });
});
