import type { EngineContext } from '../../core/engine/engine-context.js';
import { escalationDueAt, escalationTarget } from '../../core/engine/time-standards.js';
import type { StepRun } from '../../core/engine/types.js';
import type { Flow } from '../../core/flow/model.js';
import type { InstanceId } from '../../core/ids.js';
import { MAX_ESCALATION_LEVEL, type TimerSpec } from './timer-jobs.js';

export interface TimerPolicy {
  /** The reminder comes when this share of the standard time has passed (0 < share < 1). */
  reminderShare: number;
  /** Level n+1 (n ≥ 1) comes factors[n-1] standard periods after level n; the last factor repeats. */
  escalationRepeatFactors: readonly number[];
}

export const DEFAULT_TIMER_POLICY: TimerPolicy = { reminderShare: 0.8, escalationRepeatFactors: [1] };

/**
 * The timers a run needs now, from its state alone: the reminder if it was not sent (and the
 * step was not escalated yet), and the next escalation level if there is a superior at that
 * level. A stopped clock, an ended run or a step without a standard time needs none. Pure: the
 * same state always gives the same plan, so every process (and a restart) arrives at the same jobs.
 */
export function planTimers(
  ctx: Pick<EngineContext, 'dueAt' | 'org' | 'now' | 'delegateOf'> & { flow: Flow },
  instanceId: InstanceId,
  run: StepRun,
  policy: TimerPolicy,
): TimerSpec[] {
  const step = ctx.flow.steps.find((s) => s.id === run.stepId);
  if (!step || step.standardMs === null || !run.dueAt || run.endedAt || run.pausedAt) return [];
  const specs: TimerSpec[] = [];
  const due = new Date(run.dueAt);
  // Once escalated, the performer has been told already; a reminder would only repeat it late.
  if (!run.reminderSent && run.escalationLevel === 0 && run.assigneeId) {
    const at = reminderAt(ctx, ctx.flow, step.standardMs, run, policy.reminderShare);
    // No reminder when it would not come before the due time (a standard shorter than the reminder's rounding).
    if (at.getTime() < due.getTime())
      specs.push({ data: { instanceId, runId: run.runId, kind: 'reminder', level: 0 }, at });
  }
  const level = run.escalationLevel + 1;
  if (level <= MAX_ESCALATION_LEVEL && escalationTarget({ ...ctx, flow: ctx.flow }, run, level)) {
    const at = levelDueAt(ctx, ctx.flow, step.standardMs, run, level, policy.escalationRepeatFactors);
    specs.push({ data: { instanceId, runId: run.runId, kind: 'escalation', level }, at });
  }
  return specs;
}

/**
 * When the reminder is due: the start plus the share of the standard, in office time. A clock that
 * was stopped and restarted moved the due time later; the reminder moves by as much.
 */
export function reminderAt(
  ctx: Pick<EngineContext, 'dueAt'>,
  flow: Flow,
  standardMs: number,
  run: StepRun,
  share: number,
): Date {
  const start = new Date(run.startedAt);
  const natural = ctx.dueAt(start, standardMs, flow).getTime();
  const shift = Math.max(0, new Date(run.dueAt ?? start).getTime() - natural);
  return new Date(ctx.dueAt(start, Math.round(share * standardMs), flow).getTime() + shift);
}

/**
 * When escalation `level` is due: level 1 at the run's due time, each further level its repeat
 * factor of standard periods (office time) after the one before, and never before the engine
 * would accept it.
 */
export function levelDueAt(
  ctx: Pick<EngineContext, 'dueAt'>,
  flow: Flow,
  standardMs: number,
  run: StepRun,
  level: number,
  factors: readonly number[],
): Date {
  let due = new Date(run.dueAt ?? run.startedAt);
  for (let n = 2; n <= level; n++) {
    const factor = factors[n - 2] ?? factors.at(-1) ?? 1;
    due = ctx.dueAt(due, Math.round(factor * standardMs), flow);
  }
  const step = flow.steps.find((s) => s.id === run.stepId);
  const floor = step ? escalationDueAt(ctx, flow, step, run, level) : undefined;
  return floor && floor.getTime() > due.getTime() ? floor : due;
}
