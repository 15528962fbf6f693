import type { FlowStep } from '../flow/model.js';
import type { EngineContext } from './engine-context.js';
import type { InstanceDraft } from './instance-draft.js';
import { nameOf } from './task-prompts.js';
import type { StepRun } from './types.js';

/** Ends a run with its outcome and moves the instance on to the next step, or completes it. */
export function finishRun(
  ctx: EngineContext,
  draft: InstanceDraft,
  step: FlowStep,
  run: StepRun,
  outcome: NonNullable<StepRun['outcome']>,
  actorId: string,
): void {
  draft.endRun(run, outcome, actorId);
  draft.record('step-completed', actorId, { stepId: step.id, runId: run.runId, data: { outcome } });
  const next = step.next ? ctx.flow.steps.find((s) => s.id === step.next) : undefined;
  if (next) {
    draft.startRun(next);
    draft.notify(draft.state.requesterId, {
      key: 'notice-progress',
      params: {
        step: { text: step.title },
        number: step.number,
        total: ctx.flow.steps.length,
        by: nameOf(ctx.org, actorId),
      },
    });
    return;
  }
  draft.state.status = 'completed';
  draft.state.completedAt = draft.now;
  draft.record('instance-completed', 'system');
  draft.notify(draft.state.requesterId, {
    key: 'notice-instance-completed',
    params: { agenda: draft.state.agendaNumbers.outgoing ?? draft.state.agendaNumbers.incoming ?? '-' },
  });
}
