import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { Agenda, type BackoffStrategy, type Job } from 'agenda';
import type { Db } from 'mongodb';
import type { Logger } from '../logger.js';
import { isDuplicateKeyError } from '../storage/object-ids.js';
import { settleAgendaDebugColors } from './agenda-debug-colors.js';
import { BatchingMongoBackend } from './batching-mongo-backend.js';
import { JOBS_COLLECTION, keyedJobId } from './job-documents.js';
import { RecurringJobs } from './recurring-jobs.js';
import type { SchedulerOptions } from './scheduler-options.js';

/** A kind of job: its name (unique in the service) and what running one does. */
export interface JobDefinition<DATA = unknown> {
  name: string;
  run(job: Job<DATA>): Promise<void>;
  /** A running job's lock lasts this long unless touched (default: the Scheduler's). */
  lockLifetimeMs?: number;
  /** Jobs of this name running at once in this process (default: the Scheduler's). */
  concurrency?: number;
  /** When a failed run is tried again (Agenda's backoff strategies); none: not retried. */
  retry?: BackoffStrategy;
}

/** A one-off job known by a key: the same key names the same job in every process. */
export interface KeyedJob<DATA = unknown> {
  /** A defined job name. */
  name: string;
  /** Unique in the service, prefixed by the feature that makes it (`timer:…`, `digest:…`). */
  key: string;
  data: DATA;
  at: Date;
}

export class SchedulerStateError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SchedulerStateError';
  }
}

/**
 * The process's one Agenda, on the service's database, for every feature's jobs. Features
 * `define` their jobs before `start`; recurring jobs run every interval once across all
 * processes; keyed one-off jobs (deterministic ids) are ensured in bulk, moved and cancelled by
 * key. Each process has a name of its own, which Agenda writes on the jobs it locks. `stop`
 * drains running jobs, then gives back the locks on jobs this process had not started (locked
 * ahead of their time), so another process runs them without waiting for their locks to expire.
 *
 * Jobs live in Agenda's collection through BatchingMongoBackend: the MongoDB backend with round
 * trips shared under load (batch locking, coalesced writes, bulk inserts), Agenda's guarantees kept.
 */
export class Scheduler {
  readonly name = `pandu@${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
  /** For listening to Agenda's events (`start`, `success`, `complete`, ...) only. */
  readonly agenda: Agenda;
  private readonly backend: BatchingMongoBackend;
  private readonly recurring: RecurringJobs;
  private state: 'new' | 'started' | 'stopped' = 'new';

  constructor(private readonly deps: { db: Db; logger: Logger; options: SchedulerOptions }) {
    const { options, logger } = deps;
    settleAgendaDebugColors();
    this.backend = new BatchingMongoBackend({
      mongo: deps.db,
      collection: JOBS_COLLECTION,
      lockBatchSize: options.lockBatchSize,
      onReleaseError: (error) => logger.warn({ err: error }, 'could not give back unused job locks'),
    });
    this.agenda = new Agenda({
      name: this.name,
      backend: this.backend,
      processEvery: options.processEveryMs,
      maxConcurrency: options.maxConcurrency,
      defaultConcurrency: options.concurrency,
      defaultLockLifetime: options.lockLifetimeMs,
      ...(options.lockLimit > 0 ? { defaultLockLimit: options.lockLimit } : {}),
      ...(options.maxLockedJobs > 0 ? { lockLimit: options.maxLockedJobs } : {}),
      removeOnComplete: true,
    });
    this.recurring = new RecurringJobs(this.agenda);
    this.agenda.on('error', (error: Error) => logger.warn({ err: error }, 'scheduler error'));
    this.agenda.on('fail', (error: Error, job: Job) => {
      logger.warn({ err: error, job: job.attrs.name, data: job.attrs.data }, 'scheduled job failed');
    });
  }

  /** Whether it runs jobs now (started and not stopped), for /readyz. */
  get running(): boolean {
    return this.state === 'started';
  }

  define<DATA>(definition: JobDefinition<DATA>): void {
    if (this.state !== 'new') throw new SchedulerStateError(`job ${definition.name} defined after start`);
    if (this.agenda.definitions[definition.name]) {
      throw new SchedulerStateError(`job ${definition.name} is defined twice`);
    }
    this.agenda.define<DATA>(definition.name, (job) => definition.run(job), {
      ...(definition.lockLifetimeMs !== undefined ? { lockLifetime: definition.lockLifetimeMs } : {}),
      ...(definition.concurrency !== undefined ? { concurrency: definition.concurrency } : {}),
      ...(definition.retry ? { backoff: definition.retry } : {}),
    });
  }

  /**
   * Runs a defined job every `interval` (milliseconds, or a cron expression such as
   * `'0 7 * * 1'` read in `timezone`), once per occurrence across all processes (the first run
   * one interval from now with `skipImmediate`). Its one job is inserted once and keeps its
   * schedule and lock over restarts; a changed interval replaces it. Before `start` it is set
   * when the Scheduler starts.
   */
  async every(
    name: string,
    interval: number | string,
    options: { skipImmediate?: boolean; timezone?: string } = {},
  ): Promise<void> {
    this.requireDefined(name);
    this.recurring.add({
      name,
      interval,
      timezone: options.timezone,
      skipImmediate: options.skipImmediate ?? false,
    });
    if (this.state === 'started') await this.recurring.save(name);
  }

  /** Inserts the keyed jobs that do not exist yet (those of one moment in one bulk insert); how many were new. */
  async ensure(jobs: readonly KeyedJob[]): Promise<number> {
    if (jobs.length === 0) return 0;
    await this.agenda.ready;
    const keyed = jobs.map((spec) => ({
      id: keyedJobId(spec.key),
      // The parameters Agenda itself would save for `create(...).schedule(at)`.
      job: this.agenda.create(spec.name, spec.data).schedule(spec.at).toJson(true),
    }));
    return this.backend.repository.insertMissing(keyed, { lastModifiedBy: this.name });
  }

  /** Creates each keyed job or moves it to its new time (Agenda's unique upsert on its id). */
  async replace(jobs: readonly KeyedJob[]): Promise<void> {
    for (const spec of jobs) {
      const job = this.agenda
        .create(spec.name, spec.data)
        .unique({ _id: keyedJobId(spec.key) })
        .schedule(spec.at);
      try {
        await job.save();
      } catch (error) {
        // Two upserts of one new key at once: the loser finds the winner's job on its retry.
        if (!isDuplicateKeyError(error)) throw error;
        await job.save();
      }
    }
  }

  /**
   * Removes the keyed jobs (whichever exist). The cancellations of one moment (many taps ending
   * steps at once) go to the database as one delete.
   */
  async cancel(keys: readonly string[]): Promise<void> {
    if (keys.length === 0) return;
    await this.agenda.ready;
    await this.backend.repository.discardJobs(keys.map((key) => keyedJobId(key).toHexString()));
  }

  /** Starts running jobs (those that came due while stopped run at once). */
  async start(): Promise<void> {
    if (this.state !== 'new') return;
    this.state = 'started';
    await this.agenda.ready;
    await this.recurring.saveAll();
    await this.agenda.start();
  }

  /** Drains running jobs, then gives back this process's locks on jobs it has not started. */
  async stop(): Promise<void> {
    const wasStarted = this.state === 'started';
    this.state = 'stopped';
    // Never started (the CLI builds the app without running jobs): Agenda still prepares its
    // collection in the background, and closing the database under it would fail that work.
    if (!wasStarted) {
      await this.agenda.ready.catch(() => undefined);
      return;
    }
    const result = await this.agenda.drain({ timeout: this.deps.options.drainTimeoutMs });
    if (result.timedOut)
      this.deps.logger.warn({ running: result.running }, 'scheduler stopped with jobs still running');
    await this.backend.repository
      .releaseUnstarted(this.name)
      .catch((error: unknown) => this.deps.logger.warn({ err: error }, 'could not release job locks'));
  }

  private requireDefined(name: string): void {
    if (!this.agenda.definitions[name]) throw new SchedulerStateError(`job ${name} is not defined`);
  }
}
