import type { Flow, FlowStep } from '../flow/model.js';
import { stepTypeSpec } from '../flow/step-types.js';
import type { LocalizedText } from '../i18n.js';
import type { PersonId, StepId } from '../ids.js';
import type { FileRef, Instance, StepRun } from './types.js';

/** The request's nota dinas and the other files it came with (not a step's output). */
export const REQUEST = 'request';

/** One version of a document of an instance: the request's memo, or a step's output file. */
export interface DocumentVersion {
  file: FileRef;
  /** The step it belongs to, or REQUEST for the memo the request came with. */
  source: StepId;
  /** The step's number (1 for the request). */
  stepNumber: number;
  /** What it is: the step's output label, or the request's. */
  label: LocalizedText;
  /** 1, 2, …: the files of one source in the order they arrived (a return makes the next one). */
  version: number;
  /** Set from version 2 on: the version it replaces, and the return that asked for it, if any. */
  replaces?: { version: number; returnedBy?: PersonId; reason?: string };
}

/**
 * Every document of an instance, every version, in the order they arrived: the request's files,
 * then each step's uploads run by run. A step returned to runs again; its next upload is the
 * next version, and says which return asked for it.
 */
export function documentVersions(flow: Flow, instance: Instance): DocumentVersion[] {
  const versions: DocumentVersion[] = [];
  const intake = flow.steps[0];
  const requestLabel = intake?.output.label ?? { id: 'Nota dinas', en: 'Memo' };
  instance.attachments.forEach((file, index) =>
    versions.push({
      file,
      source: REQUEST,
      stepNumber: 1,
      label: requestLabel,
      version: index + 1,
      ...(index > 0 ? { replaces: { version: index } } : {}),
    }),
  );
  const seen = new Set(instance.attachments.map((f) => f.fileId));
  for (const run of instance.runs) {
    const step = flow.steps.find((s) => s.id === run.stepId);
    if (!step || step === intake) continue;
    for (const file of run.files) {
      // A reassigned run keeps the files of the run before it: they are the same versions.
      if (seen.has(file.fileId)) continue;
      seen.add(file.fileId);
      const earlier = versions.filter((v) => v.source === step.id);
      const previous = earlier.at(-1);
      const returned = previous ? returnBetween(instance, step.id, previous.file, file) : undefined;
      versions.push({
        file,
        source: step.id,
        stepNumber: step.number,
        label: step.output.label,
        version: earlier.length + 1,
        ...(previous
          ? {
              replaces: {
                version: previous.version,
                ...(returned?.actorId ? { returnedBy: returned.actorId } : {}),
                ...(returned?.returnReason ? { reason: returned.returnReason } : {}),
              },
            }
          : {}),
      });
    }
  }
  return versions;
}

/** The return to `stepId` that came between two uploads of it, if one did. */
function returnBetween(instance: Instance, stepId: StepId, before: FileRef, after: FileRef) {
  return [...instance.runs]
    .reverse()
    .find(
      (r) =>
        r.outcome === 'returned' &&
        r.returnedTo === stepId &&
        (r.endedAt ?? '') >= before.uploadedAt &&
        (r.endedAt ?? '') <= after.uploadedAt,
    );
}

/**
 * What a step acts on: by default the request's memo and the latest version of every earlier
 * step's output file; a step's `documents.from` names the sources instead.
 */
export function documentsForStep(
  flow: Flow,
  instance: Instance,
  step: FlowStep,
  run?: StepRun,
): DocumentVersion[] {
  const all = documentVersions(flow, instance);
  // A step run again after a return also shows its own last version: the one that came back.
  const ownEarlier = step.output.file && all.some((v) => v.source === step.id) ? [step.id] : [];
  const sources = step.documents?.from ?? [
    REQUEST,
    ...flow.steps.filter((s) => s.number < step.number && s.output.file).map((s) => s.id),
    ...ownEarlier,
  ];
  // This run's own uploads are listed as its attached files, not as what it acts on.
  const ownNow = new Set(run?.files.map((f) => f.fileId) ?? []);
  return sources.flatMap((source) => {
    const latest = all
      .filter((v) => v.source === source && !(source === step.id && ownNow.has(v.file.fileId)))
      .at(-1);
    return latest ? [latest] : [];
  });
}

/** Whether a step's task comes with its documents, not only with a button for each. */
export function sendsDocuments(step: FlowStep): boolean {
  return step.documents?.send ?? stepTypeSpec(step.type).readsDocuments;
}
