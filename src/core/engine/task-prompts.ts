import type { Flow, FlowStep } from '../flow/model.js';
import type { MessageRef } from '../i18n.js';
import type { OrgDirectory } from '../org/org-directory.js';
import type { AwaitedInput, Instance, PromptAction, StepRun } from './types.js';

/**
 * The words of a task message, as message references: the instance header, the step, what to do,
 * the kelengkapan, the output and the due time. Channels render them in the reader's language.
 */
export function taskLines(flow: Flow, org: OrgDirectory, instance: Instance, run: StepRun): MessageRef[] {
  const step = stepOf(flow, run);
  const lines: MessageRef[] = [instanceHeader(flow, org, instance), stepLine(flow, step)];
  if (step.instruction) lines.push({ key: 'task-instruction', params: { text: { text: step.instruction } } });
  lines.push(...contextLines(flow, org, instance, run));
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
    lines.push({ key: 'task-files', params: { names: run.files.map((f) => f.name).join(', '), count: run.files.length } });
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
  return { key: 'task-step', params: { number: step.number, total: flow.steps.length, title: { text: step.title } } };
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

export function taskActions(flow: Flow, run: StepRun): PromptAction[] {
  const step = stepOf(flow, run);
  const toggles: PromptAction[] = step.kelengkapan
    .filter((item) => item.required && item.kind === 'check')
    .map((item) => checkAction(item.id, item.label, run));
  switch (step.type) {
    case 'intake':
      return [];
    case 'register':
      return [...toggles, { id: 'complete', label: { key: 'action-register' }, style: 'primary' }];
    case 'disposition':
      return [...toggles, { id: 'dispose', label: { key: 'action-dispose' }, style: 'primary' }];
    case 'data-entry':
    case 'drafting':
      return [...toggles, { id: 'complete', label: { key: 'action-submit' }, style: 'primary' }];
    case 'review':
    case 'approval':
      return [
        ...toggles,
        { id: 'approve', label: { key: 'action-approve' }, style: 'primary' },
        { id: 'return', label: { key: 'action-return' }, style: 'danger' },
      ];
    case 'checklist':
      return [...toggles, ...step.checklist.map((item) => checkAction(item.id, item.label, run))];
  }
}

function checkAction(itemId: string, label: FlowStep['title'], run: StepRun): PromptAction {
  return { id: `check:${itemId}`, label: { key: 'action-check', params: { label: { text: label } } }, checked: run.checked.includes(itemId) };
}

export function awaitedInput(flow: Flow, org: OrgDirectory, run: StepRun): AwaitedInput | undefined {
  const step = stepOf(flow, run);
  if (step.output.file) return { kind: 'file', accept: step.output.file.accept };
  if (step.type === 'disposition' && step.recipients) {
    return {
      kind: 'disposition',
      recipients: dispositionCandidates(org, step, run).map((p) => ({ id: p.id, name: p.name, position: p.position })),
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
    actions: taskActions(flow, run),
    ...(awaits ? { awaits } : {}),
  };
}
