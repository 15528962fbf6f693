import { Agenda, type AgendaBackend, type JobParameters, type JobRepository } from 'agenda';
import { MongoClient, type Db } from 'mongodb';
import { testMongo } from '../mongo.js';
import { sleep, waitForAsync } from '../e2e/waiting.js';

/**
 * What Pandu relies on from an Agenda backend, whatever it is: locking (order, owner, lock
 * time, what is not due or disabled), re-locking after a lock expired, concurrent lock calls
 * (a job is handed out once), Agenda's lock limits as held in the database, releasing locks on
 * stop, saving job state and removing jobs. Run against the plain @agendajs/mongo-backend and
 * against Pandu's own backend (test/integration/agenda-backend.test.ts). Reads go through the
 * repository's public interface only, so any backend can be checked.
 */
export interface BackendUnderTest {
  name: string;
  create(db: Db): AgendaBackend;
}

const waitFor = <T>(check: () => Promise<T | undefined | false>, what: string, ms = 5000) =>
  waitForAsync(what, check, ms);

/** Agenda's lock call as its processor makes it: jobs of `name` due by `at + aheadMs`, locks older than `lifetimeMs` expired. */
function lockNext(
  repository: JobRepository,
  name: string,
  at: Date,
  options: { aheadMs: number; lifetimeMs: number; owner: string },
) {
  return repository.getNextJobToRun(
    name,
    new Date(at.getTime() + options.aheadMs),
    new Date(at.getTime() - options.lifetimeMs),
    at,
    { lastModifiedBy: options.owner },
  );
}

function newJob(name: string, nextRunAt: Date | null, extra: Partial<JobParameters> = {}): JobParameters {
  return { name, priority: 0, nextRunAt, type: 'normal', data: {}, ...extra };
}

/** Jobs of these names locked in the database, by name. */
async function lockedByName(
  repository: JobRepository,
  names: readonly string[],
): Promise<Map<string, number>> {
  const { jobs } = await repository.queryJobs({ names: [...names] });
  const counts = new Map<string, number>();
  for (const job of jobs) if (job.lockedAt) counts.set(job.name, (counts.get(job.name) ?? 0) + 1);
  return counts;
}

const total = (counts: Map<string, number>) => [...counts.values()].reduce((a, b) => a + b, 0);

export function agendaBackendContract(subject: BackendUnderTest): void {
  describe(`Agenda backend contract: ${subject.name}`, () => {
    let mongo: Awaited<ReturnType<typeof testMongo>>;
    let client: MongoClient;
    let db: Db;
    let backend: AgendaBackend;
    let repository: JobRepository;
    const agendas: Agenda[] = [];
    /** Jobs that wait for the test to let them finish. */
    let releaseJobs: () => void = () => undefined;
    let jobsReleased: Promise<void> = Promise.resolve();

    function agenda(options: Partial<ConstructorParameters<typeof Agenda>[0]> = {}): Agenda {
      const instance = new Agenda({ backend, processEvery: 50, name: 'contract', ...options });
      agendas.push(instance);
      return instance;
    }

    const blocking = async () => {
      await jobsReleased;
    };

    beforeAll(async () => {
      mongo = await testMongo('pandu-agenda-contract');
      client = await MongoClient.connect(mongo.uri);
      db = client.db();
      backend = subject.create(db);
      await backend.connect();
      repository = backend.repository;
    });

    beforeEach(() => {
      jobsReleased = new Promise((resolve) => {
        releaseJobs = resolve;
      });
    });

    afterEach(async () => {
      releaseJobs();
      for (const instance of agendas.splice(0)) await instance.stop(false);
      await repository.purgeAllJobs();
    });

    afterAll(async () => {
      await backend.disconnect();
      await client.close();
      await mongo.stop();
    });

    const save = (job: JobParameters) => repository.saveJob(job, undefined);

    test('locks due jobs in (nextRunAt, priority) order with its lock time and owner; not what is not due or disabled', async () => {
      const base = Date.now() - 10_000;
      const late = await save(newJob('order', new Date(base + 2000)));
      const urgent = await save(newJob('order', new Date(base + 1000), { priority: 10 }));
      const early = await save(newJob('order', new Date(base + 1000)));
      await save(newJob('order', new Date(base + 500), { disabled: true }));
      await save(newJob('order', new Date(Date.now() + 60_000)));
      await save(newJob('another-name', new Date(base)));
      const now = new Date();
      const next = () =>
        lockNext(repository, 'order', now, { aheadMs: 1000, lifetimeMs: 30_000, owner: 'process-a' });
      const handed = [await next(), await next(), await next(), await next()];
      expect(handed.map((j) => j?._id?.toString())).toEqual([
        urgent._id?.toString(),
        early._id?.toString(),
        late._id?.toString(),
        undefined,
      ]);
      const stored = await repository.getJobById(String(early._id));
      expect(stored?.lockedAt?.getTime()).toBe(now.getTime());
      expect(stored?.lastModifiedBy).toBe('process-a');
      expect(handed[0]?.lockedAt?.getTime()).toBe(now.getTime());
    });

    test('a locked job is handed out again only once its lock has expired, then to whoever asks', async () => {
      const job = await save(newJob('expiry', new Date(Date.now() - 1000)));
      const lockedAt = new Date();
      const lifetime = 30_000;
      const ask = (owner: string, at: Date) =>
        lockNext(repository, 'expiry', at, { aheadMs: 1000, lifetimeMs: lifetime, owner });
      expect((await ask('process-a', lockedAt))?._id?.toString()).toBe(job._id?.toString());
      expect(await ask('process-b', new Date(lockedAt.getTime() + lifetime - 1))).toBeUndefined();
      const later = new Date(lockedAt.getTime() + lifetime);
      const taken = await ask('process-b', later);
      expect(taken?._id?.toString()).toBe(job._id?.toString());
      expect((await repository.getJobById(String(job._id)))?.lastModifiedBy).toBe('process-b');
      expect(await ask('process-a', later)).toBeUndefined();
    });

    test('lock calls made at once with the same time and owner never hand out a job twice', async () => {
      for (let i = 0; i < 3; i++) await save(newJob('at-once', new Date(Date.now() - 1000), { data: { i } }));
      await repository.getQueueSize(); // warm connections, as in a running service
      const now = new Date();
      const ask = () =>
        lockNext(repository, 'at-once', now, { aheadMs: 5000, lifetimeMs: 600_000, owner: 'process-a' });
      const first = await Promise.all([ask(), ask()]);
      const second = await Promise.all([ask(), ask()]);
      const handed = [...first, ...second].filter((j) => j !== undefined).map((j) => String(j._id));
      expect(first.every((j) => j !== undefined)).toBe(true);
      expect(handed).toHaveLength(3);
      expect(new Set(handed).size).toBe(3);
    });

    test('saving state writes what Agenda sets on a run, and fails for a job that is gone', async () => {
      const job = await save(newJob('state', new Date(Date.now() - 1000)));
      const lastRunAt = new Date(Date.now() - 500);
      const lastFinishedAt = new Date();
      const saves = [
        repository.saveJobState(
          {
            ...job,
            lockedAt: undefined,
            nextRunAt: null,
            lastRunAt,
            lastFinishedAt,
            failCount: 1,
            failReason: 'boom',
            progress: 100,
          },
          { lastModifiedBy: 'process-a' },
        ),
      ];
      const other = await save(newJob('state', new Date()));
      saves.push(repository.saveJobState({ ...other, progress: 7 }, { lastModifiedBy: 'process-a' }));
      await Promise.all(saves);
      const stored = await repository.getJobById(String(job._id));
      expect(stored).toMatchObject({
        nextRunAt: null,
        lastRunAt,
        lastFinishedAt,
        failCount: 1,
        failReason: 'boom',
        progress: 100,
      });
      expect(stored?.lockedAt).toBeUndefined();
      expect(stored?.lastModifiedBy).toBe('process-a');
      expect((await repository.getJobById(String(other._id)))?.progress).toBe(7);
      await repository.removeJobs({ id: String(job._id) });
      await expect(repository.saveJobState({ ...job, progress: 1 }, undefined)).rejects.toThrow(
        /does not exist/,
      );
    });

    test('removal counts each job once, also when the same job is removed twice at once', async () => {
      const [a, b, c] = await Promise.all([
        save(newJob('removal', new Date(), { data: { tag: 'x' } })),
        save(newJob('removal', new Date(), { data: { tag: 'y' } })),
        save(newJob('removal', new Date(), { data: { tag: 'y' } })),
      ]);
      const counts = await Promise.all([
        repository.removeJobs({ id: String(a?._id) }),
        repository.removeJobs({ id: String(a?._id) }),
      ]);
      expect(counts.sort()).toEqual([0, 1]);
      expect(await repository.getJobById(String(a?._id))).toBeNull();
      expect(await repository.removeJobs({ name: 'removal', data: { tag: 'y' } })).toBe(2);
      expect(await repository.getJobById(String(b?._id ?? c?._id))).toBeNull();
    });

    test('Agenda runs a due job once, saves a failure on it, and removes a finished one-off job', async () => {
      const scheduler = agenda({ removeOnComplete: true });
      let runs = 0;
      scheduler.define('once', () => {
        runs++;
        return Promise.resolve();
      });
      scheduler.define('fails', () => Promise.reject(new Error('no database')));
      const failed = new Promise((resolve) => scheduler.once('complete:fails', resolve));
      const done = new Promise((resolve) => scheduler.once('complete:once', resolve));
      await scheduler.start();
      const job = await scheduler.now('once');
      const failing = await scheduler.now('fails');
      await Promise.all([done, failed]);
      await waitFor(async () => (await repository.getJobById(String(job.attrs._id))) === null, 'the removal');
      expect(runs).toBe(1);
      const stored = await repository.getJobById(String(failing.attrs._id));
      expect(stored).toMatchObject({ failCount: 1, failReason: 'no database' });
      expect(stored?.lockedAt).toBeUndefined();
    });

    test('the database holds no more locks than Agenda’s lockLimit, and every job name gets to run', async () => {
      const names = ['fair-a', 'fair-b', 'fair-c', 'fair-d'];
      const scheduler = agenda({
        lockLimit: 8,
        defaultLockLimit: 4,
        defaultConcurrency: 2,
        maxConcurrency: 20,
      });
      for (const name of names) scheduler.define(name, blocking, { lockLifetime: 60_000 });
      await Promise.all(
        names.flatMap((name) =>
          Array.from({ length: 6 }, () => save(newJob(name, new Date(Date.now() - 1000)))),
        ),
      );
      await scheduler.start();
      // Agenda locks one job per name in turn, so under the global limit every name gets some.
      const stats = await waitFor(async () => {
        const status = await scheduler.getRunningStats();
        return names.every((n) => (status.jobStatus?.[n]?.running ?? 0) >= 1) ? status : undefined;
      }, 'every job name to run');
      expect(stats.lockedJobs).toBe(8);
      // Locks Agenda does not hold are not kept in the database either.
      const locked = await waitFor(async () => {
        const counts = await lockedByName(repository, names);
        return total(counts) <= 8 ? counts : undefined;
      }, 'no more than 8 jobs locked in the database');
      expect(total(locked)).toBe(8);
      for (const name of names) expect(locked.get(name) ?? 0).toBeLessThanOrEqual(4);
    });

    test('with maxConcurrency reached, Agenda’s lockLimit still bounds what is locked in the database', async () => {
      const scheduler = agenda({ lockLimit: 5, maxConcurrency: 3, defaultConcurrency: 10 });
      scheduler.define('crowded', blocking, { lockLifetime: 60_000 });
      await Promise.all(
        Array.from({ length: 10 }, () => save(newJob('crowded', new Date(Date.now() - 1000)))),
      );
      await scheduler.start();
      const stats = await waitFor(async () => {
        const status = await scheduler.getRunningStats();
        // Agenda updates its totals and a name's counts at different moments: wait for both.
        const crowded = status.jobStatus?.['crowded'];
        return status.runningJobs === 3 &&
          status.lockedJobs === 5 &&
          crowded?.running === 3 &&
          crowded.locked === 5
          ? status
          : undefined;
      }, 'three running of five locked');
      expect(stats.jobStatus?.['crowded']).toMatchObject({ running: 3, locked: 5 });
      const locked = await waitFor(async () => {
        const counts = await lockedByName(repository, ['crowded']);
        return total(counts) <= 5 ? counts : undefined;
      }, 'no more than 5 jobs locked in the database');
      expect(total(locked)).toBe(5);
    });

    test('the database holds no more locks of a job name than its defaultLockLimit', async () => {
      const scheduler = agenda({ defaultLockLimit: 3, defaultConcurrency: 1 });
      scheduler.define('limited', blocking, { lockLifetime: 60_000 });
      await Promise.all(
        Array.from({ length: 10 }, () => save(newJob('limited', new Date(Date.now() - 1000)))),
      );
      await scheduler.start();
      await waitFor(
        async () => (await scheduler.getRunningStats()).jobStatus?.['limited']?.locked === 3,
        'three locked',
      );
      const locked = await waitFor(async () => {
        const counts = await lockedByName(repository, ['limited']);
        return total(counts) <= 3 ? counts : undefined;
      }, 'no more than 3 jobs locked in the database');
      expect(total(locked)).toBe(3);
    });

    test('a job locked by a process that died is run by another once the lock has expired', async () => {
      const lockLifetime = 400;
      const job = await save(newJob('orphan', new Date(Date.now() - 1000)));
      const deadLock = new Date();
      const taken = await repository.getNextJobToRun(
        'orphan',
        new Date(),
        new Date(deadLock.getTime() - lockLifetime),
        deadLock,
        {
          lastModifiedBy: 'process-that-died',
        },
      );
      expect(taken?._id?.toString()).toBe(job._id?.toString());
      const rescuer = agenda({ name: 'rescuer' });
      const runs: Array<{ at: number; owner: string | undefined }> = [];
      rescuer.define(
        'orphan',
        (running) => {
          runs.push({ at: Date.now(), owner: running.attrs.lastModifiedBy });
          return Promise.resolve();
        },
        { lockLifetime },
      );
      await rescuer.start();
      await waitFor(() => Promise.resolve(runs.length > 0), 'the rescue');
      await sleep(200);
      expect(runs).toHaveLength(1);
      expect(runs[0]?.owner).toBe('rescuer');
      expect(runs[0]?.at).toBeGreaterThanOrEqual(deadLock.getTime() + lockLifetime);
    });

    test('stopping releases the locks of jobs locked ahead and not started; a running job keeps its lock', async () => {
      const scheduler = agenda({ processEvery: 3000, name: 'stopping' });
      scheduler.define('ahead', blocking);
      scheduler.define('busy', blocking, { lockLifetime: 60_000 });
      const ahead = await save(newJob('ahead', new Date(Date.now() + 1500)));
      const busy = await save(newJob('busy', new Date(Date.now() - 1000)));
      const started = new Promise((resolve) => scheduler.once('start:busy', resolve));
      await scheduler.start();
      await started;
      await waitFor(async () => (await repository.getJobById(String(ahead._id)))?.lockedAt, 'the lock ahead');
      await scheduler.stop(false);
      await waitFor(
        async () => !(await repository.getJobById(String(ahead._id)))?.lockedAt,
        'the released lock',
      );
      expect((await repository.getJobById(String(busy._id)))?.lockedAt).toBeInstanceOf(Date);
    });
  });
}
