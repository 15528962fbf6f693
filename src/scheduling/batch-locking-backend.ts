import {
  toJobId,
  type AgendaBackend,
  type JobParameters,
  type JobRepository,
  type JobRepositoryOptions,
  type RemoveJobsOptions,
} from 'agenda';
import type { Collection, Db, Document } from 'mongodb';
import { CoalescedJobWrites } from './coalesced-job-writes.js';
import { JOBS_COLLECTION } from '../features/time-standards/timer-job-store.js';

const SORT = { nextRunAt: 1, priority: -1 } as const;

/**
 * Agenda's MongoDB backend with one change: looking for the next job to run locks a batch of due
 * jobs with three queries (find the batch, stamp those still free with this process's lock, read
 * back the ones it got) and hands them to Agenda one by one, instead of one locking query per job.
 * Locking stays safe across processes (the stamp is conditional, as Agenda's own lock is, and
 * processes locking one by one mix with it), and is far cheaper where every query scans the
 * collection (the embedded CongoDB).
 *
 * Each job's state saves and its removal when finished are coalesced with those of the other jobs
 * running at the same time (coalesced-job-writes.ts).
 *
 * It also bounds what one process holds: Agenda locks every due job before it runs any, so a
 * burst of thousands would sit locked (and see their locks expire) before the first one ran.
 * Here a process takes no more than `maxInFlight` jobs that it has not finished; a job counts
 * until Agenda reports it complete, or its lock lifetime has passed.
 */
export class BatchLockingBackend implements AgendaBackend {
  readonly name: string;
  readonly repository: JobRepository;
  private readonly jobs: Collection;
  private readonly buffers = new Map<string, JobParameters[]>();
  private readonly inFlight = new Map<string, number>();

  constructor(
    private readonly inner: AgendaBackend,
    db: Db,
    private readonly limits: { batchSize: number; maxInFlight: number; lockLifetimeMs: number },
  ) {
    this.name = `${inner.name} (batch locking)`;
    this.jobs = db.collection(JOBS_COLLECTION);
    const repository = inner.repository;
    const next = this.nextJob.bind(this);
    const writes = new CoalescedJobWrites(this.jobs);
    const saveJobState = writes.saveJobState.bind(writes);
    const removeJobs = (options: RemoveJobsOptions) =>
      writes.coalesces(options) ? writes.removeJob(String(options.id)) : repository.removeJobs(options);
    this.repository = new Proxy(repository, {
      get(target, property, receiver) {
        if (property === 'getNextJobToRun') return next;
        if (property === 'saveJobState') return saveJobState;
        if (property === 'removeJobs') return removeJobs;
        const value: unknown = Reflect.get(target, property, receiver);
        return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
      },
    });
  }

  get notificationChannel() {
    return this.inner.notificationChannel;
  }

  get logger() {
    return this.inner.logger;
  }

  get ownsConnection() {
    return this.inner.ownsConnection;
  }

  connect(): Promise<void> {
    return this.inner.connect();
  }

  disconnect(): Promise<void> {
    return this.inner.disconnect();
  }

  /** Agenda finished the job (whatever the outcome): it no longer counts against the bound. */
  done(jobId: string): void {
    this.inFlight.delete(jobId);
  }

  private room(): number {
    const forgotten = Date.now() - this.limits.lockLifetimeMs;
    for (const [id, at] of this.inFlight) if (at < forgotten) this.inFlight.delete(id);
    return this.limits.maxInFlight - this.inFlight.size;
  }

  private handOut(job: JobParameters): JobParameters {
    this.inFlight.set(String(job._id), Date.now());
    return job;
  }

  private async nextJob(
    jobName: string,
    nextScanAt: Date,
    lockDeadline: Date,
    now: Date | undefined,
    options: JobRepositoryOptions | undefined,
  ): Promise<JobParameters | undefined> {
    const buffer = this.buffers.get(jobName) ?? [];
    this.buffers.set(jobName, buffer);
    // Already locked by this process: handed out whatever the bound says (else they would strand),
    // unless the lock expired meanwhile (another process may own the job by now).
    while (buffer.length > 0) {
      const job = buffer.shift() as JobParameters;
      if (job.lockedAt && job.lockedAt.getTime() > lockDeadline.getTime()) return this.handOut(job);
    }
    const room = Math.min(this.limits.batchSize, this.room());
    if (room <= 0) return undefined;
    const lockedAt = now ?? new Date();
    const owner = options?.lastModifiedBy ?? null;
    const free = {
      name: jobName,
      disabled: { $ne: true },
      $or: [
        { lockedAt: { $eq: null }, nextRunAt: { $lte: nextScanAt } },
        { lockedAt: { $lte: lockDeadline } },
      ],
    };
    const candidates = await this.jobs
      .find(free, { projection: { nextRunAt: 1 } })
      .sort(SORT)
      .limit(room)
      .toArray();
    if (candidates.length === 0) return undefined;
    // Only the candidates are stamped, and only those still free (another process may have taken
    // some meanwhile), then read back: both by `_id`, which every MongoDB (and the embedded
    // server) looks up by key, so a batch costs one scan of the collection, not three.
    const ids = candidates.map((c) => c._id);
    await this.jobs.updateMany({ ...free, _id: { $in: ids } }, { $set: { lockedAt, lastModifiedBy: owner } });
    const mine = await this.jobs
      .find({ _id: { $in: ids }, lockedAt, lastModifiedBy: owner })
      .sort(SORT)
      .toArray();
    buffer.push(...mine.map(toJobParameters));
    const first = buffer.shift();
    return first ? this.handOut(first) : undefined;
  }
}

function toJobParameters(doc: Document): JobParameters {
  const field = <T>(name: string): T | undefined => (doc[name] ?? undefined) as T | undefined;
  return {
    _id: toJobId(String(doc['_id'])),
    name: doc['name'] as string,
    priority: (doc['priority'] as number | undefined) ?? 0,
    nextRunAt: (doc['nextRunAt'] as Date | null | undefined) ?? null,
    type: (doc['type'] as 'normal' | 'single' | undefined) ?? 'normal',
    data: doc['data'] as unknown,
    lockedAt: field('lockedAt'),
    lastFinishedAt: field('lastFinishedAt'),
    failedAt: field('failedAt'),
    failCount: field('failCount'),
    failReason: field('failReason'),
    repeatTimezone: field('repeatTimezone'),
    lastRunAt: field('lastRunAt'),
    repeatInterval: field('repeatInterval'),
    repeatAt: field('repeatAt'),
    disabled: field('disabled'),
    progress: field('progress'),
    lastModifiedBy: field('lastModifiedBy'),
    fork: field('fork'),
    debounceStartedAt: field('debounceStartedAt'),
    startDate: field('startDate'),
    endDate: field('endDate'),
    skipDays: field('skipDays'),
  };
}
