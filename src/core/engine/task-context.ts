import type { Flow, FlowStep } from '../flow/model.js';
import type { MessageRef } from '../i18n.js';
import type { OrgDirectory } from '../org/org-directory.js';
import { documentsForStep, type DocumentVersion } from './documents.js';
import { nameOf } from './names.js';
import type { Instance, PromptAction, StepRun } from './types.js';

/** Documents offered on one task; a flow with more sends the rest on `/berkas`. */
export const MAX_DOCUMENTS_ON_TASK = 6;

/**
 * What happened before that the performer needs, phrased as history: why the work came back,
 * and the disposition chain so far (who → whom, instruction, note, when), on every later task.
 */
export function historyLines(flow: Flow, org: OrgDirectory, instance: Instance, run: StepRun): MessageRef[] {
  const lines: MessageRef[] = [];
  const previous = [...instance.runs].reverse().find((r) => r.endedAt && r.runId !== run.runId);
  if (previous?.outcome === 'returned' && previous.returnReason) {
    lines.push({
      key: 'task-returned-reason',
      params: { by: nameOf(org, previous.actorId), reason: previous.returnReason },
    });
  }
  // The chain as it stood when the task was given (a disposer's own step does not list itself).
  lines.push(...chainLines(flow, org, instance, run.startedAt));
  return lines;
}

/** The disposition chain (up to `until`, when given): a title, then one line per disposition, oldest first. */
export function chainLines(flow: Flow, org: OrgDirectory, instance: Instance, until?: string): MessageRef[] {
  const dispositions = instance.runs.filter(
    (r) => r.disposition && r.endedAt && (until === undefined || r.endedAt <= until),
  );
  if (dispositions.length === 0) return [];
  return [
    { key: 'task-chain-title' },
    ...dispositions.map((r): MessageRef => {
      const disposition = r.disposition as NonNullable<StepRun['disposition']>;
      const instruction = flow.instructions.find((i) => i.id === disposition.instructionId);
      return {
        key: 'task-chain-entry',
        params: {
          from: nameOf(org, r.actorId),
          to: disposition.recipientIds.map((id) => nameOf(org, id)).join(', '),
          instruction: instruction ? { text: instruction.label } : disposition.instructionId,
          note: disposition.note ? ` — ${disposition.note}` : '',
          at: { instant: r.endedAt as string, style: 'day' },
        },
      };
    }),
  ];
}

/** The documents a step acts on, each by name, version, size and who sent it, and what it replaces. */
export function documentLines(org: OrgDirectory, documents: readonly DocumentVersion[]): MessageRef[] {
  if (documents.length === 0) return [];
  return [
    { key: 'task-documents-title', params: { count: documents.length } },
    ...documents.slice(0, MAX_DOCUMENTS_ON_TASK).map((doc): MessageRef => {
      const replaces = doc.replaces;
      return {
        key: 'task-document',
        params: {
          label: { text: doc.label },
          name: doc.file.name,
          version: doc.version,
          size: { bytes: doc.file.size },
          from: nameOf(org, doc.file.uploadedBy),
          replaces: replaces
            ? {
                ref: replaces.returnedBy
                  ? {
                      key: 'task-document-replaces-returned',
                      params: {
                        old: replaces.version,
                        by: nameOf(org, replaces.returnedBy),
                        reason: replaces.reason ?? '',
                      },
                    }
                  : { key: 'task-document-replaces', params: { old: replaces.version } },
              }
            : '',
        },
      };
    }),
  ];
}

/** A button per document of the task that does not come with them: one tap sends it to the person. */
export function documentActions(documents: readonly DocumentVersion[]): PromptAction[] {
  return documents.slice(0, MAX_DOCUMENTS_ON_TASK).map((doc) => ({
    id: `doc:${doc.file.fileId}`,
    label: { key: 'action-document', params: { name: doc.file.name, version: doc.version } },
  }));
}

/** The documents of a step's task (what it acts on). */
export function taskDocuments(
  flow: Flow,
  instance: Instance,
  step: FlowStep,
  run?: StepRun,
): DocumentVersion[] {
  return documentsForStep(flow, instance, step, run);
}
