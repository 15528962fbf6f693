/**
 * The world the fault suite runs in: the example org plus `lanes` small chains of people, each
 * with its own flow (so that no one person's chat, paced at one message a second like Telegram's,
 * holds the run up), every person on Telegram (chat ids named in the org file), and a seeded
 * random number generator (every choice of a run comes from it).
 *
 * Lane k: the requester `ulp-k` (position ULP-k, the only one who can start flow uji-gangguan-k),
 * Tata Usaha `tu-k` (Staf, tag tata-usaha), the reviewer `staf-k` (Staf) and the approver
 * `kasub-k` (Kasubbid) in unit lajur-k, under `kabid-k` (Kabid of bidang-k, in Pusdatinkomtel):
 * escalations go kasub-k, kabid-k, then the Kapus (Hendra), Sekjen, Menteri.
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
  lanes: number;
  /** Every person of the org, by id, as a Telegram user. */
  users: Map<string, SimUser>;
  /** The standard time of the timed steps, in ms. */
  standardMs: number;
  remove(): void;
}

/** The steps of the fault flows that have a standard time, in order: who performs them in lane k. */
export const TIMED_STEPS = [
  { id: 'agenda', number: 2, performer: (lane: number) => `tu-${lane}`, button: 'Catat' },
  { id: 'telaah', number: 3, performer: (lane: number) => `staf-${lane}`, button: 'Setujui' },
  { id: 'setujui', number: 4, performer: (lane: number) => `kasub-${lane}`, button: 'Setujui' },
] as const;
export type TimedStep = (typeof TIMED_STEPS)[number];
export const STEP_COUNT = 4;

interface OrgYaml {
  positions?: Array<{ id: string; superior?: string }>;
  units: Array<{ id: string; name: string; parent?: string }>;
  people: Array<{
    id: string;
    name: string;
    position: string;
    unit: string;
    tags?: string[];
    chat?: Record<string, number>;
  }>;
}

export function createWorld(standardSeconds: number, lanes: number): World {
  const dir = mkdtempSync(join(tmpdir(), 'pandu-faults-'));
  const flowsDir = join(dir, 'flows');
  const orgFile = join(dir, 'org.yaml');
  mkdirSync(flowsDir);
  // The service's document features read their templates beside the flows.
  for (const shared of ['templates', 'arsip']) symlinkSync(join(FLOWS_DIR, shared), join(flowsDir, shared));
  const org = parse(readFileSync(EXAMPLE_ORG_FILE, 'utf8')) as OrgYaml;
  org.positions = [
    { id: 'Menteri' },
    { id: 'Sekjen', superior: 'Menteri' },
    { id: 'Kapus', superior: 'Sekjen' },
    { id: 'Kabid', superior: 'Kapus' },
    { id: 'Kasubbid', superior: 'Kabid' },
    { id: 'Staf', superior: 'Kasubbid' },
    { id: 'ULP' },
  ];
  for (let lane = 1; lane <= lanes; lane++) {
    writeFileSync(join(flowsDir, `uji-gangguan-${lane}.yaml`), faultFlowYaml(lane, `${standardSeconds}s`));
    org.positions.push({ id: `ULP-${lane}` });
    org.units.push(
      { id: `bidang-${lane}`, name: `Bidang Uji ${lane}`, parent: 'pusdatinkomtel' },
      { id: `lajur-${lane}`, name: `Subbidang Uji ${lane}`, parent: `bidang-${lane}` },
      { id: `pemohon-${lane}`, name: `Unit Pemohon ${lane}`, parent: 'setjen' },
    );
    // The reviewer before Tata Usaha: a plain Staf step takes the first Staf of the unit.
    org.people.push(
      { id: `staf-${lane}`, name: `Staf Uji ${lane}`, position: 'Staf', unit: `lajur-${lane}` },
      {
        id: `tu-${lane}`,
        name: `TU Uji ${lane}`,
        position: 'Staf',
        unit: `lajur-${lane}`,
        tags: ['tata-usaha'],
      },
      { id: `kasub-${lane}`, name: `Kasubbid Uji ${lane}`, position: 'Kasubbid', unit: `lajur-${lane}` },
      { id: `kabid-${lane}`, name: `Kabid Uji ${lane}`, position: 'Kabid', unit: `bidang-${lane}` },
      { id: `ulp-${lane}`, name: `ULP Uji ${lane}`, position: `ULP-${lane}`, unit: `pemohon-${lane}` },
    );
  }
  const users = new Map<string, SimUser>();
  org.people.forEach((person, i) => {
    const id = FIRST_CHAT_ID + i;
    person.chat = { ...person.chat, telegram: id };
    users.set(person.id, { id, first_name: person.name.split(' ')[0] ?? person.id, language_code: 'id' });
  });
  writeFileSync(orgFile, stringify(org));
  return {
    dir,
    flowsDir,
    orgFile,
    lanes,
    users,
    standardMs: standardSeconds * 1000,
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/**
 * A request in four steps on an office that never closes: the ULP's intake, the agenda entry by
 * Tata Usaha (who takes the incoming agenda number), a review by a Staf and an approval by the
 * Kasubbid; the last three have the given standard time. Every lane's flow shares one agenda book.
 */
export function faultFlowYaml(lane: number, standard: string): string {
  return `id: uji-gangguan-${lane}
version: 1
header:
  number: SOP.UJI/GANGGUAN/2026
  ministry: Kementerian Dalam Negeri
  issuer: Pusdatinkomtel
  name: { id: Uji gangguan ${lane}, en: Fault test ${lane} }
handlingUnit: lajur-${lane}
calendar:
  workdays: [mon, tue, wed, thu, fri, sat, sun]
  hours: ['00:00-24:00']
agendaNumber:
  format: '{seq:3}/UJI-{book}/{year}'
steps:
  - id: permohonan
    title: { id: Permohonan uji, en: Test request }
    performer: ULP-${lane}
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
