import type { KeyedJob, Scheduler } from '../../scheduling/scheduler.js';
import { allTimerKeys, jobNameOf, timerKey, type TimerJobData, type TimerSpec } from './timer-jobs.js';

/** A step timer as the Scheduler's keyed one-off job: its key (and so its job id) is its timer key. */
export function keyedTimerJob(spec: TimerSpec): KeyedJob<TimerJobData> {
  return { name: jobNameOf(spec.data.kind), key: timerKey(spec.data), data: { ...spec.data }, at: spec.at };
}

/**
 * Step timers as keyed jobs of the process's Scheduler. Every job's id comes from its key
 * (instance, run, kind, level), so: `replace` moves a timer, `ensure` inserts the missing ones
 * (those of one moment in one bulk insert) and leaves existing ones alone, and `cancelRuns`
 * removes a run's timers by their ids.
 */
export class TimerJobStore {
  constructor(private readonly scheduler: Pick<Scheduler, 'ensure' | 'replace' | 'cancel'>) {}

  /** Creates or moves each timer (a resumed clock moved its due time). */
  replace(specs: readonly TimerSpec[]): Promise<void> {
    return this.scheduler.replace(specs.map(keyedTimerJob));
  }

  /** Creates the timers that do not exist yet; existing ones keep their schedule and locks. How many were new. */
  ensure(specs: readonly TimerSpec[]): Promise<number> {
    return this.scheduler.ensure(specs.map(keyedTimerJob));
  }

  /** Removes every timer of these runs (ended, reassigned, or clock stopped), but those to keep. */
  cancelRuns(
    runs: ReadonlyArray<{ instanceId: string; runId: string }>,
    keep: readonly TimerSpec[] = [],
  ): Promise<void> {
    const kept = new Set(keep.map((spec) => timerKey(spec.data)));
    const keys = runs.flatMap((r) => allTimerKeys(r.instanceId, r.runId)).filter((key) => !kept.has(key));
    return this.scheduler.cancel(keys);
  }
}
