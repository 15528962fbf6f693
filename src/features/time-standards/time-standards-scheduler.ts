import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { MongoBackend } from '@agendajs/mongo-backend';
import { Agenda, backoffStrategies, type Job } from 'agenda';
import type { Db } from 'mongodb';
import type { SopService } from '../../core/service/sop-service.js';
import type { Logger } from '../../logger.js';
import { AgendaStepTimers } from './agenda-step-timers.js';
import { BatchLockingBackend } from '../../scheduling/batch-locking-backend.js';
import { reconcileTimers } from './reconcile-timers.js';
import type { SchedulerOptions } from './scheduler-options.js';
import { createTimerHandler } from './timer-handler.js';
import { TimerJobStore } from './timer-job-store.js';
import { ESCALATION_JOB, RECONCILE_JOB, REMINDER_JOB, type TimerJobData } from './timer-jobs.js';
import type { TimerPolicy } from './timer-plan.js';

export interface SchedulerDeps {
  /** The service's own database: jobs live beside the instances. */
  db: Db;
  service: SopService;
  logger: Logger;
  policy: TimerPolicy;
  options: SchedulerOptions;
}

/**
 * Agenda on the service's database, running the step timers. Each process has a name of its
 * own, which Agenda writes on the jobs it locks; stopping drains running jobs, then releases
 * the jobs it had locked ahead of their time so another process runs them without waiting.
 */
export class TimeStandardsScheduler {
  readonly name = `pandu@${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
  readonly agenda: Agenda;
  readonly store: TimerJobStore;
  readonly timers: AgendaStepTimers;
  private started = false;
  private stopped = false;

  constructor(private readonly deps: SchedulerDeps) {
    const { options, logger } = deps;
    const mongo = new MongoBackend({ mongo: deps.db });
    const batching =
      options.lockBatchSize > 1
        ? new BatchLockingBackend(mongo, deps.db, {
            batchSize: options.lockBatchSize,
            maxInFlight: options.maxLockedJobs,
            lockLifetimeMs: options.lockLifetimeMs,
          })
        : undefined;
    this.agenda = new Agenda({
      name: this.name,
      backend: batching ?? mongo,
      processEvery: options.processEveryMs,
      maxConcurrency: options.maxConcurrency,
      defaultConcurrency: options.concurrency,
      defaultLockLifetime: options.lockLifetimeMs,
      ...(options.lockLimit > 0 ? { defaultLockLimit: options.lockLimit } : {}),
      removeOnComplete: true,
    });
    this.store = new TimerJobStore(this.agenda, deps.db, this.name);
    this.timers = new AgendaStepTimers({
      service: deps.service,
      store: this.store,
      policy: deps.policy,
      logger,
    });
    const handler = createTimerHandler({
      service: deps.service,
      timers: this.timers,
      store: this.store,
      logger,
    });
    // A failing handler (database away) retries with growing pauses until it succeeds.
    const backoff = backoffStrategies.exponential({ delay: 1000, maxDelay: 5 * 60_000, maxRetries: 100_000 });
    for (const name of [REMINDER_JOB, ESCALATION_JOB]) {
      this.agenda.define<TimerJobData>(name, handler, { lockLifetime: options.lockLifetimeMs, backoff });
    }
    this.agenda.define(RECONCILE_JOB, async () => {
      const result = await this.reconcile();
      logger.debug(result, 'step timers reconciled');
    });
    if (batching) this.agenda.on('complete', (job: Job) => batching.done(String(job.attrs._id)));
    this.agenda.on('error', (error: Error) => logger.warn({ err: error }, 'scheduler error'));
    this.agenda.on('fail', (error: Error, job: Job) => {
      logger.warn(
        { err: error, job: job.attrs.name, data: job.attrs.data },
        'step timer job failed; it will be retried',
      );
    });
  }

  /** Sets every missing timer, then starts running jobs (those that came due while stopped run at once). */
  async start(): Promise<void> {
    if (this.started || this.stopped) return;
    this.started = true;
    await this.agenda.ready;
    const result = await this.reconcile();
    if (result.created > 0) this.deps.logger.warn(result, 'step timers were missing and have been set');
    await this.agenda.start();
    if (this.deps.options.reconcileEveryMs > 0) {
      await this.agenda.every(this.deps.options.reconcileEveryMs, RECONCILE_JOB, {}, { skipImmediate: true });
    }
  }

  reconcile() {
    return reconcileTimers({
      service: this.deps.service,
      store: this.store,
      policy: this.deps.policy,
      limit: this.deps.options.reconcileLimit,
    });
  }

  async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    // Never started (the CLI builds the app without running timers): Agenda still prepares its
    // collection in the background; closing the database under it would fail that work.
    if (!this.started) {
      await this.agenda.ready.catch(() => undefined);
      return;
    }
    const result = await this.agenda.drain({ timeout: this.deps.options.drainTimeoutMs });
    if (result.timedOut)
      this.deps.logger.warn({ running: result.running }, 'scheduler stopped with jobs still running');
    await this.store
      .releaseLocks()
      .catch((error: unknown) => this.deps.logger.warn({ err: error }, 'could not release job locks'));
  }
}
