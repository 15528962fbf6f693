import type { MongoJobRepository } from '@agendajs/mongo-backend';
import type {
  JobId,
  JobParameters,
  JobRepository,
  JobRepositoryOptions,
  JobsOverview,
  JobsQueryOptions,
  JobsResult,
  RemoveJobsOptions,
  SortDirection,
} from 'agenda';
import { ObjectId, type Collection } from 'mongodb';
import { BatchLocker } from './batch-locker.js';
import { CoalescedJobWrites } from './coalesced-job-writes.js';
import { KeyedJobInserts, type KeyedNewJob } from './keyed-job-inserts.js';
import { MongoBatchLocks } from './mongo-batch-locks.js';

export interface BatchingRepositoryOptions {
  /** Due jobs one lock call locks at most (0 or 1: Agenda's own locking, one job per query). */
  lockBatchSize: number;
  /** The order of due jobs (Agenda's MongoDB backend's option of that name). */
  sort?: Record<string, SortDirection>;
  /** A batch's unused locks could not be given back (they expire with their lock lifetime). */
  onReleaseError?: (error: unknown) => void;
}

export class RepositoryNotConnectedError extends Error {
  constructor() {
    super('the Agenda job repository is used before its backend connected');
    this.name = 'RepositoryNotConnectedError';
  }
}

/**
 * Agenda's MongoDB job repository with its round trips shared, as an Agenda `JobRepository`:
 *
 * - `getNextJobToRun` locks due jobs in batches (batch-locker.ts), keeping Agenda's guarantees:
 *   a job is handed out once, no more locks are held than Agenda's limits let it take, job names
 *   take turns;
 * - `saveJobState` and the removal of one job by its id (a finished one-off job) are written
 *   together with those of the other jobs of the same moment (coalesced-job-writes.ts);
 * - every other method is the MongoDB repository's own, called as it is.
 *
 * Two methods of its own: `insertMissing` (keyed jobs inserted in bulk, as `saveJob` would insert
 * them) and `releaseUnstarted` (on stop, the locks of jobs handed to Agenda and not started).
 */
export class BatchingJobRepository implements JobRepository {
  private readonly locker: BatchLocker | undefined;
  private readonly writes = new CoalescedJobWrites(() => this.jobs());
  private readonly inserts = new KeyedJobInserts(() => this.jobs());
  /** Jobs handed to Agenda that it has not started (no state saved yet), with their owner. */
  private readonly unstarted = new Map<string, string | undefined>();

  constructor(
    private readonly inner: MongoJobRepository,
    options: BatchingRepositoryOptions,
  ) {
    this.locker =
      options.lockBatchSize > 1
        ? new BatchLocker(
            new MongoBatchLocks(() => this.jobs(), options.sort),
            options.lockBatchSize,
            options.onReleaseError,
          )
        : undefined;
  }

  connect(): Promise<void> {
    return this.inner.connect();
  }

  queryJobs(options?: JobsQueryOptions): Promise<JobsResult> {
    return this.inner.queryJobs(options);
  }

  getJobsOverview(): Promise<JobsOverview[]> {
    return this.inner.getJobsOverview();
  }

  getDistinctJobNames(): Promise<string[]> {
    return this.inner.getDistinctJobNames();
  }

  getJobById(id: string): Promise<JobParameters | null> {
    return this.inner.getJobById(id);
  }

  getQueueSize(): Promise<number> {
    return this.inner.getQueueSize();
  }

  removeJobs(options: RemoveJobsOptions): Promise<number> {
    for (const id of [options.id, ...(options.ids ?? [])])
      if (id !== undefined) this.unstarted.delete(String(id));
    return this.writes.coalesces(options)
      ? this.writes.removeJob(String(options.id))
      : this.inner.removeJobs(options);
  }

  saveJob<DATA = unknown>(
    job: JobParameters<DATA>,
    options: JobRepositoryOptions | undefined,
  ): Promise<JobParameters<DATA>> {
    return this.inner.saveJob(job, options);
  }

  saveJobState(job: JobParameters, options: JobRepositoryOptions | undefined): Promise<void> {
    // Agenda's first state save of a job it was handed is its start.
    if (job._id) this.unstarted.delete(String(job._id));
    return this.writes.saveJobState(job, options);
  }

  lockJob(job: JobParameters, options: JobRepositoryOptions | undefined): Promise<JobParameters | undefined> {
    return this.inner.lockJob(job, options).then((locked) => this.handOut(locked, options?.lastModifiedBy));
  }

  unlockJob(job: JobParameters): Promise<void> {
    if (job._id) this.unstarted.delete(String(job._id));
    return this.inner.unlockJob(job);
  }

  unlockJobs(jobIds: (JobId | string)[]): Promise<void> {
    for (const id of jobIds) this.unstarted.delete(String(id));
    return this.inner.unlockJobs(jobIds);
  }

  getNextJobToRun(
    jobName: string,
    nextScanAt: Date,
    lockDeadline: Date,
    now: Date | undefined,
    options: JobRepositoryOptions | undefined,
  ): Promise<JobParameters | undefined> {
    const owner = options?.lastModifiedBy;
    const next = this.locker
      ? this.locker.next({ jobName, nextScanAt, lockDeadline, now, owner })
      : this.inner.getNextJobToRun(jobName, nextScanAt, lockDeadline, now, options);
    return next.then((job) => this.handOut(job, owner));
  }

  disableJobs(options: RemoveJobsOptions): Promise<number> {
    return this.inner.disableJobs(options);
  }

  enableJobs(options: RemoveJobsOptions): Promise<number> {
    return this.inner.enableJobs(options);
  }

  purgeAllJobs(): Promise<number> {
    return this.inner.purgeAllJobs();
  }

  /**
   * Inserts the keyed jobs that do not exist yet, each under its own `_id` (keyedJobId), as the
   * document Agenda's `saveJob` inserts for that job (job-documents.ts; checked against it in
   * test/integration/scheduler.test.ts). A job that exists is left as it is, schedule and
   * lock included. Calls of the same turn of the event loop share one bulk insert.
   * @returns how many of these jobs were new
   */
  insertMissing(jobs: readonly KeyedNewJob[], options: JobRepositoryOptions | undefined): Promise<number> {
    return this.inserts.insertMissing(jobs, options?.lastModifiedBy);
  }

  /**
   * Removes the jobs with these ids, whichever exist (cancelled keyed jobs), without counting
   * them: the removals of the same turn of the event loop go as one delete.
   */
  discardJobs(ids: readonly string[]): Promise<void> {
    for (const id of ids) this.unstarted.delete(id);
    return this.writes.discardJobs(ids);
  }

  /**
   * Gives back the locks `owner` holds on jobs it was handed and has not started (locked ahead of
   * their time), and those of batches it had not handed out, so another process runs them without
   * waiting for the locks to expire. Call it once that owner's Agenda has stopped processing
   * (after `drain`): a started job keeps its lock.
   * @returns how many locks were given back (batches not handed out aside)
   */
  async releaseUnstarted(owner: string): Promise<number> {
    await this.locker?.flush(owner);
    const ids = [...this.unstarted].filter(([, o]) => o === owner).map(([id]) => id);
    for (const id of ids) this.unstarted.delete(id);
    if (ids.length === 0) return 0;
    const result = await this.jobs().updateMany(
      { _id: { $in: ids.map((id) => new ObjectId(id)) }, lastModifiedBy: owner, lockedAt: { $ne: null } },
      { $set: { lockedAt: null } },
    );
    return result.modifiedCount;
  }

  private handOut(job: JobParameters | undefined, owner: string | undefined): JobParameters | undefined {
    if (job?._id) this.unstarted.set(String(job._id), owner);
    return job;
  }

  private jobs(): Collection {
    // The MongoDB repository opens its collection when it connects.
    const collection = this.inner.collection as unknown as Collection | undefined;
    if (!collection) throw new RepositoryNotConnectedError();
    return collection;
  }
}
