import { MongoBackend } from '@agendajs/mongo-backend';
import { toJobId, type JobParameters } from 'agenda';
import { MongoClient, ObjectId, type Collection, type Db } from 'mongodb';
import { CoalescedJobWrites } from '../../src/scheduling/coalesced-job-writes.js';
import { JOBS_COLLECTION } from '../../src/scheduling/job-documents.js';
import { testMongo } from '../support/mongo.js';

describe('coalesced job writes', () => {
  let mongo: Awaited<ReturnType<typeof testMongo>>;
  let client: MongoClient;
  let db: Db;
  let jobs: Collection;
  let writes: CoalescedJobWrites;

  beforeAll(async () => {
    mongo = await testMongo('pandu-job-writes');
    client = await MongoClient.connect(mongo.uri);
    db = client.db();
    jobs = db.collection(JOBS_COLLECTION);
    writes = new CoalescedJobWrites(() => jobs);
  });

  afterAll(async () => {
    await client.close();
    await mongo.stop();
  });

  async function newJob(name = 'pandu-escalation'): Promise<ObjectId> {
    const _id = new ObjectId();
    await jobs.insertOne({
      _id,
      name,
      data: { n: 1 },
      nextRunAt: new Date(),
      lockedAt: new Date(),
      priority: 0,
    });
    return _id;
  }

  function params(_id: ObjectId, overrides: Partial<JobParameters> = {}): JobParameters {
    return {
      _id: toJobId(_id.toHexString()),
      name: 'pandu-escalation',
      priority: 0,
      nextRunAt: null,
      type: 'normal',
      data: { n: 1 },
      lockedAt: undefined,
      lastRunAt: new Date('2026-11-25T01:00:00Z'),
      lastFinishedAt: new Date('2026-11-25T01:00:02Z'),
      failCount: 2,
      failReason: 'boom',
      failedAt: new Date('2026-11-25T00:59:00Z'),
      progress: 50,
      ...overrides,
    };
  }

  test('a state save writes what Agenda’s MongoDB backend writes', async () => {
    const backend = new MongoBackend({ mongo: db });
    await backend.connect();
    const [theirs, ours] = [await newJob(), await newJob()];
    await backend.repository.saveJobState(params(theirs), { lastModifiedBy: 'pandu@test' });
    await writes.saveJobState(params(ours), { lastModifiedBy: 'pandu@test' });
    const [a, b] = await Promise.all([jobs.findOne({ _id: theirs }), jobs.findOne({ _id: ours })]);
    expect({ ...b, _id: undefined }).toEqual({ ...a, _id: undefined });
    expect(b).toMatchObject({ lockedAt: null, nextRunAt: null, failCount: 2, lastModifiedBy: 'pandu@test' });
  });

  test('saves made together land together; one for a job that is gone fails alone', async () => {
    const [one, two, gone] = [await newJob(), await newJob(), await newJob()];
    await jobs.deleteOne({ _id: gone });
    const results = await Promise.allSettled([
      writes.saveJobState(params(one, { progress: 1 }), undefined),
      writes.saveJobState(params(gone, { progress: 3 }), undefined),
      writes.saveJobState(params(two, { progress: 2 }), undefined),
      writes.saveJobState(params(one, { name: 'another-name' }), undefined),
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled', 'rejected']);
    expect(results[1]?.status === 'rejected' && String(results[1].reason)).toMatch(/does not exist anymore/);
    expect((await jobs.findOne({ _id: one }))?.['progress']).toBe(1);
    expect((await jobs.findOne({ _id: two }))?.['progress']).toBe(2);
  });

  test('removals made together count each job once', async () => {
    const [a, b] = [await newJob(), await newJob()];
    const counts = await Promise.all([
      writes.removeJob(a.toHexString()),
      writes.removeJob(b.toHexString()),
      writes.removeJob(a.toHexString()),
      writes.removeJob(new ObjectId().toHexString()),
    ]);
    expect(counts).toEqual([1, 1, 0, 0]);
    expect(await jobs.countDocuments({ _id: { $in: [a, b] } })).toBe(0);
  });

  test('discards made in the same tick go as one delete, without a read first', async () => {
    const ids = await Promise.all(Array.from({ length: 5 }, () => newJob()));
    const monitored = await MongoClient.connect(mongo.uri, { monitorCommands: true });
    const commands: string[] = [];
    monitored.on('commandStarted', (event) => commands.push(event.commandName));
    try {
      const discarding = new CoalescedJobWrites(() => monitored.db().collection(JOBS_COLLECTION));
      await Promise.all([
        discarding.discardJobs([ids[0], ids[1]].map((id) => id!.toHexString())),
        discarding.discardJobs([ids[2]!.toHexString(), new ObjectId().toHexString(), 'not-an-id']),
        discarding.discardJobs([ids[3]!.toHexString()]),
      ]);
      expect(commands).toEqual(['delete']);
      expect((await jobs.find({ _id: { $in: ids } }).toArray()).map((j) => String(j._id))).toEqual([
        String(ids[4]),
      ]);
    } finally {
      await monitored.close();
    }
  });

  test('only the removal of one job by its id is coalesced', () => {
    const id = new ObjectId().toHexString();
    expect(writes.coalesces({ id })).toBe(true);
    expect(writes.coalesces({ id, name: 'x' })).toBe(false);
    expect(writes.coalesces({ name: 'x' })).toBe(false);
    expect(writes.coalesces({ ids: [id] })).toBe(false);
    expect(writes.coalesces({ id: 'not-an-id' })).toBe(false);
  });
});
