/** How a process's Scheduler runs its jobs. The defaults suit production; tests and the benchmark tune them. */
export interface SchedulerOptions {
  /** How often Agenda looks for due jobs; jobs due before the next look are locked and run on time. */
  processEveryMs: number;
  /**
   * A job locked by a process that died is taken over by another this long after it was locked
   * (plus one poll). At most 60 s; a handler that runs longer than this is cancelled. A job
   * definition may set its own.
   */
  lockLifetimeMs: number;
  /** Jobs running at once in this process, all names together. */
  maxConcurrency: number;
  /** Jobs of one name running at once in this process (a job definition may set its own). */
  concurrency: number;
  /** Jobs of one name one process may hold locked (Agenda's `defaultLockLimit`; 0: no limit). */
  lockLimit: number;
  /** Jobs of all names one process may hold locked (Agenda's `lockLimit`; 0: no limit). */
  maxLockedJobs: number;
  /**
   * Lock up to this many due jobs of a name per query instead of one (0 or 1: Agenda's own
   * one-by-one locking, one scan of the job collection per job).
   */
  lockBatchSize: number;
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
  // Without a bound, Agenda locks every due job before it runs any: a burst of thousands would
  // sit locked (and see their locks expire) before the first one ran.
  maxLockedJobs: 2000,
  lockBatchSize: 200,
  drainTimeoutMs: 10_000,
};

export class SchedulerOptionsError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SchedulerOptionsError';
  }
}

export function resolveSchedulerOptions(overrides: Partial<SchedulerOptions> = {}): SchedulerOptions {
  const options = { ...DEFAULT_SCHEDULER_OPTIONS, ...overrides };
  if (options.lockLifetimeMs > 60_000)
    throw new SchedulerOptionsError(
      'lockLifetimeMs must be at most 60 000 ms: a dead lock is taken over within a minute',
    );
  if (options.processEveryMs <= 0 || options.processEveryMs >= options.lockLifetimeMs) {
    throw new SchedulerOptionsError('processEveryMs must be positive and shorter than lockLifetimeMs');
  }
  return options;
}
