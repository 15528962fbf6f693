import type { Instance, StepRun } from '../engine/types.js';

/** Sets and clears the reminder and escalation timers of timed steps (Agenda in production). */
export interface StepTimers {
  runsStarted(instance: Instance, runs: readonly StepRun[]): Promise<void>;
  runsEnded(instance: Instance, runs: readonly StepRun[]): Promise<void>;
}

export const noStepTimers: StepTimers = {
  runsStarted: () => Promise.resolve(),
  runsEnded: () => Promise.resolve(),
};
