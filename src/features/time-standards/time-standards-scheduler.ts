import { backoffStrategies, type Agenda } from 'agenda';
import type { SopService } from '../../core/service/sop-service.js';
import type { Logger } from '../../logger.js';
import type { Scheduler } from '../../scheduling/scheduler.js';
import { AgendaStepTimers } from './agenda-step-timers.js';
import { reconcileTimers } from './reconcile-timers.js';
import type { TimerReconcileOptions } from './scheduler-options.js';
import { createTimerHandler } from './timer-handler.js';
import { TimerJobStore } from './timer-job-store.js';
import { ESCALATION_JOB, RECONCILE_JOB, REMINDER_JOB, type TimerJobData } from './timer-jobs.js';
import type { TimerPolicy } from './timer-plan.js';

export interface TimeStandardsSchedulerDeps {
  /** The process's Scheduler, on the service's own database (jobs live beside the instances). */
  scheduler: Scheduler;
  service: SopService;
  logger: Logger;
  policy: TimerPolicy;
  options: TimerReconcileOptions;
}

/**
 * The step timers on the process's Scheduler: defines the reminder, escalation and
 * reconciliation jobs, and keeps every open timed run's timers set (at start and periodically).
 */
export class TimeStandardsScheduler {
  readonly store: TimerJobStore;
  readonly timers: AgendaStepTimers;
  private prepared = false;
  private stopped = false;

  constructor(private readonly deps: TimeStandardsSchedulerDeps) {
    const { scheduler, logger } = deps;
    this.store = new TimerJobStore(scheduler);
    this.timers = new AgendaStepTimers({
      service: deps.service,
      store: this.store,
      policy: deps.policy,
      logger,
      gatherMs: deps.options.gatherMs,
    });
    const handler = createTimerHandler({
      service: deps.service,
      timers: this.timers,
      store: this.store,
      logger,
    });
    // A failing handler (database away) retries with growing pauses until it succeeds.
    const retry = backoffStrategies.exponential({ delay: 1000, maxDelay: 5 * 60_000, maxRetries: 100_000 });
    for (const name of [REMINDER_JOB, ESCALATION_JOB])
      scheduler.define<TimerJobData>({ name, run: handler, retry });
    scheduler.define({
      name: RECONCILE_JOB,
      run: async () => {
        const result = await this.reconcile();
        logger.debug(result, 'step timers reconciled');
      },
    });
  }

  /** The process's name, which its Scheduler writes on the jobs it locks. */
  get name(): string {
    return this.deps.scheduler.name;
  }

  /** The Scheduler's Agenda, for its events. */
  get agenda(): Agenda {
    return this.deps.scheduler.agenda;
  }

  /** Sets every missing timer and the periodic reconciliation; run before the Scheduler starts. */
  async prepare(): Promise<void> {
    if (this.prepared || this.stopped) return;
    this.prepared = true;
    const result = await this.reconcile();
    if (result.created > 0) this.deps.logger.warn(result, 'step timers were missing and have been set');
    if (this.deps.options.reconcileEveryMs > 0) {
      await this.deps.scheduler.every(RECONCILE_JOB, this.deps.options.reconcileEveryMs, {
        skipImmediate: true,
      });
    }
  }

  /** Sets every missing timer, then starts the Scheduler (jobs that came due while stopped run at once). */
  async start(): Promise<void> {
    if (this.stopped) return;
    await this.prepare();
    await this.deps.scheduler.start();
  }

  reconcile() {
    return reconcileTimers({
      service: this.deps.service,
      store: this.store,
      policy: this.deps.policy,
      limit: this.deps.options.reconcileLimit,
    });
  }

  /** Stops the Scheduler: running jobs drain, jobs locked ahead go back to the other processes. */
  async stop(): Promise<void> {
    this.stopped = true;
    await this.timers.settled();
    await this.deps.scheduler.stop();
  }
}
