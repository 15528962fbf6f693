import { randomBytes } from 'node:crypto';
import type { JobParameters } from 'agenda';

/** One of Agenda's `getNextJobToRun` calls. */
export interface LockRequest {
  jobName: string;
  nextScanAt: Date;
  lockDeadline: Date;
  now: Date | undefined;
  owner: string | undefined;
}

/** A job this process locked, under the claim of the lock call that stamped it. */
export interface HeldJob {
  job: JobParameters;
  claim: string;
}

/** The database side: lock a batch under one claim, and give back jobs locked and not handed out. */
export interface BatchLockStore {
  /** Locks up to `limit` of the due jobs under `claim`; those it got, in Agenda's order. */
  lock(request: LockRequest, limit: number, claim: string): Promise<JobParameters[]>;
  /** Unlocks these jobs if they are still locked under their claim. */
  release(held: readonly HeldJob[]): Promise<void>;
}

interface Waiter {
  request: LockRequest;
  resolve(job: JobParameters | undefined): void;
  reject(error: unknown): void;
}

/** The lock calls of one Agenda (owner) for one job name. */
interface Lane {
  owner: string;
  buffer: HeldJob[];
  waiting: Waiter[];
  fetching: boolean;
  /** Jobs (or "none") handed to this lane: the round it is in. */
  served: number;
  /** Handed a job in this turn of the event loop: Agenda's next call for it is on its way. */
  chained: boolean;
  /** Its last batch found nothing due: while it looks again, it holds no other lane back. */
  foundNothing: boolean;
  /** The lock call in flight, if any (a flush waits for it). */
  inFlight: Promise<void> | undefined;
  /** How far ahead this lane's fill locks: the `nextScanAt` of the latest poll that asked. */
  horizon: Date;
}

/**
 * Serves Agenda's one-job-at-a-time lock calls from batches: one lock call locks up to
 * `batchSize` due jobs of a name (three queries, however many jobs) and the next calls for that
 * name are served from what it locked. It keeps what Agenda's own one-by-one locking guarantees:
 *
 * - **Each job handed out once.** Every batch is stamped with a claim of its own (a token per
 *   lock call) and reads back only what that claim stamped; a job leaves the buffer once.
 * - **No more locks than Agenda's limits.** Agenda asks for the next job within the same turn of
 *   the event loop as long as its `lockLimit`/`defaultLockLimit` allow; when a turn passes
 *   without that call, whatever is left of the batch is unlocked at once.
 * - **Names take turns.** Agenda fills each job name's queue in parallel, one lock per round
 *   trip, so under a global `lockLimit` every name gets its share. Here lanes (owner, name) take
 *   rounds: a lane is served its next job only once every other lane asking has been served as
 *   many (a lane whose batch is still being locked holds the others back for that round trip).
 *   A lane whose last batch found nothing due holds nobody back while it looks again (else
 *   every idle job name would stall the busy ones once per poll, which under load doubled the
 *   escalation benchmark's lateness); if it finds jobs, it joins the round the others are in.
 *
 * - **A fill ends.** Agenda moves its look-ahead (`nextScanAt`, now + processEvery) on with every
 *   call of a fill, and runs none of the jobs it locks until the fill ends. Batches lock faster
 *   than jobs come due, so under a steady stream a fill went on until Agenda's lock limit stopped
 *   it: at the start of a burst of 1,000 due a second, nothing ran for the first second (found by
 *   the escalation benchmark). The calls of a fill look only as far ahead as the latest poll
 *   asked; the next poll starts the next fill.
 *
 * A buffered job whose lock has expired meanwhile (another process may own it) is dropped.
 */
export class BatchLocker {
  private readonly lanes = new Map<string, Lane>();
  private readonly releases = new Set<Promise<void>>();
  /** Owners that flushed (stopped): nothing more is handed to them, what they locked is given back. */
  private readonly closed = new Set<string>();
  private allClosed = false;
  private readonly token = randomBytes(6).toString('hex');
  private claims = 0;
  private checkScheduled = false;

  constructor(
    private readonly store: BatchLockStore,
    private readonly batchSize: number,
    private readonly onReleaseError: (error: unknown) => void = () => undefined,
  ) {}

  next(request: LockRequest): Promise<JobParameters | undefined> {
    const owner = request.owner ?? '';
    if (this.isClosed(owner)) return Promise.resolve(undefined);
    const key = `${owner}\u0000${request.jobName}`;
    let lane = this.lanes.get(key);
    if (!lane) {
      lane = {
        owner,
        buffer: [],
        waiting: [],
        fetching: false,
        served: 0,
        chained: false,
        foundNothing: false,
        inFlight: undefined,
        horizon: request.nextScanAt,
      };
      this.lanes.set(key, lane);
    }
    let asked = request;
    if (!lane.chained) {
      if (lane.waiting.length === 0) {
        // A lane starting to ask joins the round the others are in, neither ahead nor behind.
        const round = this.round(lane);
        if (round !== undefined) lane.served = round;
      }
      // A fill starting (a poll, not the next call of a fill) looks as far ahead as it asks, and
      // so does a fill still going on beside it: a poll's jobs never wait for the poll after.
      if (lane.horizon < request.nextScanAt) lane.horizon = request.nextScanAt;
    } else if (lane.horizon < request.nextScanAt) {
      asked = { ...request, nextScanAt: lane.horizon };
    }
    lane.chained = false;
    const current = lane;
    return new Promise((resolve, reject) => {
      current.waiting.push({ request: asked, resolve, reject });
      this.pump();
    });
  }

  /**
   * Unlocks every job locked and not handed out (of one owner, or all), and waits for that. The
   * owner has stopped: a lock call of its still in flight (its jobs already stamped in the
   * database) is waited for, and what it locked is given back instead of handed out.
   */
  async flush(owner?: string): Promise<void> {
    if (owner === undefined) this.allClosed = true;
    else this.closed.add(owner);
    const lanes = [...this.lanes.values()].filter((lane) => this.isClosed(lane.owner));
    await Promise.all(lanes.flatMap((lane) => (lane.inFlight ? [lane.inFlight] : [])));
    for (const lane of lanes) this.release(lane.buffer.splice(0));
    await Promise.all([...this.releases]);
  }

  /** The lowest round among lanes asking, other than `except`. */
  private round(except?: Lane): number | undefined {
    let lowest: number | undefined;
    for (const lane of this.lanes.values()) {
      if (lane === except || lane.waiting.length === 0 || (lane.fetching && lane.foundNothing)) continue;
      if (lowest === undefined || lane.served < lowest) lowest = lane.served;
    }
    return lowest;
  }

  /** Serves, once, every lane asking in the lowest round; a lane with nothing left locks a batch. */
  private pump(): void {
    const round = this.round();
    if (round === undefined) return;
    for (const lane of this.lanes.values()) {
      const waiter = lane.waiting[0];
      if (!waiter || lane.fetching || lane.served !== round) continue;
      const held = takeLive(lane.buffer, waiter.request.lockDeadline);
      if (held) {
        lane.waiting.shift();
        lane.served++;
        lane.chained = true;
        waiter.resolve(held.job);
        this.scheduleCheck();
      } else {
        this.fetch(lane, waiter);
      }
    }
  }

  private fetch(lane: Lane, waiter: Waiter): void {
    lane.fetching = true;
    const claim = `${this.token}:${++this.claims}`;
    const done = (outcome: { jobs: JobParameters[] } | { error: unknown }) => {
      lane.fetching = false;
      lane.inFlight = undefined;
      if (this.isClosed(lane.owner) && 'jobs' in outcome) {
        // Stopped while this call was on its way: nothing more is handed out.
        this.release(outcome.jobs.map((job) => ({ job, claim })));
        outcome = { jobs: [] };
      }
      if ('jobs' in outcome && outcome.jobs.length > 0) {
        lane.buffer.push(...outcome.jobs.map((job) => ({ job, claim })));
        if (lane.foundNothing) {
          // Back with jobs after an empty look: it takes its turns from the round the others are in.
          lane.foundNothing = false;
          const round = this.round(lane);
          if (round !== undefined) lane.served = round;
        }
      } else {
        if ('jobs' in outcome) lane.foundNothing = true;
        // Nothing to lock (or the database failed): this call is answered, and the lane's turn used.
        lane.waiting.splice(lane.waiting.indexOf(waiter), 1);
        lane.served++;
        if ('error' in outcome) waiter.reject(outcome.error);
        else waiter.resolve(undefined);
      }
      this.pump();
    };
    lane.inFlight = this.store.lock(waiter.request, this.batchSize, claim).then(
      (jobs) => done({ jobs }),
      (error: unknown) => done({ error }),
    );
  }

  private isClosed(owner: string): boolean {
    return this.allClosed || this.closed.has(owner);
  }

  /** After this turn: a lane Agenda stopped asking for gives back what it still holds. */
  private scheduleCheck(): void {
    if (this.checkScheduled) return;
    this.checkScheduled = true;
    setImmediate(() => {
      this.checkScheduled = false;
      for (const lane of this.lanes.values()) {
        if (lane.waiting.length > 0 || lane.fetching) continue;
        lane.chained = false;
        this.release(lane.buffer.splice(0));
      }
      this.pump();
    });
  }

  private release(held: HeldJob[]): void {
    if (held.length === 0) return;
    const releasing = this.store.release(held).catch(this.onReleaseError);
    this.releases.add(releasing);
    void releasing.finally(() => this.releases.delete(releasing));
  }
}

/** The first buffered job whose lock is still alive; expired ones are dropped (not ours anymore). */
function takeLive(buffer: HeldJob[], lockDeadline: Date): HeldJob | undefined {
  for (let held = buffer.shift(); held; held = buffer.shift()) {
    if (held.job.lockedAt && held.job.lockedAt.getTime() > lockDeadline.getTime()) return held;
  }
  return undefined;
}
