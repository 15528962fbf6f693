import type { Flow, FlowStep } from '../flow/model.js';
import { hasItems, stepTypeSpec } from '../flow/step-types.js';
import type { LocalizedText, MessageRef } from '../i18n.js';
import type { OrgDirectory } from '../org/org-directory.js';
import type { AwaitedInput, FileRef, Instance, PromptAction, StepRun } from './types.js';

/** A checklist item: from the flow file, or from the content of an earlier step's file (`fromFile`). */
export interface ChecklistItem {
  id: string;
  label: LocalizedText;
  fromFile?: boolean;
}

/** Items taken from a file get a button each; past this many, open items are shown first. */
export const MAX_ITEM_BUTTONS = 40;

/**
 * The words of a task message, as message references: the instance header, the step, what to do,
 * the kelengkapan, the output and the due time. Channels render them in the reader's language.
 */
export function taskLines(flow: Flow, org: OrgDirectory, instance: Instance, run: StepRun): MessageRef[] {
  const step = stepOf(flow, run);
  const lines: MessageRef[] = [instanceHeader(flow, org, instance), stepLine(flow, step)];
  if (step.instruction) lines.push({ key: 'task-instruction', params: { text: { text: step.instruction } } });
  lines.push(...contextLines(flow, org, instance, run));
  // A step that can send the work back shows what it decides on: the content of those steps' files.
  for (const source of step.returnTo) lines.push(...contentLines(latestFile(instance, source)));
  if (hasItems(step.type)) lines.push(...checklistLines(checklistItems(instance, step), run));
  if (step.kelengkapan.length > 0) {
    lines.push({ key: 'task-kelengkapan-title' });
    for (const item of step.kelengkapan) {
      lines.push({
        key: 'task-item',
        params: {
          label: { text: item.label },
          state: run.checked.includes(item.id) ? 'done' : item.required ? 'required' : 'open',
        },
      });
    }
  }
  lines.push({ key: 'task-output', params: { label: { text: step.output.label } } });
  if (run.files.length > 0) {
    lines.push({
      key: 'task-files',
      params: { names: run.files.map((f) => f.name).join(', '), count: run.files.length },
    });
  }
  if (run.dueAt && step.standardMs !== null) {
    lines.push({
      key: 'task-due',
      params: { due: { instant: run.dueAt, style: 'time' }, standard: { minutes: step.standardMs / 60_000 } },
    });
  }
  return lines;
}

export function instanceHeader(flow: Flow, org: OrgDirectory, instance: Instance): MessageRef {
  const agenda = instance.agendaNumbers.outgoing ?? instance.agendaNumbers.incoming ?? '-';
  return {
    key: 'task-header',
    params: {
      sop: flow.header.number,
      agenda,
      subject: instance.subject,
      unit: org.unit(instance.requesterUnitId)?.name ?? instance.requesterUnitId,
    },
  };
}

export function stepLine(flow: Flow, step: FlowStep): MessageRef {
  return {
    key: 'task-step',
    params: { number: step.number, total: flow.steps.length, title: { text: step.title } },
  };
}

/** What happened before that the performer needs: the disposition received, a return's reason. */
function contextLines(flow: Flow, org: OrgDirectory, instance: Instance, run: StepRun): MessageRef[] {
  const lines: MessageRef[] = [];
  const previous = [...instance.runs].reverse().find((r) => r.endedAt && r.runId !== run.runId);
  if (previous?.outcome === 'returned' && previous.returnReason) {
    lines.push({
      key: 'task-returned-reason',
      params: { by: nameOf(org, previous.actorId), reason: previous.returnReason },
    });
  }
  const disposition = [...instance.runs].reverse().find((r) => r.disposition)?.disposition;
  const dispositionRun = [...instance.runs].reverse().find((r) => r.disposition);
  if (disposition && dispositionRun) {
    const instruction = flow.instructions.find((i) => i.id === disposition.instructionId);
    lines.push({
      key: 'task-disposition',
      params: {
        by: nameOf(org, dispositionRun.actorId),
        instruction: instruction ? { text: instruction.label } : disposition.instructionId,
        note: disposition.note ? ` — ${disposition.note}` : '',
      },
    });
  }
  return lines;
}

export function nameOf(org: OrgDirectory, personId: string | null | undefined): string {
  if (!personId) return '-';
  return org.person(personId)?.name ?? personId;
}

/** The newest file uploaded at a step, over all its runs (a return starts a new run). */
export function latestFile(instance: Instance, stepId: string): FileRef | undefined {
  for (const run of [...instance.runs].reverse()) {
    if (run.stepId === stepId && run.files.length > 0) return run.files.at(-1);
  }
  return undefined;
}

/** `content.lines` of a file, when they are message references. */
export function contentLines(file: FileRef | undefined): MessageRef[] {
  const lines = file?.content?.['lines'];
  if (!Array.isArray(lines)) return [];
  return lines.filter(
    (line): line is MessageRef =>
      typeof line === 'object' &&
      line !== null &&
      typeof (line as { key?: unknown }).key === 'string' &&
      ((line as { params?: unknown }).params === undefined ||
        typeof (line as { params?: unknown }).params === 'object'),
  );
}

/**
 * A checklist step's items: with `checklistFrom`, those of the newest file of that step when its
 * content gives a `checklist`; otherwise the flow's own items.
 */
export function checklistItems(instance: Instance, step: FlowStep): ChecklistItem[] {
  if (step.checklistFrom) {
    const given = latestFile(instance, step.checklistFrom)?.content?.['checklist'];
    if (Array.isArray(given)) {
      const items = given.flatMap((item): ChecklistItem[] => {
        if (typeof item !== 'object' || item === null) return [];
        const { id, label } = item as { id?: unknown; label?: unknown };
        return typeof id === 'string' && id && typeof label === 'string'
          ? [{ id, label: { id: label, en: label }, fromFile: true }]
          : [];
      });
      if (items.length > 0) return items;
    }
  }
  return step.checklist;
}

/** Progress of a checklist taken from a file, and every item marked failed with its reason. */
function checklistLines(items: ChecklistItem[], run: StepRun): MessageRef[] {
  const lines: MessageRef[] = [];
  const failed = run.failed ?? [];
  if (items.some((i) => i.fromFile)) {
    const done = items.filter((i) => run.checked.includes(i.id)).length;
    const failedCount = items.filter((i) => failed.some((f) => f.itemId === i.id)).length;
    lines.push({
      key: 'task-checklist-progress',
      params: { done, failed: failedCount, total: items.length },
    });
  }
  for (const item of items) {
    const failure = failed.find((f) => f.itemId === item.id);
    if (failure)
      lines.push({
        key: 'task-item-failed',
        params: { label: { text: item.label }, reason: failure.reason },
      });
  }
  return lines;
}

/**
 * The buttons of a task: a toggle per required kelengkapan check, a checklist step's items, then
 * the decisions its step type offers (the step-type table).
 */
export function taskActions(flow: Flow, run: StepRun, instance?: Instance): PromptAction[] {
  const step = stepOf(flow, run);
  const spec = stepTypeSpec(step.type);
  if (!spec.interactive) return [];
  const toggles: PromptAction[] = step.kelengkapan
    .filter((item) => item.required && item.kind === 'check')
    .map((item) => checkAction(item.id, item.label, run));
  const items = hasItems(step.type)
    ? itemActions(instance ? checklistItems(instance, step) : step.checklist, run)
    : [];
  const decisions = spec.decisions.map((decision): PromptAction => ({
    id: decision.action,
    label: { key: decision.label },
    ...(decision.style ? { style: decision.style } : {}),
  }));
  return [...toggles, ...items, ...decisions];
}

/**
 * One toggle per item; items from a file (accounts, rows) also get a "failed" button, and a failed
 * item shows as such. A long list shows its open items first, up to MAX_ITEM_BUTTONS.
 */
function itemActions(items: ChecklistItem[], run: StepRun): PromptAction[] {
  const isDone = (item: ChecklistItem) =>
    run.checked.includes(item.id) || Boolean(run.failed?.some((f) => f.itemId === item.id));
  const shown =
    items.length <= MAX_ITEM_BUTTONS
      ? items
      : [...items.filter((i) => !isDone(i)), ...items.filter(isDone)].slice(0, MAX_ITEM_BUTTONS);
  return shown.flatMap((item): PromptAction[] => {
    if (!item.fromFile) return [checkAction(item.id, item.label, run)];
    const failed = run.failed?.some((f) => f.itemId === item.id);
    const toggle: PromptAction = failed
      ? {
          id: `check:${item.id}`,
          label: { key: 'action-item-failed', params: { label: { text: item.label } } },
        }
      : checkAction(item.id, item.label, run);
    return [toggle, { id: `fail:${item.id}`, label: { key: 'action-fail' }, style: 'danger' }];
  });
}

function checkAction(itemId: string, label: FlowStep['title'], run: StepRun): PromptAction {
  return {
    id: `check:${itemId}`,
    label: { key: 'action-check', params: { label: { text: label } } },
    checked: run.checked.includes(itemId),
  };
}

export function awaitedInput(flow: Flow, org: OrgDirectory, run: StepRun): AwaitedInput | undefined {
  const step = stepOf(flow, run);
  if (step.output.file) return { kind: 'file', accept: step.output.file.accept };
  if (stepTypeSpec(step.type).awaits === 'disposition' && step.recipients) {
    return {
      kind: 'disposition',
      recipients: dispositionCandidates(org, step, run).map((p) => ({
        id: p.id,
        name: p.name,
        position: p.position,
      })),
      instructions: flow.instructions,
    };
  }
  return undefined;
}

/**
 * People a disposition may go to: holders of the recipients position inside the performer's unit.
 * A delegate acts for the person the task was meant for, so that person's unit counts.
 */
export function dispositionCandidates(org: OrgDirectory, step: FlowStep, run: StepRun) {
  const performerId = run.delegatedFrom ?? run.assigneeId;
  const performer = performerId ? org.person(performerId) : undefined;
  if (!performer || !step.recipients) return [];
  return org
    .allPeople()
    .filter((p) => p.position === step.recipients && org.isWithin(p.unit, performer.unit));
}

/**
 * People a task may be reassigned to: others holding the step's position (and tag) in the
 * performer's unit or its sibling units (the same division).
 */
export function reassignCandidates(org: OrgDirectory, step: FlowStep, run: StepRun) {
  const holder = org.person(run.delegatedFrom ?? run.assigneeId ?? '');
  const scope = holder ? (org.unit(holder.unit)?.parent ?? holder.unit) : undefined;
  return org
    .allPeople()
    .filter(
      (p) =>
        p.position === step.performer.position &&
        (!step.performer.tag || p.tags.includes(step.performer.tag)) &&
        p.id !== run.assigneeId &&
        (!scope || org.isWithin(p.unit, scope)),
    );
}

export function stepOf(flow: Flow, run: StepRun): FlowStep {
  const step = flow.steps.find((s) => s.id === run.stepId);
  if (!step) throw new Error(`flow ${flow.id} has no step ${run.stepId}`);
  return step;
}

/** The task prompt of an open run, as the engine would send it (for re-sending it on request). */
export function taskPrompt(flow: Flow, org: OrgDirectory, instance: Instance, run: StepRun, id: string) {
  const awaits = awaitedInput(flow, org, run);
  return {
    id,
    to: run.assigneeId ?? '',
    instanceId: instance.id,
    runId: run.runId,
    kind: 'task' as const,
    lines: taskLines(flow, org, instance, run),
    actions: taskActions(flow, run, instance),
    ...(awaits ? { awaits } : {}),
  };
}
