/**
 * The world the fault suite runs in: the example org with every person on Telegram (chat ids
 * named in the org file), the time-standards test flow with seconds-long standards, and a
 * seeded random number generator (every choice of a run comes from it).
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { EXAMPLE_ORG_FILE, FLOWS_DIR } from '../support/paths.js';
import type { SimUser } from '../support/telegram/index.js';

export const FIRST_CHAT_ID = 7100;

export interface World {
  dir: string;
  flowsDir: string;
  orgFile: string;
  /** Every person of the org, by id, as a Telegram user. */
  users: Map<string, SimUser>;
  /** The person behind a chat id. */
  personOf(chatId: number): string | undefined;
  /** The standard time of both timed steps, in ms. */
  standardMs: number;
  remove(): void;
}

interface OrgPersonYaml {
  id: string;
  name: string;
  chat?: Record<string, number>;
}

export function createWorld(standardSeconds: number): World {
  const dir = mkdtempSync(join(tmpdir(), 'pandu-faults-'));
  const flowsDir = join(dir, 'flows');
  const orgFile = join(dir, 'org.yaml');
  mkdirSync(flowsDir);
  // The service's document features read their templates beside the flows.
  for (const shared of ['templates', 'arsip']) symlinkSync(join(FLOWS_DIR, shared), join(flowsDir, shared));
  writeFileSync(join(flowsDir, 'uji-gangguan.yaml'), faultFlowYaml(`${standardSeconds}s`));
  const org = parse(readFileSync(EXAMPLE_ORG_FILE, 'utf8')) as { people: OrgPersonYaml[] };
  const users = new Map<string, SimUser>();
  const people = new Map<number, string>();
  org.people.forEach((person, i) => {
    const id = FIRST_CHAT_ID + i;
    person.chat = { ...person.chat, telegram: id };
    users.set(person.id, { id, first_name: person.name.split(' ')[0] ?? person.id, language_code: 'id' });
    people.set(id, person.id);
  });
  writeFileSync(orgFile, stringify(org));
  return {
    dir,
    flowsDir,
    orgFile,
    users,
    personOf: (chatId) => people.get(chatId),
    standardMs: standardSeconds * 1000,
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** The steps of the fault flow that have a standard time, in order, with their performer. */
export const TIMED_STEPS = [
  { id: 'agenda', number: 2, performer: 'tuti', button: 'Catat' },
  { id: 'telaah', number: 3, performer: 'rina', button: 'Setujui' },
  { id: 'setujui', number: 4, performer: 'bambang', button: 'Setujui' },
] as const;
export type TimedStep = (typeof TIMED_STEPS)[number];
export const STEP_COUNT = 4;

/**
 * A request in four steps on an office that never closes: the ULP's intake, the agenda entry by
 * Tata Usaha (Tuti, who takes the incoming agenda number), a review by Rina (Staf, Subbid e-Proc;
 * her superiors Bambang, Sari, Hendra, ...) and an approval by Bambang; the last three have the
 * given standard time.
 */
export function faultFlowYaml(standard: string): string {
  return `id: uji-gangguan
version: 1
header:
  number: SOP.UJI/GANGGUAN/2026
  ministry: Kementerian Dalam Negeri
  issuer: Pusdatinkomtel
  name: { id: Uji gangguan, en: Fault test }
handlingUnit: subbid-eproc
calendar:
  workdays: [mon, tue, wed, thu, fri, sat, sun]
  hours: ['00:00-24:00']
agendaNumber:
  format: '{seq:3}/UJI-{book}/{year}'
steps:
  - id: permohonan
    title: { id: Permohonan uji, en: Test request }
    performer: ULP
    type: intake
    output: { label: { id: Nota dinas, en: Memo } }
    next: agenda
  - id: agenda
    title: { id: Mengagendakan permohonan uji, en: Register the test request }
    performer: { position: Staf, tag: tata-usaha }
    type: register
    book: incoming
    standard: ${standard}
    output: { label: { id: Agenda surat masuk, en: Register entry } }
    next: telaah
  - id: telaah
    title: { id: Menelaah permohonan uji, en: Review the test request }
    performer: Staf
    type: review
    standard: ${standard}
    returnTo: [permohonan]
    output: { label: { id: Hasil telaah, en: Review } }
    next: setujui
  - id: setujui
    title: { id: Menyetujui hasil telaah, en: Approve the review }
    performer: Kasubbid
    type: approval
    standard: ${standard}
    returnTo: [telaah]
    output: { label: { id: Persetujuan, en: Approval } }
`;
}

/** mulberry32: a small seeded generator, enough to make a run's choices repeatable. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
