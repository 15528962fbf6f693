import type { FlowStep } from '../flow/model.js';
import type { Command } from './commands.js';
import type { Decision, Outcome } from './decision.js';
import type { EngineContext } from './engine-context.js';
import { InstanceDraft } from './instance-draft.js';
import { escalate, nudge, pause, remind, resume } from './time-standards.js';
import { refuse, type Refusal } from './refusal.js';
import { checklistItems, dispositionCandidates, nameOf, reassignCandidates, stepOf } from './task-prompts.js';
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
  // Before the run checks: every run of a completed instance has ended, so `already-done` would hide this.
  if (instance.status === 'completed') return { ok: false, refusal: refuse('instance-completed') };
  const run = instance.runs.find((r) => r.runId === command.runId);
  if (!run) return { ok: false, refusal: refuse('unknown-task') };
  if (run.endedAt) {
    return {
      ok: false,
      refusal: refuse('already-done', {
        by: nameOf(ctx.org, run.actorId),
        at: { instant: run.endedAt, style: 'time' },
      }),
    };
  }

  const step = stepOf(ctx.flow, run);
  const authorized = authorize(ctx, run, command);
  if (authorized) return { ok: false, refusal: authorized };

  const draft = new InstanceDraft(ctx, instance, command.channel);
  if (run.delegatedFrom && run.assigneeId === command.actorId) {
    draft.actingFor = { delegate: command.actorId, onBehalfOf: run.delegatedFrom };
  }
  const liveRun = draft.state.runs.find((r) => r.runId === run.runId) as StepRun;
  const outcome = apply(ctx, draft, step, liveRun, command);
  if ('code' in outcome) return { ok: false, refusal: outcome };
  return draft.finish(command.idempotencyKey, outcome.reply);
}

/** Who may do what: the assignee acts on their task; a superior or an admin reassigns or takes over. */
function authorize(ctx: EngineContext, run: StepRun, command: Command): Refusal | undefined {
  if (command.type === 'remind' || command.type === 'escalate') {
    return command.actorId === 'system' && command.channel === 'system' ? undefined : refuse('system-only');
  }
  if (command.type === 'pause' || command.type === 'resume') {
    return (command.actorId === 'system' && command.channel === 'system') || ctx.org.isAdmin(command.actorId)
      ? undefined
      : refuse('system-only');
  }
  if (command.type === 'nudge') {
    const allowed =
      ctx.org.isAdmin(command.actorId) ||
      run.escalatedTo.includes(command.actorId) ||
      (run.assigneeId !== null && ctx.org.isAbove(command.actorId, run.assigneeId));
    return allowed ? undefined : refuse('not-allowed-to-reassign');
  }
  if (command.type === 'reassign' || command.type === 'take-over') {
    if (run.escalatedTo.includes(command.actorId)) return undefined;
    const allowed =
      ctx.org.isAdmin(command.actorId) ||
      (run.assigneeId !== null && ctx.org.isAbove(command.actorId, run.assigneeId));
    return allowed ? undefined : refuse('not-allowed-to-reassign');
  }
  if (run.assigneeId !== command.actorId) {
    return refuse('not-your-task', { assignee: nameOf(ctx.org, run.assigneeId) });
  }
  return undefined;
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
      return check(ctx, draft, step, run, command.itemId, command.checked, command.actorId);
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

function check(
  ctx: EngineContext,
  draft: InstanceDraft,
  step: FlowStep,
  run: StepRun,
  itemId: string,
  checked: boolean,
  actorId: string,
): Outcome {
  const items = step.type === 'checklist' ? checklistItems(draft.state, step) : [];
  const known = [...step.kelengkapan.filter((i) => i.kind === 'check'), ...items].some(
    (i) => i.id === itemId,
  );
  if (!known) return refuse('unknown-item');
  const has = run.checked.includes(itemId);
  if (checked && !has) run.checked.push(itemId);
  if (!checked && has) run.checked = run.checked.filter((id) => id !== itemId);
  // A tick clears an earlier failure of the item.
  if (run.failed?.some((f) => f.itemId === itemId))
    run.failed = run.failed.filter((f) => f.itemId !== itemId);
  draft.record(checked ? 'item-checked' : 'item-unchecked', actorId, {
    stepId: step.id,
    runId: run.runId,
    data: { itemId },
  });
  return (
    checklistProgress(ctx, draft, step, run, actorId) ?? {
      reply: { key: checked ? 'reply-item-checked' : 'reply-item-unchecked' },
    }
  );
}

/** A checklist item that could not be done: it counts as done, with its reason kept and shown. */
function fail(
  ctx: EngineContext,
  draft: InstanceDraft,
  step: FlowStep,
  run: StepRun,
  itemId: string,
  reason: string,
  actorId: string,
): Outcome {
  if (step.type !== 'checklist') return refuse('action-not-allowed');
  if (!checklistItems(draft.state, step).some((i) => i.id === itemId)) return refuse('unknown-item');
  const text = reason.trim();
  if (!text) return refuse('failure-reason-required');
  run.checked = run.checked.filter((id) => id !== itemId);
  run.failed = [...(run.failed ?? []).filter((f) => f.itemId !== itemId), { itemId, reason: text }];
  draft.record('item-failed', actorId, { stepId: step.id, runId: run.runId, data: { itemId, reason: text } });
  return checklistProgress(ctx, draft, step, run, actorId) ?? { reply: { key: 'reply-item-failed' } };
}

/** A checklist step completes itself once every item is done (ticked or failed); else its task is updated. */
function checklistProgress(
  ctx: EngineContext,
  draft: InstanceDraft,
  step: FlowStep,
  run: StepRun,
  actorId: string,
): Outcome | undefined {
  if (step.type === 'checklist' && missingItems(draft.state, step, run).length === 0) {
    finishRun(ctx, draft, step, run, 'completed', actorId);
    return { reply: { key: 'reply-checklist-complete' } };
  }
  draft.sendTask(run, 'task-update');
  return undefined;
}

function attach(
  draft: InstanceDraft,
  step: FlowStep,
  run: StepRun,
  command: Extract<Command, { type: 'attach' }>,
): Outcome {
  const accept = step.output.file?.accept ?? [];
  const extension = command.file.name.split('.').pop()?.toLowerCase() ?? '';
  if (!step.output.file && !step.kelengkapan.some((i) => i.kind === 'document'))
    return refuse('action-not-allowed');
  if (accept.length > 0 && !accept.includes(extension)) {
    return refuse('file-type-not-accepted', { accept: accept.join(', ') });
  }
  run.files.push(command.file);
  draft.record('file-attached', command.actorId, {
    stepId: step.id,
    runId: run.runId,
    data: {
      fileId: command.file.fileId,
      name: command.file.name,
      size: command.file.size,
      sha256: command.file.sha256,
    },
  });
  draft.sendTask(run, 'task-update');
  return { reply: { key: 'reply-file-attached', params: { name: command.file.name } } };
}

/** Required kelengkapan not yet ticked or attached, a required output file not yet sent, checklist items not done. */
function missingItems(instance: Instance, step: FlowStep, run: StepRun): string[] {
  const missing = step.kelengkapan
    .filter(
      (item) =>
        item.required && (item.kind === 'check' ? !run.checked.includes(item.id) : run.files.length === 0),
    )
    .map((item) => item.label.id);
  if (step.output.file?.required && run.files.length === 0) missing.push(step.output.label.id);
  if (step.type === 'checklist') {
    const done = (id: string) =>
      run.checked.includes(id) || Boolean(run.failed?.some((f) => f.itemId === id));
    missing.push(
      ...checklistItems(instance, step)
        .filter((i) => !done(i.id))
        .map((i) => i.label.id),
    );
  }
  return missing;
}

function complete(
  ctx: EngineContext,
  draft: InstanceDraft,
  step: FlowStep,
  run: StepRun,
  command: Extract<Command, { type: 'complete' }>,
): Outcome {
  if (
    step.type === 'review' ||
    step.type === 'approval' ||
    step.type === 'disposition' ||
    step.type === 'intake'
  ) {
    return refuse('action-not-allowed');
  }
  const missing = missingItems(draft.state, step, run);
  if (missing.length > 0) return refuse('missing-items', { items: missing.join(', ') });
  if (command.note) run.note = command.note;
  if (step.type === 'register') {
    if (!command.agendaNumber || !step.book) return refuse('agenda-number-missing');
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
  if (step.type !== 'disposition' || !step.recipients) return refuse('action-not-allowed');
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
  if (step.type !== 'review' && step.type !== 'approval') return refuse('action-not-allowed');
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
  if (step.type !== 'review' && step.type !== 'approval') return refuse('action-not-allowed');
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

/** Ends a run with its outcome and moves the instance on to the next step, or completes it. */
function finishRun(
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
