import type { Flow, FlowStep } from '../flow/model.js';
import type { MessageRef } from '../i18n.js';
import type { PersonId } from '../ids.js';
import type { OrgDirectory } from '../org/org-directory.js';
import { sendsDocuments } from './documents.js';
import { nameOf } from './names.js';
import { taskLines } from './task-prompts.js';
import { taskDocuments } from './task-context.js';
import type { Instance, Prompt, StepRun } from './types.js';

/**
 * A closed task keeps what it said (history, documents, kelengkapan) and loses only its buttons
 * and its due time; the result says who did what and when, with the disposition, note or reason.
 */
export function closedTaskLines(
  flow: Flow,
  org: OrgDirectory,
  instance: Instance,
  run: StepRun,
  now: string,
): MessageRef[] {
  const kept = taskLines(flow, org, instance, run).filter((line) => line.key !== 'task-due');
  const result: MessageRef = {
    key: `task-result-${run.outcome ?? 'completed'}`,
    params: {
      by: nameOf(org, run.actorId),
      at: { instant: now, style: 'time' },
      agenda: run.agendaNumber ?? '',
    },
  };
  return [...kept, result, ...resultDetails(flow, org, run)];
}

function resultDetails(flow: Flow, org: OrgDirectory, run: StepRun): MessageRef[] {
  if (run.disposition) {
    const instruction = flow.instructions.find((i) => i.id === run.disposition?.instructionId);
    return [
      {
        key: 'task-result-disposition',
        params: {
          to: run.disposition.recipientIds.map((id) => nameOf(org, id)).join(', '),
          instruction: instruction ? { text: instruction.label } : run.disposition.instructionId,
          note: run.disposition.note ? ` — ${run.disposition.note}` : '',
        },
      },
    ];
  }
  if (run.outcome === 'returned' && run.returnReason)
    return [{ key: 'task-result-reason', params: { reason: run.returnReason } }];
  if (run.note) return [{ key: 'task-result-note', params: { note: run.note } }];
  return [];
}

/**
 * The files a task comes with, when its step's work is to read them (review, approval,
 * disposition, register): one outbox prompt per document, sent after the task message.
 */
export function documentPrompts(
  flow: Flow,
  instance: Instance,
  step: FlowStep,
  run: StepRun,
  to: PersonId,
  nextId: () => string,
): Prompt[] {
  if (!sendsDocuments(step)) return [];
  return taskDocuments(flow, instance, step, run).map((doc) => ({
    id: nextId(),
    to,
    instanceId: instance.id,
    runId: run.runId,
    kind: 'notice',
    lines: [
      {
        key: 'notice-task-document',
        params: {
          step: step.number,
          total: flow.steps.length,
          label: { text: doc.label },
          name: doc.file.name,
          version: doc.version,
        },
      },
    ],
    actions: [],
    file: { fileId: doc.file.fileId, name: doc.file.name, mimeType: doc.file.mimeType },
  }));
}
