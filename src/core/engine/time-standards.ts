import type { Flow, FlowStep } from '../flow/model.js';
import type { Outcome } from './decision.js';
import type { EngineContext } from './engine-context.js';
import type { InstanceDraft } from './instance-draft.js';
import { refuse } from './refusal.js';
import { instanceHeader, nameOf, stepLine } from './task-prompts.js';
import type { StepRun } from './types.js';

/**
 * Time standards (Mutu Baku waktu): reminders before the standard runs out, escalation up the
 * chain of superiors when it has, and the clock stopped during a declared disruption.
 */

/**
 * When escalation level `level` is due: level 1 at the step's due time, each further level one
 * more standard period (in office time) later.
 */
export function escalationDueAt(
  ctx: Pick<EngineContext, 'dueAt'>,
  flow: Flow,
  step: FlowStep,
  run: StepRun,
  level: number,
): Date | undefined {
  if (!run.dueAt || step.standardMs === null) return undefined;
  let due = new Date(run.dueAt);
  for (let n = 1; n < level; n++) due = ctx.dueAt(due, step.standardMs, flow);
  return due;
}

/** The person escalation level `level` goes to: the level-th superior above the performer, or their delegate. */
export function escalationTarget(
  ctx: EngineContext,
  run: StepRun,
  level: number,
): { to: string; onBehalfOf?: string } | undefined {
  const performer = run.delegatedFrom ?? run.assigneeId;
  if (!performer) return undefined;
  const superior = ctx.org.superiorChain(performer)[level - 1];
  if (!superior) return undefined;
  const delegate = ctx.delegateOf?.(superior.id, ctx.now);
  return delegate ? { to: delegate, onBehalfOf: superior.id } : { to: superior.id };
}

export function remind(ctx: EngineContext, draft: InstanceDraft, step: FlowStep, run: StepRun): Outcome {
  if (step.standardMs === null || !run.dueAt) return refuse('no-standard-time');
  if (run.pausedAt) return refuse('clock-paused');
  if (run.reminderSent) return refuse('already-reminded');
  // Once escalated, the performer has been told the step is late: a reminder that comes after
  // the escalation (both overdue after a restart, say) would only repeat it, too late.
  if (run.escalationLevel > 0) return refuse('reminder-after-escalation');
  if (!run.assigneeId) return refuse('unknown-task');
  run.reminderSent = true;
  draft.record('reminder-sent', 'system', {
    stepId: step.id,
    runId: run.runId,
    data: { to: run.assigneeId },
  });
  draft.notify(
    run.assigneeId,
    {
      key: 'notice-reminder',
      params: { step: { text: step.title }, due: { instant: run.dueAt, style: 'time' } },
    },
    { runId: run.runId },
  );
  return { reply: { key: 'reply-reminded' } };
}

export function escalate(
  ctx: EngineContext,
  draft: InstanceDraft,
  step: FlowStep,
  run: StepRun,
  level: number,
): Outcome {
  if (step.standardMs === null || !run.dueAt) return refuse('no-standard-time');
  if (run.pausedAt) return refuse('clock-paused');
  if (run.escalationLevel >= level) return refuse('already-escalated');
  const due = escalationDueAt(ctx, ctx.flow, step, run, level);
  if (!due || ctx.now.getTime() < due.getTime()) return refuse('not-due-yet');
  const target = escalationTarget(ctx, run, level);
  if (!target) return refuse('no-superior');
  const performer = run.assigneeId;
  const lateMinutes = Math.max(0, Math.round((ctx.now.getTime() - new Date(run.dueAt).getTime()) / 60_000));
  run.escalationLevel = level;
  run.escalatedTo.push(target.to);
  draft.record('escalated', 'system', {
    stepId: step.id,
    runId: run.runId,
    data: {
      level,
      to: target.to,
      ...(target.onBehalfOf ? { onBehalfOf: target.onBehalfOf } : {}),
      performer,
      lateMinutes,
    },
  });
  const { flow, org } = ctx;
  draft.push({
    to: target.to,
    runId: run.runId,
    kind: 'notice',
    lines: [
      instanceHeader(flow, org, draft.state),
      stepLine(flow, step),
      {
        key: 'notice-escalation',
        params: {
          performer: nameOf(org, performer),
          late: { minutes: Math.max(1, lateMinutes) },
          due: { instant: run.dueAt, style: 'time' },
          level,
        },
      },
    ],
    actions: [
      { id: 'esc-nudge', label: { key: 'action-nudge' } },
      { id: 'esc-reassign', label: { key: 'action-reassign' } },
      { id: 'esc-takeover', label: { key: 'action-take-over' }, style: 'primary' },
    ],
  });
  if (performer) {
    draft.notify(
      performer,
      {
        key: 'notice-escalated-to-superior',
        params: { step: { text: step.title }, to: nameOf(org, target.to) },
      },
      { runId: run.runId },
    );
  }
  return { reply: { key: 'reply-escalated', params: { to: nameOf(org, target.to) } } };
}

export function nudge(
  ctx: EngineContext,
  draft: InstanceDraft,
  step: FlowStep,
  run: StepRun,
  actorId: string,
): Outcome {
  if (!run.assigneeId) return refuse('unknown-task');
  draft.record('nudged', actorId, { stepId: step.id, runId: run.runId, data: { to: run.assigneeId } });
  draft.notify(
    run.assigneeId,
    { key: 'notice-nudge', params: { by: nameOf(ctx.org, actorId), step: { text: step.title } } },
    { runId: run.runId },
  );
  return { reply: { key: 'reply-nudged', params: { name: nameOf(ctx.org, run.assigneeId) } } };
}

export function pause(
  draft: InstanceDraft,
  step: FlowStep,
  run: StepRun,
  actorId: string,
  note?: string,
): Outcome {
  if (step.standardMs === null || !run.dueAt) return refuse('no-standard-time');
  if (run.pausedAt) return refuse('clock-paused');
  run.pausedAt = draft.now;
  draft.record('clock-paused', actorId, { stepId: step.id, runId: run.runId, data: { note: note ?? null } });
  draft.ended(run);
  return { reply: { key: 'reply-paused' } };
}

/** Restarts a stopped clock: the due time moves later by exactly the time it was stopped. */
export function resume(
  draft: InstanceDraft,
  step: FlowStep,
  run: StepRun,
  actorId: string,
  note?: string,
): Outcome {
  if (!run.pausedAt || !run.dueAt) return refuse('clock-running');
  const pausedMs = Math.max(0, new Date(draft.now).getTime() - new Date(run.pausedAt).getTime());
  run.dueAt = new Date(new Date(run.dueAt).getTime() + pausedMs).toISOString();
  delete run.pausedAt;
  draft.record('clock-resumed', actorId, {
    stepId: step.id,
    runId: run.runId,
    data: { pausedMinutes: Math.round(pausedMs / 60_000), dueAt: run.dueAt, note: note ?? null },
  });
  draft.restarted(run);
  draft.sendTask(run, 'task-update');
  return { reply: { key: 'reply-resumed' } };
}
