import type { Instance, Prompt } from '../../core/engine/types.js';
import type { Flow, FlowStep } from '../../core/flow/model.js';
import type { MessageRef } from '../../core/i18n.js';
import type { PersonId } from '../../core/ids.js';
import type { OrgDirectory } from '../../core/org/org-directory.js';
import type { FileStore } from '../../core/ports.js';
import {
  DEFAULT_LETTER_METADATA,
  newVerificationId,
  verificationMark,
  type DocumentPerson,
  type KlasifikasiList,
  type Kop,
  type LetterMetadata,
  type NotaDinasTemplate,
  type VerificationMark,
} from '../../files/paper/index.js';
import type { Logger } from '../../logger.js';
import type { PaperDocument, PaperKind, PaperStore } from './paper-store.js';

/** What the paper feature works with. */
export interface PaperDeps {
  store: PaperStore;
  files: FileStore;
  org: () => OrgDirectory;
  flow(id: string): Flow | undefined;
  instance(id: string): Promise<Instance | undefined>;
  send(prompts: Prompt[]): Promise<void>;
  klasifikasi: KlasifikasiList;
  template: NotaDinasTemplate;
  /** PUBLIC_URL, without a trailing slash. */
  publicUrl: string;
  timeZone: string;
  logger: Logger;
  now(): Date;
}

export const PDF_MIME = 'application/pdf';
export const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** The kop of the flow's handling unit: its names from the top of the org down. */
export function kopFor(org: OrgDirectory, flow: Flow): Kop {
  const units = org
    .unitAndAncestors(flow.handlingUnit)
    .reverse()
    .map((id) => org.unit(id)?.name ?? id);
  return { units: units.length > 0 ? units : [flow.header.ministry ?? flow.handlingUnit] };
}

/** A person as a document prints them: name, jabatan (position and unit), NIP. */
export function documentPerson(org: OrgDirectory, personId: PersonId | null | undefined): DocumentPerson {
  const person = personId ? org.person(personId) : undefined;
  if (!person) return { name: personId ?? '-', position: '' };
  return {
    name: person.name,
    position: jabatanOf(org, personId ?? ''),
    ...(person.nip ? { nip: person.nip } : {}),
  };
}

/** Heads of units (Kapus, Kabid, Kasubbid, Kasubbag …) are written "Kepala <unit>" on paper. */
const HEAD_POSITION = /^Ka(pus|bid|subbid|subbag|bag|biro|ro)$/i;

/** `Kepala Bidang Pengembangan Aplikasi …`, `Staf Subbidang …`: the jabatan as a letter prints it. */
export function jabatanOf(org: OrgDirectory, personId: PersonId): string {
  const person = org.person(personId);
  if (!person) return personId;
  const unit = org.unit(person.unit)?.name;
  if (!unit) return person.position;
  return HEAD_POSITION.test(person.position) ? `Kepala ${unit}` : `${person.position} ${unit}`;
}

/** The letter's metadata, or the defaults (biasa, biasa, no lampiran) when nobody gave any. */
export async function letterOf(store: PaperStore, instanceId: string): Promise<LetterMetadata> {
  return (await store.letter(instanceId))?.metadata ?? { ...DEFAULT_LETTER_METADATA, tembusan: [] };
}

/** `2026-11-23` in the zone. */
export { localDate } from '../../core/time/index.js';

export function stepById(flow: Flow, stepId: string): FlowStep | undefined {
  return flow.steps.find((s) => s.id === stepId);
}

/** The step whose run registers the letter in a book. */
export function registerStep(flow: Flow, book: 'incoming' | 'outgoing'): FlowStep | undefined {
  return flow.steps.find((s) => s.type === 'register' && s.book === book);
}

/** The approval just before the outgoing registration (step 10): the letter approved is the nota dinas. */
export function notaDinasStep(flow: Flow): FlowStep | undefined {
  const outgoing = registerStep(flow, 'outgoing');
  return outgoing && flow.steps.find((s) => s.type === 'approval' && s.next === outgoing.id);
}

/** A fresh verification mark for a new document. */
export function newMark(deps: Pick<PaperDeps, 'publicUrl'>): VerificationMark {
  return verificationMark(deps.publicUrl, newVerificationId());
}

/** Stores the bytes as a file and records them as the next version of the instance's document. */
export async function fileDocument(
  deps: Pick<PaperDeps, 'files' | 'store'>,
  document: {
    id: string;
    instance: Instance;
    kind: PaperKind;
    stepId: string;
    agendaNumber: string;
    name: string;
    mimeType: string;
    bytes: Uint8Array;
    at: Date;
  },
): Promise<PaperDocument> {
  const ref = await deps.files.put(Buffer.from(document.bytes), {
    name: document.name,
    mimeType: document.mimeType,
    uploadedBy: 'system',
    uploadedAt: document.at,
  });
  return deps.store.addDocument({
    id: document.id,
    instanceId: document.instance.id,
    kind: document.kind,
    stepId: document.stepId,
    agendaNumber: document.agendaNumber,
    fileId: ref.fileId,
    name: ref.name,
    mimeType: ref.mimeType,
    bytes: ref.size,
    sha256: ref.sha256,
    generatedAt: document.at.toISOString(),
  });
}

/** A notice carrying a stored document to one person (paced and retried by the outbox). */
export function documentPrompt(
  id: string,
  to: PersonId,
  instance: Instance,
  document: PaperDocument,
  lines: MessageRef[],
): Prompt {
  return {
    id,
    to,
    instanceId: instance.id,
    kind: 'notice',
    lines,
    actions: [],
    file: { fileId: document.fileId, name: document.name, mimeType: document.mimeType },
  };
}

/** A file name part from an agenda number: `001-ND-M-PUSDATINKOMTEL-XI-2026`. */
export function safeNumber(agendaNumber: string): string {
  return agendaNumber.replace(/[^A-Za-z0-9]+/g, '-').replace(/^-+|-+$/g, '') || 'tanpa-nomor';
}
