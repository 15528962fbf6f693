import type { FlowStep } from '../flow/model.js';
import { accepts } from '../flow/step-types.js';
import type { Command } from './commands.js';
import type { Decision, Outcome } from './decision.js';
import type { EngineContext } from './engine-context.js';
import { InstanceDraft } from './instance-draft.js';
import { finishRun } from './finish-run.js';
import { attach, check, fail, missingItems } from './run-items.js';
import { escalate, nudge, pause, remind, resume } from './time-standards.js';
import { mayNotAct } from './authorize.js';
import { refuse } from './refusal.js';
import { dispositionCandidates, nameOf, reassignCandidates, stepOf } from './task-prompts.js';
import type { Instance, StepRun } from './types.js';

/**
 * Applies one command to an instance, or refuses it with the reason. Pure: the same instance,
 * context and command always give the same decision.
 */
export function decide(ctx: EngineContext, instance: Instance, command: Command): Decision {
  const seen = instance.processedKeys.find((k) => k.key === command.idempotencyKey);
  if (seen) {
    return {
      ok: true,
      duplicate: true,
      instance,
      events: [],
      prompts: [],
      startedRuns: [],
      endedRuns: [],
      reply: seen.reply,
    };
  }
  const refusal = mayNotAct(ctx, instance, command);
  if (refusal) return { ok: false, refusal };
  const run = instance.runs.find((r) => r.runId === command.runId) as StepRun;
  const step = stepOf(ctx.flow, run);

  const draft = new InstanceDraft(ctx, instance, command.channel);
  if (run.delegatedFrom && run.assigneeId === command.actorId) {
    draft.actingFor = { delegate: command.actorId, onBehalfOf: run.delegatedFrom };
  }
  const liveRun = draft.state.runs.find((r) => r.runId === run.runId) as StepRun;
  const outcome = apply(ctx, draft, step, liveRun, command);
  if ('code' in outcome) return { ok: false, refusal: outcome };
  return draft.finish(command.idempotencyKey, outcome.reply);
}

function apply(
  ctx: EngineContext,
  draft: InstanceDraft,
  step: FlowStep,
  run: StepRun,
  command: Command,
): Outcome {
  switch (command.type) {
    case 'check':
      return check(
        ctx,
        draft,
        step,
        run,
        command.itemId,
        command.checked ?? !run.checked.includes(command.itemId),
        command.actorId,
      );
    case 'fail':
      return fail(ctx, draft, step, run, command.itemId, command.reason, command.actorId);
    case 'attach':
      return attach(draft, step, run, command);
    case 'complete':
      return complete(ctx, draft, step, run, command);
    case 'dispose':
      return dispose(ctx, draft, step, run, command);
    case 'approve':
      return approve(ctx, draft, step, run, command.actorId, command.note);
    case 'return':
      return sendBack(ctx, draft, step, run, command);
    case 'reassign':
      return reassign(ctx, draft, step, run, command.actorId, command.toPersonId);
    case 'take-over':
      return reassign(ctx, draft, step, run, command.actorId, command.actorId);
    case 'remind':
      return remind(ctx, draft, step, run);
    case 'escalate':
      return escalate(ctx, draft, step, run, command.level);
    case 'nudge':
      return nudge(ctx, draft, step, run, command.actorId);
    case 'pause':
      return pause(draft, step, run, command.actorId, command.note);
    case 'resume':
      return resume(draft, step, run, command.actorId, command.note);
  }
}

function complete(
  ctx: EngineContext,
  draft: InstanceDraft,
  step: FlowStep,
  run: StepRun,
  command: Extract<Command, { type: 'complete' }>,
): Outcome {
  if (!accepts(step.type, 'complete')) return refuse('action-not-allowed');
  const missing = missingItems(draft.state, step, run);
  if (missing.length > 0) return refuse('missing-items', { items: missing.join(', ') });
  if (command.note) run.note = command.note;
  if (step.book) {
    if (!command.agendaNumber) return refuse('agenda-number-missing');
    run.agendaNumber = command.agendaNumber;
    draft.state.agendaNumbers[step.book] = command.agendaNumber;
    draft.record('agenda-registered', command.actorId, {
      stepId: step.id,
      runId: run.runId,
      data: { book: step.book, agendaNumber: command.agendaNumber },
    });
    finishRun(ctx, draft, step, run, 'registered', command.actorId);
    return { reply: { key: 'reply-registered', params: { agenda: command.agendaNumber } } };
  }
  finishRun(ctx, draft, step, run, 'completed', command.actorId);
  return { reply: { key: 'reply-completed', params: { step: { text: step.title } } } };
}

function dispose(
  ctx: EngineContext,
  draft: InstanceDraft,
  step: FlowStep,
  run: StepRun,
  command: Extract<Command, { type: 'dispose' }>,
): Outcome {
  if (!accepts(step.type, 'dispose') || !step.recipients) return refuse('action-not-allowed');
  const recipientIds = [...new Set(command.recipientIds)];
  if (recipientIds.length === 0) return refuse('recipient-required');
  const candidates = dispositionCandidates(ctx.org, step, run).map((p) => p.id);
  const invalid = recipientIds.find((id) => !candidates.includes(id));
  if (invalid)
    return refuse('invalid-recipient', { name: nameOf(ctx.org, invalid), position: step.recipients });
  if (!ctx.flow.instructions.some((i) => i.id === command.instructionId))
    return refuse('invalid-instruction');

  const note = command.note?.trim();
  run.disposition = { recipientIds, instructionId: command.instructionId, ...(note ? { note } : {}) };
  const [first] = recipientIds as [string, ...string[]];
  draft.state.bindings[step.recipients] = first;
  draft.state.handlingUnitId = ctx.org.person(first)?.unit ?? draft.state.handlingUnitId;
  draft.record('dispositioned', command.actorId, {
    stepId: step.id,
    runId: run.runId,
    data: { recipientIds, instructionId: command.instructionId, note: note ?? null },
  });
  const instruction = ctx.flow.instructions.find((i) => i.id === command.instructionId);
  for (const other of recipientIds.slice(1)) {
    draft.notify(other, {
      key: 'notice-disposition-copy',
      params: {
        by: nameOf(ctx.org, command.actorId),
        instruction: instruction ? { text: instruction.label } : '',
        note: note ?? '',
      },
    });
  }
  finishRun(ctx, draft, step, run, 'dispositioned', command.actorId);
  return {
    reply: {
      key: 'reply-dispositioned',
      params: { names: recipientIds.map((id) => nameOf(ctx.org, id)).join(', ') },
    },
  };
}

function approve(
  ctx: EngineContext,
  draft: InstanceDraft,
  step: FlowStep,
  run: StepRun,
  actorId: string,
  note?: string,
): Outcome {
  if (!accepts(step.type, 'approve')) return refuse('action-not-allowed');
  const missing = missingItems(draft.state, step, run);
  if (missing.length > 0) return refuse('missing-items', { items: missing.join(', ') });
  if (note) run.note = note;
  draft.record('approved', actorId, { stepId: step.id, runId: run.runId, data: { note: note ?? null } });
  finishRun(ctx, draft, step, run, 'approved', actorId);
  return { reply: { key: 'reply-approved' } };
}

function sendBack(
  ctx: EngineContext,
  draft: InstanceDraft,
  step: FlowStep,
  run: StepRun,
  command: Extract<Command, { type: 'return' }>,
): Outcome {
  if (!accepts(step.type, 'return')) return refuse('action-not-allowed');
  const reason = command.reason.trim();
  if (!reason) return refuse('reason-required');
  const targetId = command.toStepId ?? step.returnTo[0];
  const target = ctx.flow.steps.find((s) => s.id === targetId);
  if (!target || !step.returnTo.includes(target.id)) return refuse('invalid-return-target');
  run.returnReason = reason;
  run.returnedTo = target.id;
  draft.record('returned', command.actorId, {
    stepId: step.id,
    runId: run.runId,
    data: { reason, to: target.id },
  });
  draft.endRun(run, 'returned', command.actorId);
  draft.startRun(target);
  draft.notify(draft.state.requesterId, {
    key: 'notice-progress-returned',
    params: { step: { text: step.title }, to: { text: target.title } },
  });
  return { reply: { key: 'reply-returned', params: { to: { text: target.title } } } };
}

function reassign(
  ctx: EngineContext,
  draft: InstanceDraft,
  step: FlowStep,
  run: StepRun,
  actorId: string,
  toPersonId: string,
): Outcome {
  const target = ctx.org.person(toPersonId);
  const takingOver = actorId === toPersonId;
  const fits =
    target && (takingOver || reassignCandidates(ctx.org, step, run).some((p) => p.id === toPersonId));
  if (!target || !fits || toPersonId === run.assigneeId) {
    return refuse('invalid-reassign-target', { position: step.performer.position });
  }
  const previous = run.assigneeId;
  // The rule: the new performer gets a fresh grace period. Their run is due the step's standard
  // time (office time) from now, computed as for any run that starts, with no reminder or
  // escalation sent yet. Keeping the old due time would escalate a step that is already late at
  // once, to the superior of someone who has only just received it. The work done so far stays.
  const dueAt = draft.dueAtFromNow(step);
  draft.record(takingOver ? 'taken-over' : 'reassigned', actorId, {
    stepId: step.id,
    runId: run.runId,
    data: { from: previous, to: toPersonId, dueAt },
  });
  // The old task messages are closed (and its timers cancelled); the new run sets its own.
  draft.endRun(run, 'reassigned', actorId);
  draft.startRun(step, { assignTo: toPersonId, inheritFrom: run });
  if (previous) {
    draft.notify(previous, {
      key: 'notice-task-reassigned',
      params: { step: { text: step.title }, to: target.name },
    });
  }
  return { reply: { key: 'reply-reassigned', params: { name: target.name } } };
}
