import { summariseMinutes } from './percentiles.js';
import type { StepAttempt } from './step-attempts.js';

/**
 * The figures of a group of attempts (a step, a performer, a unit, a week).
 * - `count`: attempts finished in the period (see StepAttempt for how runs become attempts).
 * - `medianMinutes`, `p90Minutes`: of their office time (percentiles.ts; null without attempts).
 * - `timedCount`: attempts of steps that have a standard time; `withinStandard`: those that took
 *   no longer than it; `withinStandardShare` = withinStandard / timedCount (null when 0).
 * - `reminders`, `escalations` (each level one), `returns` (attempts that sent the work back),
 *   `reruns` (attempts made because the work came back), `pausedMinutes` (office time under a
 *   declared disruption, left out of the times).
 */
export interface ComplianceFigures {
  count: number;
  medianMinutes: number | null;
  p90Minutes: number | null;
  timedCount: number;
  withinStandard: number;
  withinStandardShare: number | null;
  reminders: number;
  escalations: number;
  returns: number;
  reruns: number;
  pausedMinutes: number;
}

export function isWithinStandard(attempt: StepAttempt, standardMs: number): boolean {
  return Math.round(attempt.officeMinutes * 60_000) <= standardMs;
}

export function figuresOf(attempts: readonly StepAttempt[]): ComplianceFigures {
  const minutes = new Float64Array(attempts.length);
  for (let i = 0; i < attempts.length; i++) minutes[i] = (attempts[i] as StepAttempt).officeMinutes;
  const { count, medianMinutes, p90Minutes } = summariseMinutes(minutes);
  let timedCount = 0;
  let withinStandard = 0;
  let reminders = 0;
  let escalations = 0;
  let returns = 0;
  let reruns = 0;
  let pausedMinutes = 0;
  for (const attempt of attempts) {
    const standard = attempt.standardMs;
    if (standard !== null) {
      timedCount++;
      if (isWithinStandard(attempt, standard)) withinStandard++;
    }
    reminders += attempt.reminders;
    escalations += attempt.escalations;
    if (attempt.returned) returns++;
    if (attempt.rerun) reruns++;
    pausedMinutes += attempt.pausedMinutes;
  }
  return {
    count,
    medianMinutes: medianMinutes ?? null,
    p90Minutes: p90Minutes ?? null,
    timedCount,
    withinStandard,
    withinStandardShare: timedCount === 0 ? null : withinStandard / timedCount,
    reminders,
    escalations,
    returns,
    reruns,
    pausedMinutes,
  };
}
