import { toJobId, type JobParameters } from 'agenda';
import {
  BatchLocker,
  type BatchLockStore,
  type HeldJob,
  type LockRequest,
} from '../../../src/scheduling/batch-locker.js';

/**
 * The batch locker against a store in memory whose lock calls the test answers when it wants:
 * what is handed out, in which order across job names, and what is given back.
 */
class FakeStore implements BatchLockStore {
  readonly due = new Map<string, string[]>();
  /** When a job comes due (ms since the epoch); a job without one is due now. */
  readonly dueAt = new Map<string, number>();
  readonly locks: Array<{
    name: string;
    owner: string | undefined;
    claim: string;
    scanUntil: Date;
    answer: () => void;
  }> = [];
  readonly released: HeldJob[] = [];
  autoAnswer = true;
  private next = 0;

  /** `count` jobs of `name`; with `firstDueAt`, due one after the other, `everyMs` apart. */
  add(name: string, count: number, firstDueAt?: number, everyMs = 0): void {
    const list = this.due.get(name) ?? [];
    for (let i = 0; i < count; i++) {
      const id = `${name}-${++this.next}`;
      list.push(id);
      if (firstDueAt !== undefined) this.dueAt.set(id, firstDueAt + i * everyMs);
    }
    this.due.set(name, list);
  }

  lock(request: LockRequest, limit: number, claim: string): Promise<JobParameters[]> {
    return new Promise((resolve) => {
      const answer = () => {
        const list = this.due.get(request.jobName) ?? [];
        const ids = list
          .filter((id) => (this.dueAt.get(id) ?? 0) <= request.nextScanAt.getTime())
          .slice(0, limit);
        this.due.set(
          request.jobName,
          list.filter((id) => !ids.includes(id)),
        );
        resolve(ids.map((id) => job(id, request)));
      };
      this.locks.push({
        name: request.jobName,
        owner: request.owner,
        claim,
        scanUntil: request.nextScanAt,
        answer,
      });
      if (this.autoAnswer) answer();
    });
  }

  release(held: readonly HeldJob[]): Promise<void> {
    this.released.push(...held);
    return Promise.resolve();
  }
}

function job(id: string, request: LockRequest): JobParameters {
  return {
    _id: toJobId(id),
    name: request.jobName,
    priority: 0,
    nextRunAt: new Date(),
    type: 'normal',
    data: {},
    lockedAt: request.now ?? new Date(),
  };
}

function request(jobName: string, owner = 'process-a', now = new Date()): LockRequest {
  return {
    jobName,
    owner,
    now,
    nextScanAt: new Date(now.getTime() + 1000),
    lockDeadline: new Date(now.getTime() - 30_000),
  };
}

const turn = () => new Promise((resolve) => setImmediate(resolve));
const ids = (jobs: Array<JobParameters | undefined>) => jobs.map((j) => (j ? String(j._id) : '-'));

/** Asks for jobs of `name` one after the other, as Agenda fills a queue, `count` times at most. */
async function chain(locker: BatchLocker, name: string, count: number, log: string[]): Promise<void> {
  for (let i = 0; i < count; i++) {
    const next = await locker.next(request(name));
    if (!next) return;
    log.push(String(next._id));
  }
}

describe('batch locker', () => {
  test('one lock call locks a batch; the next calls are served from it, each job once', async () => {
    const store = new FakeStore();
    store.add('x', 5);
    const locker = new BatchLocker(store, 3);
    const handed = await Promise.all([locker.next(request('x')), locker.next(request('x'))]);
    handed.push(
      await locker.next(request('x')),
      await locker.next(request('x')),
      await locker.next(request('x')),
    );
    handed.push(await locker.next(request('x')));
    expect(ids(handed)).toEqual(['x-1', 'x-2', 'x-3', 'x-4', 'x-5', '-']);
    // Three lock calls: 3 jobs, 2 jobs, none left; each with a claim of its own.
    expect(store.locks).toHaveLength(3);
    expect(new Set(store.locks.map((l) => l.claim)).size).toBe(3);
  });

  test('what Agenda stops asking for is given back after the turn, under the claim that locked it', async () => {
    const store = new FakeStore();
    store.add('x', 10);
    const locker = new BatchLocker(store, 4);
    const first = await locker.next(request('x'));
    expect(String(first?._id)).toBe('x-1');
    expect(store.released).toEqual([]);
    await turn();
    expect(store.released.map((h) => String(h.job._id))).toEqual(['x-2', 'x-3', 'x-4']);
    expect(store.released.every((h) => h.claim === store.locks[0]?.claim)).toBe(true);
    // The next call locks a new batch, it does not get the released jobs from memory.
    expect(String((await locker.next(request('x')))?._id)).toBe('x-5');
  });

  test('nothing is given back while Agenda keeps asking within the turn', async () => {
    const store = new FakeStore();
    store.add('x', 6);
    const locker = new BatchLocker(store, 6);
    const log: string[] = [];
    await chain(locker, 'x', 6, log);
    await turn();
    expect(log).toHaveLength(6);
    expect(store.released).toEqual([]);
  });

  test('a fill looks only as far ahead as its first call, however far its later calls look', async () => {
    // Jobs come due every 100 ms; Agenda's every call looks 1 s ahead of its own moment, so
    // under a steady stream a fill whose look-ahead moved on would never end, and Agenda runs
    // nothing it locked before its fill ends.
    const start = Date.parse('2026-12-03T10:00:00Z');
    const store = new FakeStore();
    store.add('x', 40, start + 100, 100);
    const locker = new BatchLocker(store, 4);
    const handed: string[] = [];
    for (let i = 0; i < 40; i++) {
      const next = await locker.next(request('x', 'process-a', new Date(start + i * 100)));
      if (!next) break;
      handed.push(String(next._id));
    }
    // Due within the first call's second (100 … 1,000 ms): ten jobs, then the fill ends.
    expect(handed).toEqual(Array.from({ length: 10 }, (_, i) => `x-${i + 1}`));
    expect(new Set(store.locks.map((l) => l.scanUntil.getTime() - start))).toEqual(new Set([1000]));
    // A turn without a call: the fill is over; the next poll's fill looks ahead of its own start.
    await turn();
    expect(String((await locker.next(request('x', 'process-a', new Date(start + 1000))))?._id)).toBe('x-11');
    expect((store.locks.at(-1)?.scanUntil.getTime() ?? 0) - start).toBe(2000);
  });

  test('a poll while a fill is still locking looks ahead from its own start, for both', async () => {
    const start = Date.parse('2026-12-03T10:00:00Z');
    const store = new FakeStore();
    store.add('x', 40, start + 100, 100);
    store.autoAnswer = false;
    const locker = new BatchLocker(store, 4);
    const handed: string[] = [];
    /** One fill as Agenda makes it: each call 1 ms after the last, until nothing is handed. */
    const fill = async (from: number) => {
      for (let at = from; ; at++) {
        const next = await locker.next(request('x', 'process-a', new Date(at)));
        if (!next) return;
        handed.push(String(next._id));
      }
    };
    const first = fill(start);
    await turn();
    // The next poll, a second later, while the first fill's batch is still being locked.
    const second = fill(start + 1000);
    await turn();
    store.autoAnswer = true;
    store.locks[0]?.answer();
    await Promise.all([first, second]);
    // Everything due within the second poll's look-ahead (up to 2,000 ms), each job once.
    expect([...handed].sort((a, b) => Number(a.slice(2)) - Number(b.slice(2)))).toEqual(
      Array.from({ length: 20 }, (_, i) => `x-${i + 1}`),
    );
  });

  test('job names take turns: one name is not served again while another’s batch is being locked', async () => {
    const store = new FakeStore();
    store.add('a', 6);
    store.add('b', 6);
    store.autoAnswer = false;
    const locker = new BatchLocker(store, 6);
    const log: string[] = [];
    const chains = Promise.all([chain(locker, 'a', 4, log), chain(locker, 'b', 4, log)]);
    store.locks[0]?.answer(); // a's batch comes back first
    for (let i = 0; i < 5; i++) await turn();
    expect(log).toEqual(['a-1']);
    store.locks[1]?.answer();
    await chains;
    expect(log.slice(1, 3).sort()).toEqual(['a-2', 'b-7']);
    // In turns: never more than one ahead.
    let a = 0;
    let b = 0;
    for (const id of log) {
      if (id.startsWith('a')) a++;
      else b++;
      expect(Math.abs(a - b)).toBeLessThanOrEqual(1);
    }
    expect([a, b]).toEqual([4, 4]);
  });

  test('a name that starts asking later joins the current round instead of catching up', async () => {
    const store = new FakeStore();
    store.add('a', 10);
    store.add('b', 10);
    store.autoAnswer = false;
    const locker = new BatchLocker(store, 2);
    const log: string[] = [];
    const a = chain(locker, 'a', 6, log);
    store.locks[0]?.answer(); // a gets a-1 and a-2, then waits for its second batch
    for (let i = 0; i < 3; i++) await turn();
    const b = chain(locker, 'b', 6, log);
    store.locks[2]?.answer(); // b's first batch comes back before a's second
    for (let i = 0; i < 3; i++) await turn();
    // b is in a's round: one job, then it waits for a, instead of two before a gets any more.
    expect(log).toEqual(['a-1', 'a-2', 'b-11']);
    store.autoAnswer = true;
    store.locks[1]?.answer();
    await Promise.all([a, b]);
    expect(log.filter((id) => id.startsWith('a'))).toHaveLength(6);
    expect(log.filter((id) => id.startsWith('b'))).toHaveLength(6);
  });

  test('a name whose last look found nothing holds nobody back while it looks again', async () => {
    const store = new FakeStore();
    store.add('a', 4);
    const locker = new BatchLocker(store, 4);
    expect(await locker.next(request('idle'))).toBeUndefined();
    store.autoAnswer = false;
    const log: string[] = [];
    const idle = locker.next(request('idle'));
    const a = chain(locker, 'a', 4, log);
    store.locks[2]?.answer(); // a's batch; idle's second look is still out
    for (let i = 0; i < 3; i++) await turn();
    expect(log).toEqual(['a-1', 'a-2', 'a-3', 'a-4']);
    store.locks[1]?.answer();
    expect(await idle).toBeUndefined();
    await a;
  });

  test('each Agenda (owner) gets only jobs locked for it', async () => {
    const store = new FakeStore();
    store.add('x', 4);
    const locker = new BatchLocker(store, 2);
    const one = await locker.next(request('x', 'process-a'));
    const two = await locker.next(request('x', 'process-b'));
    expect(store.locks.map((l) => l.owner)).toEqual(['process-a', 'process-b']);
    expect(ids([one, two])).toEqual(['x-1', 'x-3']);
  });

  test('a buffered job whose lock expired meanwhile is dropped, not handed out', async () => {
    const store = new FakeStore();
    store.add('x', 3);
    const locker = new BatchLocker(store, 3);
    const at = new Date();
    expect(String((await locker.next(request('x', 'p', at)))?._id)).toBe('x-1');
    // Asked again with a lock deadline after the batch's lock time: its locks have expired.
    const later = new Date(at.getTime() + 31_000);
    expect(await locker.next(request('x', 'p', later))).toBeUndefined();
    expect(store.locks).toHaveLength(2);
  });

  test('flush gives back every job locked and not handed out, of one owner', async () => {
    const store = new FakeStore();
    store.add('x', 4);
    store.add('y', 4);
    const locker = new BatchLocker(store, 4);
    await locker.next(request('x', 'process-a'));
    await locker.next(request('y', 'process-b'));
    await locker.flush('process-a');
    expect(store.released.map((h) => String(h.job._id))).toEqual(['x-2', 'x-3', 'x-4']);
  });

  test('a lock call still in flight when its owner flushes is waited for, and what it locked is given back', async () => {
    const store = new FakeStore();
    store.add('x', 3);
    store.autoAnswer = false;
    const locker = new BatchLocker(store, 3);
    const asked = locker.next(request('x', 'process-a'));
    await turn();
    expect(store.locks).toHaveLength(1);
    let flushed = false;
    const flushing = locker.flush('process-a').then(() => (flushed = true));
    await turn();
    // The batch is stamped in the database but not read back yet: the flush waits for it.
    expect(flushed).toBe(false);
    store.locks[0]?.answer();
    await flushing;
    expect(await asked).toBeUndefined();
    expect(store.released.map((h) => String(h.job._id))).toEqual(['x-1', 'x-2', 'x-3']);
    // Stopped: later calls of that owner lock nothing.
    store.autoAnswer = true;
    store.add('x', 1);
    expect(await locker.next(request('x', 'process-a'))).toBeUndefined();
    expect(store.locks).toHaveLength(1);
  });

  test('a failed lock call fails that call only; the next one tries again', async () => {
    const store = new FakeStore();
    store.add('x', 2);
    let failOnce = true;
    const lock = store.lock.bind(store);
    store.lock = (req, limit, claim) => {
      if (!failOnce) return lock(req, limit, claim);
      failOnce = false;
      return Promise.reject(new Error('database away'));
    };
    const locker = new BatchLocker(store, 2);
    await expect(locker.next(request('x'))).rejects.toThrow('database away');
    expect(String((await locker.next(request('x')))?._id)).toBe('x-1');
  });
});
