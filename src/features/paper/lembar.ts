import type { Instance, StepRun } from '../../core/engine/types.js';
import type { Flow } from '../../core/flow/model.js';
import { writeLembarDisposisi, type LembarDisposisiData } from '../../files/paper/index.js';
import {
  documentPerson,
  documentPrompt,
  fileDocument,
  kopFor,
  letterOf,
  localDate,
  newMark,
  PDF_MIME,
  registerStep,
  safeNumber,
  type PaperDeps,
} from './paper-context.js';
import type { PaperDocument } from './paper-store.js';

/** The lembar disposisi's data: the letter's particulars and every disposition so far, in order. */
export async function lembarData(
  deps: PaperDeps,
  flow: Flow,
  instance: Instance,
  at: Date,
): Promise<LembarDisposisiData> {
  const org = deps.org();
  const letter = await letterOf(deps.store, instance.id);
  const incoming = registerStep(flow, 'incoming');
  const registration = instance.runs.find((r) => r.stepId === incoming?.id && r.outcome === 'registered');
  const dispositions = instance.runs
    .filter((r): r is StepRun & { disposition: NonNullable<StepRun['disposition']> } =>
      Boolean(r.disposition && r.outcome === 'dispositioned'),
    )
    .sort((a, b) => (a.endedAt ?? '').localeCompare(b.endedAt ?? ''));
  return {
    kop: kopFor(org, flow),
    agendaNumber: instance.agendaNumbers.incoming ?? '-',
    receivedAt: registration?.endedAt ?? instance.createdAt,
    senderUnit: org.unit(instance.requesterUnitId)?.name ?? instance.requesterUnitId,
    letterNumber: letter.senderNumber ?? '-',
    letterDate: letter.senderDate ?? localDate(instance.createdAt, deps.timeZone),
    subject: instance.subject,
    sifat: letter.sifat,
    derajat: letter.derajat,
    ...(letter.klasifikasi ? { klasifikasi: letter.klasifikasi } : {}),
    instructions: flow.instructions,
    dispositions: dispositions.map((run) => ({
      from: documentPerson(org, run.actorId ?? run.assigneeId),
      to: run.disposition.recipientIds.map((id) => documentPerson(org, id)),
      instructionIds: [run.disposition.instructionId],
      ...(run.disposition.note ? { note: run.disposition.note } : {}),
      at: run.endedAt ?? at.toISOString(),
    })),
    generatedAt: at.toISOString(),
    timeZone: deps.timeZone,
  };
}

/**
 * After a disposition (steps 3–4): the lembar disposisi with every disposition so far, stored as the
 * next version of the step's output and sent to the disposer and the recipients.
 */
export async function onDispositioned(
  deps: PaperDeps,
  flow: Flow,
  instance: Instance,
  run: StepRun,
): Promise<PaperDocument> {
  const at = deps.now();
  const mark = newMark(deps);
  const bytes = await writeLembarDisposisi(await lembarData(deps, flow, instance, at), mark);
  const agendaNumber = instance.agendaNumbers.incoming ?? '-';
  const document = await fileDocument(deps, {
    id: mark.id,
    instance,
    kind: 'lembar-disposisi',
    stepId: run.stepId,
    agendaNumber,
    name: `lembar-disposisi-${safeNumber(agendaNumber)}.pdf`,
    mimeType: PDF_MIME,
    bytes,
    at,
  });
  const people = new Set([run.actorId, ...(run.disposition?.recipientIds ?? [])].filter(Boolean) as string[]);
  await deps.send(
    [...people].map((personId) =>
      documentPrompt(
        `${instance.id}:${run.runId}:lembar-disposisi:${personId}`,
        personId,
        instance,
        document,
        [
          {
            key: 'paper-lembar-caption',
            params: { agenda: agendaNumber, version: document.version, code: mark.shortCode },
          },
        ],
      ),
    ),
  );
  return document;
}
