import { BOOKKEEPING_WINDOW_MS } from '../../storage/batching.js';

/**
 * How the step timers are kept in step with the open runs. How jobs run (polling, locks, limits)
 * is the process's Scheduler's (src/scheduling/scheduler-options.ts), which the app builds once.
 */
export interface TimerReconcileOptions {
  /** How often one process re-checks every open run's timers (0: only at start). */
  reconcileEveryMs: number;
  /** Active instances looked at by one reconciliation. */
  reconcileLimit: number;
  /**
   * How long a saved change's new and ended timers wait for others to be written with
   * (AgendaStepTimers; 0: each change writes its own, and the save waits for it).
   */
  gatherMs: number;
}

export const DEFAULT_TIMER_RECONCILE_OPTIONS: TimerReconcileOptions = {
  reconcileEveryMs: 15 * 60_000,
  reconcileLimit: 100_000,
  gatherMs: BOOKKEEPING_WINDOW_MS,
};
