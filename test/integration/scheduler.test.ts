import { MongoBackend } from '@agendajs/mongo-backend';
import { Agenda, type Job } from 'agenda';
import { MongoClient, ObjectId, type Collection, type Db, type Document } from 'mongodb';
import { createLogger } from '../../src/logger.js';
import { JOBS_COLLECTION, keyedJobId } from '../../src/scheduling/job-documents.js';
import { Scheduler, SchedulerStateError } from '../../src/scheduling/scheduler.js';
import { resolveSchedulerOptions, type SchedulerOptions } from '../../src/scheduling/scheduler-options.js';
import { testMongo } from '../support/mongo.js';
import { sleep, waitForAsync } from '../support/e2e/waiting.js';

/**
 * The Scheduler on the embedded database, with several of them standing for several processes
 * on one database: definitions, keyed one-off jobs, recurring jobs once per occurrence, stopping.
 */
const waitFor = <T>(check: () => Promise<T | undefined | false>, what: string, ms = 8000) =>
  waitForAsync(what, check, ms);

describe('Scheduler', () => {
  let mongo: Awaited<ReturnType<typeof testMongo>>;
  let client: MongoClient;
  let db: Db;
  let jobs: Collection;
  const schedulers: Scheduler[] = [];
  let finish: () => void = () => undefined;
  let finished: Promise<void> = Promise.resolve();

  function scheduler(options: Partial<SchedulerOptions> = {}): Scheduler {
    const made = new Scheduler({
      db,
      logger: createLogger('silent'),
      options: resolveSchedulerOptions({
        processEveryMs: 50,
        lockLifetimeMs: 2000,
        drainTimeoutMs: 2000,
        ...options,
      }),
    });
    schedulers.push(made);
    return made;
  }

  beforeAll(async () => {
    mongo = await testMongo('pandu-scheduler');
    client = await MongoClient.connect(mongo.uri);
    db = client.db();
    jobs = db.collection(JOBS_COLLECTION);
  });

  beforeEach(() => {
    finished = new Promise((resolve) => {
      finish = resolve;
    });
  });

  afterEach(async () => {
    finish();
    for (const made of schedulers.splice(0)) await made.stop();
    await jobs.deleteMany({});
  });

  afterAll(async () => {
    await client.close();
    await mongo.stop();
  });

  test('jobs are defined once each, before start; only a defined job recurs', async () => {
    const one = scheduler();
    one.define({ name: 'digest', run: () => Promise.resolve() });
    expect(() => one.define({ name: 'digest', run: () => Promise.resolve() })).toThrow(SchedulerStateError);
    await expect(one.every('not-defined', 1000)).rejects.toThrow(/not defined/);
    await one.start();
    expect(() => one.define({ name: 'late', run: () => Promise.resolve() })).toThrow(/after start/);
  });

  test('ensure inserts the missing keyed jobs as Agenda saves a new job; replace moves; cancel removes', async () => {
    const [a, b] = [scheduler(), scheduler()];
    for (const s of [a, b]) s.define({ name: 'calendar-warning', run: () => Promise.resolve() });
    const at = new Date(Date.now() + 3600_000);
    const specs = ['w1', 'w2', 'w3'].map((week) => ({
      name: 'calendar-warning',
      key: `test:calendar:${week}`,
      data: { week },
      at,
    }));
    // Two processes ensure the same jobs at once: each job exists once, counted once.
    const counts = await Promise.all([a.ensure(specs), b.ensure(specs.slice(1))]);
    expect(counts[0] + counts[1]).toBe(3);
    expect(await a.ensure(specs)).toBe(0);
    expect(await jobs.countDocuments({ name: 'calendar-warning' })).toBe(3);

    // The document is the one Agenda's own save writes for create(...).schedule(at).
    const agenda = new Agenda({ backend: new MongoBackend({ mongo: db }), name: a.name });
    const theirs = await agenda.create('calendar-warning', { week: 'w1' }).schedule(at).save();
    const [ours, stored] = await Promise.all([
      jobs.findOne({ _id: keyedJobId('test:calendar:w1') }),
      jobs.findOne({ _id: new ObjectId(String(theirs.attrs._id)) }),
    ]);
    expect(Object.keys(ours ?? {}).sort()).toEqual(Object.keys(stored ?? {}).sort());
    expect({ ...ours, _id: undefined }).toEqual({ ...stored, _id: undefined });
    expect(ours?.['lastModifiedBy']).toBe(a.name);
    await jobs.deleteOne({ _id: stored?._id });

    const later = new Date(at.getTime() + 60_000);
    await Promise.all([a.replace([{ ...specs[0]!, at: later }]), b.replace([{ ...specs[0]!, at: later }])]);
    const moved = await jobs.find({ name: 'calendar-warning' }).toArray();
    expect(moved).toHaveLength(3);
    const week = (doc: Document) => (doc['data'] as { week?: string } | undefined)?.week;
    expect(moved.find((j) => week(j) === 'w1')?.['nextRunAt']).toEqual(later);

    await b.cancel(['test:calendar:w1', 'test:calendar:w2', 'test:calendar:none']);
    expect((await jobs.find({ name: 'calendar-warning' }).toArray()).map(week)).toEqual(['w3']);
  });

  test('a keyed job runs once at its time whichever process takes it, and is gone when done', async () => {
    const runs: Array<{ by: string; at: number }> = [];
    const processes = [scheduler(), scheduler()];
    for (const s of processes) {
      s.define({
        name: 'reminder-once',
        run: (job: Job) => {
          runs.push({ by: String(job.attrs.lastModifiedBy), at: Date.now() });
          return Promise.resolve();
        },
      });
    }
    const at = new Date(Date.now() + 300);
    await processes[0]?.ensure([{ name: 'reminder-once', key: 'test:once', data: {}, at }]);
    await Promise.all(processes.map((s) => s.start()));
    await waitFor(
      async () => runs.length > 0 && (await jobs.countDocuments({ name: 'reminder-once' })) === 0,
      'the run',
    );
    await sleep(300);
    expect(runs).toHaveLength(1);
    expect(processes.map((s) => s.name)).toContain(runs[0]?.by);
    expect(runs[0]?.at).toBeGreaterThanOrEqual(at.getTime());
  });

  test('a recurring job runs once per interval across processes, as one job', async () => {
    const intervalMs = 300;
    const starts: Array<{ at: number; by: string }> = [];
    const processes = [scheduler(), scheduler(), scheduler()];
    for (const s of processes) {
      s.define({
        name: 'weekly-digest',
        run: (job: Job) => {
          starts.push({ at: job.attrs.lastRunAt?.getTime() ?? 0, by: String(job.attrs.lastModifiedBy) });
          return Promise.resolve();
        },
      });
      await s.every('weekly-digest', intervalMs);
    }
    await Promise.all(processes.map((s) => s.start()));
    await waitFor(() => Promise.resolve(starts.length >= 4), 'four occurrences');
    await Promise.all(processes.map((s) => s.stop()));
    expect(await jobs.countDocuments({ name: 'weekly-digest' })).toBe(1);
    const times = starts.map((s) => s.at).sort((x, y) => x - y);
    // Agenda's next occurrence is one interval after the last start: never two for one occurrence.
    for (let i = 1; i < times.length; i++)
      expect((times[i] ?? 0) - (times[i - 1] ?? 0)).toBeGreaterThanOrEqual(intervalMs);
  });

  test('a restart keeps a recurring job’s schedule; an older job of the name or a new interval replaces it', async () => {
    // As Agenda's own every() left it in an older version: a 'single' job of the same name.
    const legacy = new Agenda({ backend: new MongoBackend({ mongo: db }), name: 'older-version' });
    legacy.define('daily-check', () => Promise.resolve());
    await legacy.every(60_000, 'daily-check', {}, { skipImmediate: true });
    const first = scheduler();
    first.define({ name: 'daily-check', run: () => Promise.resolve() });
    await first.every('daily-check', 3_600_000, { skipImmediate: true });
    await first.start();
    const [kept] = await jobs.find({ name: 'daily-check' }).toArray();
    expect(await jobs.countDocuments({ name: 'daily-check' })).toBe(1);
    expect(kept?._id).toEqual(keyedJobId('every:daily-check'));
    await first.stop();

    await sleep(20);
    const restarted = scheduler();
    restarted.define({ name: 'daily-check', run: () => Promise.resolve() });
    await restarted.every('daily-check', 3_600_000, { skipImmediate: true });
    await restarted.start();
    const [after] = await jobs.find({ name: 'daily-check' }).toArray();
    // Agenda's every() would have moved it an interval past the restart.
    expect(after?.['nextRunAt']).toEqual(kept?.['nextRunAt']);
    await restarted.stop();

    const changed = scheduler();
    changed.define({ name: 'daily-check', run: () => Promise.resolve() });
    await changed.every('daily-check', 1_800_000, { skipImmediate: true });
    await changed.start();
    const docs = await jobs.find({ name: 'daily-check' }).toArray();
    expect(docs.map((d) => d['repeatInterval'] as unknown)).toEqual([1_800_000]);
  });

  test('stop drains running jobs, then gives back the locks of jobs locked ahead; one still running keeps its lock', async () => {
    const done: string[] = [];
    const one = scheduler({ processEveryMs: 1500, drainTimeoutMs: 600 });
    one.define({
      name: 'short',
      run: async () => {
        await sleep(200);
        done.push('short');
      },
    });
    one.define({ name: 'stuck', run: () => finished });
    one.define({ name: 'ahead', run: () => Promise.resolve() });
    const now = Date.now();
    await one.ensure([
      { name: 'short', key: 'test:short', data: {}, at: new Date(now - 1000) },
      { name: 'stuck', key: 'test:stuck', data: {}, at: new Date(now - 1000) },
      { name: 'ahead', key: 'test:ahead', data: {}, at: new Date(now + 1200) },
    ]);
    const started = Promise.all(
      ['short', 'stuck'].map((n) => new Promise((r) => one.agenda.once(`start:${n}`, r))),
    );
    await one.start();
    await started;
    await waitFor(
      async () => (await jobs.findOne({ _id: keyedJobId('test:ahead') }))?.['lockedAt'] as Date | undefined,
      'the lock ahead',
    );
    await one.stop();
    expect(done).toEqual(['short']);
    expect((await jobs.findOne({ _id: keyedJobId('test:ahead') }))?.['lockedAt']).toBeNull();
    expect((await jobs.findOne({ _id: keyedJobId('test:stuck') }))?.['lockedAt']).toBeInstanceOf(Date);
  });
});
