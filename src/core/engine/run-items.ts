import type { FlowStep } from '../flow/model.js';
import { accepts, hasItems } from '../flow/step-types.js';
import type { Command } from './commands.js';
import type { Outcome } from './decision.js';
import type { EngineContext } from './engine-context.js';
import { finishRun } from './finish-run.js';
import type { InstanceDraft } from './instance-draft.js';
import { refuse } from './refusal.js';
import { checklistItems } from './task-prompts.js';
import type { Instance, StepRun } from './types.js';

/**
 * The work on a run's items: ticking kelengkapan and checklist items, marking an item failed,
 * attaching files, and what is still missing before the step can be done.
 */

/** Ticks or unticks an item (a required kelengkapan check, or a checklist item). */
export function check(
  ctx: EngineContext,
  draft: InstanceDraft,
  step: FlowStep,
  run: StepRun,
  itemId: string,
  checked: boolean,
  actorId: string,
): Outcome {
  const items = hasItems(step.type) ? checklistItems(draft.state, step) : [];
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
export function fail(
  ctx: EngineContext,
  draft: InstanceDraft,
  step: FlowStep,
  run: StepRun,
  itemId: string,
  reason: string,
  actorId: string,
): Outcome {
  if (!accepts(step.type, 'fail')) return refuse('action-not-allowed');
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
  if (hasItems(step.type) && missingItems(draft.state, step, run).length === 0) {
    finishRun(ctx, draft, step, run, 'completed', actorId);
    return { reply: { key: 'reply-checklist-complete' } };
  }
  draft.sendTask(run, 'task-update');
  return undefined;
}

export function attach(
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
export function missingItems(instance: Instance, step: FlowStep, run: StepRun): string[] {
  const missing = step.kelengkapan
    .filter(
      (item) =>
        item.required && (item.kind === 'check' ? !run.checked.includes(item.id) : run.files.length === 0),
    )
    .map((item) => item.label.id);
  if (step.output.file?.required && run.files.length === 0) missing.push(step.output.label.id);
  if (hasItems(step.type)) {
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
