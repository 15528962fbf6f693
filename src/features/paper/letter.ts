import { randomUUID } from 'node:crypto';
import type { LetterFacts, LetterFactsSource } from '../../chat/contributions.js';
import type { Instance, Prompt, PromptAction } from '../../core/engine/types.js';
import type { MessageRef } from '../../core/i18n.js';
import type { InstanceId, PersonId } from '../../core/ids.js';
import {
  DERAJAT_LABELS,
  DERAJAT_VALUES,
  derajatRank,
  isConfidential,
  lampiranText,
  parseDerajat,
  parseSifat,
  SIFAT_LABELS,
  SIFAT_VALUES,
  validateLetterMetadata,
  type LetterMetadata,
  type LetterMetadataInput,
  type TembusanEntry,
} from '../../files/paper/index.js';
import { letterOf, localDate, registerStep, type PaperDeps } from './paper-context.js';
import type { StoredLetter } from './paper-store.js';

export const SIFAT_ACTION = 'paper-sifat';
export const DERAJAT_ACTION = 'paper-derajat';

/** The letter's metadata as message lines. */
export function letterLines(letter: LetterMetadata): MessageRef[] {
  return [
    {
      key: 'paper-letter-summary',
      params: {
        sifat: { text: SIFAT_LABELS[letter.sifat] },
        derajat: { text: DERAJAT_LABELS[letter.derajat] },
        klasifikasi: letter.klasifikasi ?? '-',
        number: letter.senderNumber ?? '-',
        date: letter.senderDate ?? '-',
        lampiran: lampiranText(letter.lampiran),
        tembusan: letter.tembusan.map((t) => t.name).join('; ') || '-',
      },
    },
  ];
}

/** Buttons for sifat and derajat, the current ones ticked. */
export function letterButtons(letter: LetterMetadata): PromptAction[] {
  return [
    ...SIFAT_VALUES.map((value) => ({
      id: `${SIFAT_ACTION}:${value}`,
      label: { key: 'paper-button-sifat', params: { label: { text: SIFAT_LABELS[value] } } },
      checked: letter.sifat === value,
    })),
    ...DERAJAT_VALUES.map((value) => ({
      id: `${DERAJAT_ACTION}:${value}`,
      label: { key: 'paper-button-derajat', params: { label: { text: DERAJAT_LABELS[value] } } },
      checked: letter.derajat === value,
    })),
  ];
}

/** The first registration run (step 2): the letter question is logged under it. */
function registrationRun(deps: Pick<PaperDeps, 'flow'>, instance: Instance) {
  const flow = deps.flow(instance.flowId);
  const incoming = flow && registerStep(flow, 'incoming');
  return incoming && instance.runs.find((r) => r.stepId === incoming.id);
}

/** The run id the letter question's messages are logged under (edited as answers come, closed at numbering). */
export function letterRunId(deps: Pick<PaperDeps, 'flow'>, instance: Instance): string | undefined {
  const registration = registrationRun(deps, instance);
  return registration ? `${registration.runId}~letter` : undefined;
}

/** Who is asked about the letter: the requester, and TU holding the registration. */
function askedPeople(deps: PaperDeps, instance: Instance): Array<{ to: PersonId; key: string }> {
  const registration = registrationRun(deps, instance);
  const asked = [{ to: instance.requesterId, key: 'paper-letter-ask-requester' }];
  if (registration?.assigneeId && registration.assigneeId !== instance.requesterId)
    asked.push({ to: registration.assigneeId, key: 'paper-letter-ask-tu' });
  return asked;
}

/**
 * The question after /ajukan (to the requester) and at step 2 (to TU): sifat and derajat as buttons,
 * and /surat for the rest. `update` edits the messages already sent (after an answer); `close` takes
 * their buttons away (the letter is numbered).
 */
export async function letterPrompts(
  deps: PaperDeps,
  instance: Instance,
  mode: 'ask' | 'update' | 'close' = 'ask',
): Promise<Prompt[]> {
  const runId = letterRunId(deps, instance);
  if (!runId) return [];
  const letter = await letterOf(deps.store, instance.id);
  return askedPeople(deps, instance).map(({ to, key }) => ({
    id: mode === 'ask' ? `${runId}:letter:${to}` : `${runId}:letter-${mode}:${to}:${randomUUID()}`,
    to,
    instanceId: instance.id,
    runId,
    kind: mode === 'ask' ? 'task' : mode === 'update' ? 'task-update' : 'task-closed',
    lines: [
      { key: mode === 'close' ? 'paper-letter-current' : key, params: { subject: instance.subject } },
      ...letterLines(letter),
    ],
    actions: mode === 'close' ? [] : letterButtons(letter),
  }));
}

/**
 * Who may set the letter's metadata now: the requester until TU has numbered the letter, the person
 * holding the open registration (TU), and admins.
 */
export function mayEditLetter(deps: PaperDeps, instance: Instance, personId: PersonId): boolean {
  if (deps.org().isAdmin(personId) || holdsRegistration(deps, instance, personId)) return true;
  return instance.requesterId === personId && !instance.agendaNumbers.incoming;
}

/** Whether the person holds the letter's open registration (TU at step 2). */
export function holdsRegistration(deps: PaperDeps, instance: Instance, personId: PersonId): boolean {
  const flow = deps.flow(instance.flowId);
  const incoming = flow && registerStep(flow, 'incoming');
  return instance.runs.some((r) => r.stepId === incoming?.id && !r.endedAt && r.assigneeId === personId);
}

type Edit = { ok: true; letter: LetterMetadata } | { ok: false; refusals: MessageRef[] };

/** Applies typed changes over the stored metadata; a value outside its list changes nothing. */
export async function editLetter(
  deps: PaperDeps,
  instanceId: InstanceId,
  personId: PersonId,
  changes: LetterMetadataInput,
  /** TU, at the registration, confirms what it keeps. */
  byTu = false,
): Promise<Edit> {
  const current = await letterOf(deps.store, instanceId);
  const input: LetterMetadataInput = {
    sifat: current.sifat,
    derajat: current.derajat,
    ...(current.klasifikasi ? { klasifikasi: current.klasifikasi } : {}),
    ...(current.senderNumber ? { senderNumber: current.senderNumber } : {}),
    ...(current.senderDate ? { senderDate: current.senderDate } : {}),
    lampiran: current.lampiran,
    tembusan: current.tembusan,
    ...changes,
  };
  const checked = validateLetterMetadata(input, {
    klasifikasi: deps.klasifikasi,
    today: localDate(deps.now(), deps.timeZone),
  });
  if (!checked.ok) return checked;
  const confirmed = byTu || Boolean((await deps.store.letter(instanceId))?.confirmed);
  await deps.store.saveLetter({
    instanceId,
    metadata: checked.value,
    updatedAt: deps.now().toISOString(),
    updatedBy: personId,
    confirmed,
  });
  return { ok: true, letter: checked.value };
}

const FIELD_NAMES: Record<string, keyof LetterMetadataInput> = {
  sifat: 'sifat',
  derajat: 'derajat',
  klasifikasi: 'klasifikasi',
  kode: 'klasifikasi',
  nomor: 'senderNumber',
  number: 'senderNumber',
  tanggal: 'senderDate',
  date: 'senderDate',
  lampiran: 'lampiran',
  attachments: 'lampiran',
  tembusan: 'tembusan',
  copies: 'tembusan',
};

/**
 * `sifat=rahasia derajat="sangat segera" nomor=027/1184/BU tanggal=2026-11-20 lampiran=1
 * tembusan="Sekretaris Jenderal; Sari Handayani"`: the fields of `/surat`, or the unknown field names.
 */
export function parseLetterArgs(
  text: string,
  tembusanOf: (name: string) => TembusanEntry,
): { changes: LetterMetadataInput; unknown: string[]; rest: string[] } {
  const changes: LetterMetadataInput = {};
  const unknown: string[] = [];
  const rest: string[] = [];
  const pattern = /([\p{L}_-]+)\s*=\s*(?:"([^"]*)"|“([^”]*)”|(\S+))|(\S+)/gu;
  for (const match of text.matchAll(pattern)) {
    const [, name, quoted, curly, bare, word] = match;
    if (word !== undefined || name === undefined) {
      rest.push(word ?? '');
      continue;
    }
    const field = FIELD_NAMES[name.toLowerCase()];
    const value = (quoted ?? curly ?? bare ?? '').trim();
    if (!field) unknown.push(name);
    else if (field === 'tembusan')
      changes[field] = value === '-' ? [] : value.split(';').map((part) => tembusanOf(part.trim()));
    else changes[field] = value;
  }
  return { changes, unknown, rest };
}

/** A copy's name: a person in the org (by id or name) gets their chat copy, anyone else is a name. */
export function tembusanResolver(deps: PaperDeps): (name: string) => TembusanEntry {
  return (name) => {
    const people = deps.org().allPeople();
    const wanted = name.toLowerCase();
    const person = people.find((p) => p.id === name || p.name.toLowerCase() === wanted);
    return person ? { name: person.name, personId: person.id } : { name };
  };
}

/**
 * Whether the person acts on or administers the instance: an admin, or the holder, actor, delegate or
 * recipient of a run after the intake (the requester, as such, is not one: the "others").
 */
export function actsOn(
  deps: Pick<PaperDeps, 'org' | 'flow'>,
  instance: Instance,
  personId: PersonId,
): boolean {
  if (deps.org().isAdmin(personId)) return true;
  const intake = deps.flow(instance.flowId)?.steps[0]?.id;
  return instance.runs.some(
    (r) =>
      r.stepId !== intake &&
      [r.assigneeId, r.actorId, r.delegatedFrom, ...(r.disposition?.recipientIds ?? [])].includes(personId),
  );
}

/**
 * What the letter's metadata means for its messages: rahasia protected (and, for a reader who does not
 * act on it, its subject read as "Surat rahasia"), derajat shown and ranked.
 */
export async function letterFacts(
  deps: Pick<PaperDeps, 'store' | 'org' | 'flow' | 'instance'>,
  instanceId: InstanceId,
  personId?: PersonId,
): Promise<LetterFacts> {
  return factsOf(deps, await deps.store.letter(instanceId), instanceId, personId);
}

/**
 * The facts of many letters from one read of `paper_letters`; a confidential letter's subject
 * still needs its instance, read per reader (rare).
 */
export async function letterFactsOfMany(
  deps: Pick<PaperDeps, 'store' | 'org' | 'flow' | 'instance'>,
  instanceIds: readonly InstanceId[],
): Promise<LetterFactsSource> {
  const read = new Map<InstanceId, StoredLetter | undefined>(instanceIds.map((id) => [id, undefined]));
  for (const letter of await deps.store.lettersOf([...new Set(instanceIds)]))
    read.set(letter.instanceId, letter);
  return (instanceId, personId) =>
    read.has(instanceId)
      ? factsOf(deps, read.get(instanceId), instanceId, personId)
      : letterFacts(deps, instanceId, personId);
}

async function factsOf(
  deps: Pick<PaperDeps, 'org' | 'flow' | 'instance'>,
  letter: StoredLetter | undefined,
  instanceId: InstanceId,
  personId?: PersonId,
): Promise<LetterFacts> {
  if (!letter) return { confidential: false, rank: derajatRank('biasa') };
  const { sifat, derajat } = letter.metadata;
  const marks: MessageRef[] = [];
  if (derajat !== 'biasa')
    marks.push({ key: 'paper-badge-derajat', params: { label: { text: DERAJAT_LABELS[derajat] } } });
  if (isConfidential(sifat))
    marks.push({ key: 'paper-badge-sifat', params: { label: { text: SIFAT_LABELS[sifat] } } });
  const [first, second] = marks;
  const badge =
    first && second
      ? { key: 'paper-badge-both', params: { first: { ref: first }, second: { ref: second } } }
      : first;
  const confidential = isConfidential(sifat);
  const instance = confidential && personId ? await deps.instance(instanceId) : undefined;
  const hideSubject = Boolean(instance && personId && !actsOn(deps, instance, personId));
  return {
    confidential,
    rank: derajatRank(derajat),
    ...(badge ? { badge } : {}),
    ...(hideSubject ? { hideSubject } : {}),
  };
}

/** Sifat or derajat from a button's argument. */
export function buttonChange(kind: string, arg: string): LetterMetadataInput | undefined {
  if (kind === SIFAT_ACTION && parseSifat(arg)) return { sifat: arg };
  if (kind === DERAJAT_ACTION && parseDerajat(arg)) return { derajat: arg };
  return undefined;
}
