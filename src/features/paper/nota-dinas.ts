import type { Instance, StepRun } from '../../core/engine/types.js';
import { latestFile } from '../../core/engine/task-prompts.js';
import type { Flow } from '../../core/flow/model.js';
import {
  fillNotaDinasDocx,
  formatTanggal,
  shortCodeFor,
  writeNotaDinasPdf,
  type NotaDinasData,
} from '../../files/paper/index.js';
import {
  documentPerson,
  documentPrompt,
  DOCX_MIME,
  fileDocument,
  jabatanOf,
  kopFor,
  letterOf,
  localDate,
  newMark,
  notaDinasStep,
  PDF_MIME,
  safeNumber,
  type PaperDeps,
} from './paper-context.js';
import type { PaperDocument } from './paper-store.js';
import { randomUUID } from 'node:crypto';

/** The outgoing nota dinas from the Kapus (the approver of step 10) to the requesting unit. */
export async function notaDinasData(
  deps: PaperDeps,
  flow: Flow,
  instance: Instance,
  signerId: string | null,
  at: Date,
): Promise<NotaDinasData> {
  const org = deps.org();
  const letter = await letterOf(deps.store, instance.id);
  const unit = org.unit(instance.requesterUnitId)?.name ?? instance.requesterUnitId;
  const report = flow.steps.filter((s) => s.type === 'drafting').map((s) => latestFile(instance, s.id));
  const lampiran = report.filter(Boolean).length;
  const reference = letter.senderNumber
    ? ` Nomor ${letter.senderNumber}${letter.senderDate ? ` tanggal ${formatTanggal(letter.senderDate)}` : ''}`
    : '';
  const nomor = instance.agendaNumbers.outgoing;
  return {
    kop: kopFor(org, flow),
    kepada: [`Kepala ${unit}`],
    dari: signerId ? jabatanOf(org, signerId) : '-',
    tembusan: letter.tembusan.map((t) => t.name),
    tanggal: localDate(at, deps.timeZone),
    ...(nomor ? { nomor } : {}),
    sifat: letter.sifat,
    lampiran,
    hal: `Tindak lanjut: ${instance.subject}`,
    body:
      `Menindaklanjuti nota dinas ${unit}${reference} perihal ${instance.subject}, dengan hormat kami ` +
      `sampaikan laporan hasil tindak lanjutnya${lampiran > 0 ? ' sebagaimana terlampir' : ''}.` +
      '\n\nDemikian disampaikan, atas perhatian dan kerja samanya diucapkan terima kasih.',
    signer: documentPerson(org, signerId),
    generatedAt: at.toISOString(),
    timeZone: deps.timeZone,
  };
}

/** The nota dinas as DOCX (to edit) and PDF, stored as outputs of `stepId`. */
async function writeBoth(
  deps: PaperDeps,
  instance: Instance,
  data: NotaDinasData,
  stepId: string,
  at: Date,
): Promise<{ pdf: PaperDocument; docx: PaperDocument }> {
  const mark = newMark(deps);
  const base = data.nomor
    ? `nota-dinas-${safeNumber(data.nomor)}`
    : `konsep-nota-dinas-${safeNumber(instance.agendaNumbers.incoming ?? instance.id)}`;
  const agendaNumber = data.nomor ?? instance.agendaNumbers.incoming ?? '-';
  const pdf = await fileDocument(deps, {
    id: mark.id,
    instance,
    kind: 'nota-dinas',
    stepId,
    agendaNumber,
    name: `${base}.pdf`,
    mimeType: PDF_MIME,
    bytes: await writeNotaDinasPdf(data, mark),
    at,
  });
  const docx = await fileDocument(deps, {
    id: randomUUID(),
    instance,
    kind: 'nota-dinas-docx',
    stepId,
    agendaNumber,
    name: `${base}.docx`,
    mimeType: DOCX_MIME,
    bytes: fillNotaDinasDocx(deps.template, data),
    at,
  });
  return { pdf, docx };
}

/** Step 10 starts: the draft (KONSEP, no number) goes to the approver, whose approval is of this letter. */
export async function onApprovalStarted(
  deps: PaperDeps,
  flow: Flow,
  instance: Instance,
  run: StepRun,
): Promise<{ pdf: PaperDocument; docx: PaperDocument }> {
  const at = deps.now();
  const data = await notaDinasData(deps, flow, instance, run.assigneeId, at);
  const written = await writeBoth(deps, instance, data, run.stepId, at);
  if (run.assigneeId) {
    const lines = [{ key: 'paper-nota-dinas-draft-caption', params: { version: written.pdf.version } }];
    await deps.send([
      documentPrompt(`${run.runId}:nota-dinas-draft-pdf`, run.assigneeId, instance, written.pdf, lines),
      documentPrompt(`${run.runId}:nota-dinas-draft-docx`, run.assigneeId, instance, written.docx, lines),
    ]);
  }
  return written;
}

/** Step 11 registered it: the number is stamped in, the final PDF filed and sent to the requester. */
export async function onOutgoingRegistered(
  deps: PaperDeps,
  flow: Flow,
  instance: Instance,
  run: StepRun,
): Promise<{ pdf: PaperDocument; docx: PaperDocument } | undefined> {
  const nomor = instance.agendaNumbers.outgoing;
  if (!nomor) return undefined;
  const approvalStep = notaDinasStep(flow);
  const approval = [...instance.runs]
    .reverse()
    .find((r) => r.stepId === approvalStep?.id && r.outcome === 'approved');
  const at = deps.now();
  const data = await notaDinasData(
    deps,
    flow,
    instance,
    approval?.actorId ?? approval?.assigneeId ?? null,
    at,
  );
  const written = await writeBoth(deps, instance, data, run.stepId, at);
  const lines = [
    { key: 'paper-nota-dinas-final-caption', params: { number: nomor, code: shortCodeFor(written.pdf.id) } },
  ];
  const to = new Set([instance.requesterId, ...(run.actorId ? [run.actorId] : [])]);
  await deps.send(
    [...to].map((personId) =>
      documentPrompt(`${run.runId}:nota-dinas-final:${personId}`, personId, instance, written.pdf, lines),
    ),
  );
  return written;
}
