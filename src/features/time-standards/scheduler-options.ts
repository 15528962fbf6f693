/** How the step-timer scheduler runs. The defaults suit production; tests and the benchmark tune them. */
export interface SchedulerOptions {
  /** How often Agenda looks for due jobs; jobs due before the next look are locked and run on time. */
  processEveryMs: number;
  /**
   * A job locked by a process that died is taken over by another this long after it was locked
   * (plus one poll). At most 60 s; a handler that runs longer than this is cancelled.
   */
  lockLifetimeMs: number;
  /** Jobs running at once in this process, all kinds together. */
  maxConcurrency: number;
  /** Jobs of one kind (reminders, escalations) running at once in this process. */
  concurrency: number;
  /** Jobs of one kind one process may hold locked (0: no limit). */
  lockLimit: number;
  /**
   * Lock up to this many due jobs per query instead of one (0 or 1: Agenda's own one-by-one
   * locking, which locks every due job before running any).
   */
  lockBatchSize: number;
  /** With batch locking: jobs one process holds locked and not yet finished, at most. */
  maxLockedJobs: number;
  /** How often one process re-checks every open run's timers (0: only at start). */
  reconcileEveryMs: number;
  /** Active instances looked at by one reconciliation. */
  reconcileLimit: number;
  /** How long stopping waits for running jobs. */
  drainTimeoutMs: number;
}

export const DEFAULT_SCHEDULER_OPTIONS: SchedulerOptions = {
  processEveryMs: 1000,
  lockLifetimeMs: 30_000,
  // A job is a few database calls; many at once let them share round trips (storage/batching.ts).
  maxConcurrency: 1000,
  concurrency: 500,
  lockLimit: 0,
  lockBatchSize: 200,
  maxLockedJobs: 2000,
  reconcileEveryMs: 15 * 60_000,
  reconcileLimit: 100_000,
  drainTimeoutMs: 10_000,
};

export function resolveSchedulerOptions(overrides: Partial<SchedulerOptions> = {}): SchedulerOptions {
  const options = { ...DEFAULT_SCHEDULER_OPTIONS, ...overrides };
  if (options.lockLifetimeMs > 60_000)
    throw new Error('lockLifetimeMs must be at most 60 000 ms: a dead lock is taken over within a minute');
  if (options.processEveryMs <= 0 || options.processEveryMs >= options.lockLifetimeMs) {
    throw new Error('processEveryMs must be positive and shorter than lockLifetimeMs');
  }
  return options;
}
