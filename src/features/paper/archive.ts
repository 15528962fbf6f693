import { writeFile } from 'node:fs/promises';
import { documentVersions, REQUEST } from '../../core/engine/documents.js';
import type { Instance } from '../../core/engine/types.js';
import { maySeeInstance } from '../../core/engine/visibility.js';
import type { Flow } from '../../core/flow/model.js';
import type { PersonId } from '../../core/ids.js';
import {
  buildArchiveBundle,
  findKlasifikasi,
  type ArchiveBundle,
  type ArchiveFile,
  type ArchiveInput,
} from '../../files/paper/index.js';
import type { Reader, Translator } from '../../i18n/translator.js';
import type { TextOutput } from '../feature.js';
import {
  fileDocument,
  kopFor,
  letterOf,
  newMark,
  PDF_MIME,
  safeNumber,
  type PaperDeps,
} from './paper-context.js';

/** The archive's plain data: every file of every version, the generated documents, the audit trail. */
async function archiveInput(
  deps: PaperDeps,
  flow: Flow,
  instance: Instance,
  at: Date,
): Promise<ArchiveInput> {
  const org = deps.org();
  const name = (id: PersonId | null | undefined) => (id ? (org.person(id)?.name ?? id) : '-');
  const read = async (fileId: string) => {
    const stored = await deps.files.get(fileId);
    if (!stored) throw new Error(`archive: stored file ${fileId} is missing`);
    return stored.bytes;
  };
  const files: ArchiveFile[] = [];
  for (const version of documentVersions(flow, instance)) {
    const step = flow.steps.find((s) => s.id === version.source);
    files.push({
      name: version.file.name,
      kind: version.source === REQUEST ? 'attachment' : 'output',
      ...(step ? { step: { number: step.number, id: step.id } } : {}),
      version: version.version,
      uploadedBy: name(version.file.uploadedBy),
      at: version.file.uploadedAt,
      mimeType: version.file.mimeType,
      bytes: await read(version.file.fileId),
      sha256: version.file.sha256,
    });
  }
  for (const document of await deps.store.documentsOf(instance.id)) {
    // An archive holds no archive: not the summaries of earlier exports, not the ZIP filed at completion.
    if (document.kind === 'archive-summary' || document.kind === 'archive') continue;
    const step = flow.steps.find((s) => s.id === document.stepId);
    files.push({
      name: document.name,
      kind: 'generated',
      ...(step ? { step: { number: step.number, id: step.id } } : {}),
      version: document.version,
      documentKind: document.kind,
      at: document.generatedAt,
      mimeType: document.mimeType,
      bytes: await read(document.fileId),
      sha256: document.sha256,
    });
  }
  const letter = await letterOf(deps.store, instance.id);
  const klasifikasi = letter.klasifikasi ? findKlasifikasi(deps.klasifikasi, letter.klasifikasi) : undefined;
  return {
    instanceId: instance.id,
    flow: { id: flow.id, name: flow.header.name.id, sopNumber: flow.header.number },
    subject: instance.subject,
    requester: name(instance.requesterId),
    agendaNumbers: instance.agendaNumbers,
    status: instance.status,
    createdAt: instance.createdAt,
    ...(instance.completedAt ? { completedAt: instance.completedAt } : {}),
    ...(klasifikasi ? { klasifikasi } : {}),
    files,
    auditEvents: instance.events.map((e) => ({
      seq: e.seq,
      at: e.at,
      type: e.type,
      actor: e.actorId === 'system' ? 'system' : name(e.actorId),
      ...(e.onBehalfOf ? { onBehalfOf: name(e.onBehalfOf) } : {}),
      channel: e.channel,
      ...(e.stepId ? { step: e.stepId } : {}),
      ...(e.data ? { data: e.data } : {}),
    })),
    steps: instance.runs.map((run) => {
      const step = flow.steps.find((s) => s.id === run.stepId);
      return {
        step: { number: step?.number ?? 0, id: run.stepId },
        title: step?.title.id ?? run.stepId,
        performer: name(run.actorId ?? run.assigneeId),
        startedAt: run.startedAt,
        ...(run.endedAt ? { endedAt: run.endedAt } : {}),
        dueAt: run.dueAt,
        standardMinutes: step?.standardMs ? Math.round(step.standardMs / 60_000) : null,
        ...(run.outcome ? { outcome: run.outcome } : {}),
      };
    }),
    kop: kopFor(org, flow),
    generatedAt: at.toISOString(),
    timeZone: deps.timeZone,
  };
}

/** Builds the instance's archive; its summary PDF is filed (so its QR code verifies). */
export async function archiveOf(
  deps: PaperDeps,
  instance: Instance,
): Promise<{ bundle: ArchiveBundle; name: string }> {
  const flow = deps.flow(instance.flowId);
  if (!flow) throw new Error(`archive: flow ${instance.flowId} is not loaded`);
  const at = deps.now();
  const mark = newMark(deps);
  const bundle = await buildArchiveBundle(await archiveInput(deps, flow, instance, at), mark);
  const agendaNumber = instance.agendaNumbers.incoming ?? instance.agendaNumbers.outgoing ?? '-';
  await fileDocument(deps, {
    id: mark.id,
    instance,
    kind: 'archive-summary',
    stepId: flow.steps.at(-1)?.id ?? '',
    agendaNumber,
    name: `ringkasan-${safeNumber(agendaNumber)}.pdf`,
    mimeType: PDF_MIME,
    bytes: bundle.summaryPdf,
    at,
  });
  return { bundle, name: `arsip-${safeNumber(agendaNumber)}.zip` };
}

/** Builds the archive and files the ZIP itself too, as the instance's record (at completion). */
export async function fileArchive(deps: PaperDeps, instance: Instance): Promise<void> {
  const { bundle, name } = await archiveOf(deps, instance);
  const flow = deps.flow(instance.flowId);
  await fileDocument(deps, {
    id: newMark(deps).id,
    instance,
    kind: 'archive',
    stepId: flow?.steps.at(-1)?.id ?? '',
    agendaNumber: instance.agendaNumbers.incoming ?? instance.agendaNumbers.outgoing ?? '-',
    name,
    mimeType: 'application/zip',
    bytes: bundle.zip,
    at: deps.now(),
  });
}

/** Whether the person may have the archive: participants (and their superiors) and admins. */
export function mayArchive(deps: PaperDeps, instance: Instance, personId: PersonId): boolean {
  return maySeeInstance(deps.org(), personId, instance);
}

/** `pandu archive export <agenda-number> --out FILE`. */
export async function runArchiveExport(
  args: string[],
  out: TextOutput,
  context: {
    deps: PaperDeps;
    find: (agendaNumber: string) => Promise<Instance | undefined>;
    translator: Translator;
    reader: Reader;
  },
): Promise<number> {
  const t = (key: string, params?: Record<string, string | number>) =>
    context.translator.format({ key, ...(params ? { params } : {}) }, context.reader);
  const [action, agendaNumber, ...rest] = args;
  const outIndex = rest.indexOf('--out');
  const target = outIndex >= 0 ? rest[outIndex + 1] : undefined;
  const extra = rest.filter((_, i) => i !== outIndex && i !== outIndex + 1);
  if (action !== 'export' || !agendaNumber || (outIndex >= 0 && !target) || extra.length > 0) {
    out.stderr(t('paper-archive-usage'));
    return 2;
  }
  const instance = await context.find(agendaNumber);
  if (!instance) {
    out.stderr(t('paper-archive-unknown', { agenda: agendaNumber }));
    return 1;
  }
  const { bundle, name } = await archiveOf(context.deps, instance);
  const file = target ?? name;
  await writeFile(file, bundle.zip);
  out.stdout(t('paper-archive-written', { file, entries: bundle.manifest.entries.length }));
  return 0;
}
