/**
 * The world of the taps benchmark: a flow whose Kasubbid step is approved with one tap ("Setujui")
 * and then goes to the unit's Staf, an organisation of many units (a Kasubbid, a Staf and a ULP
 * each), and N open instances at the Kasubbid's step, copied from one real request.
 */
import type { App } from '../../src/app.js';
import type { Instance, Prompt } from '../../src/core/engine/types.js';

export const TAP_FLOW = `id: bench-tap
version: 1
header:
  number: SOP.BENCH-TAP/2026
  ministry: Kementerian Dalam Negeri
  issuer: Pusdatinkomtel
  name: { id: Uji beban ketukan, en: Tap load test }
handlingUnit: u0000
calendar:
  workdays: [mon, tue, wed, thu, fri, sat, sun]
  hours: ['00:00-24:00']
steps:
  - id: permohonan
    title: { id: Permohonan, en: Request }
    performer: ULP
    type: intake
    output: { label: { id: Nota dinas, en: Memo } }
    next: setujui
  - id: setujui
    title: { id: Memeriksa permohonan, en: Check the request }
    performer: Kasubbid
    type: review
    standard: 4h
    returnTo: [permohonan]
    output: { label: { id: Hasil periksa, en: Check } }
    next: tindak
  - id: tindak
    title: { id: Menindaklanjuti, en: Follow up }
    performer: Staf
    type: review
    standard: 4h
    returnTo: [setujui]
    output: { label: { id: Tindak lanjut, en: Follow-up } }
`;

export const pad = (k: number): string => String(k).padStart(4, '0');
export const kasubbidOf = (k: number): string => `ksb${pad(k)}`;
export const stafOf = (k: number): string => `stf${pad(k)}`;
export const ulpOf = (k: number): string => `ulp${pad(k)}`;
/** Telegram user (and private chat) ids of a unit's people. */
export const kasubbidChat = (k: number): number => 100_000 + k;
export const stafChat = (k: number): number => 200_000 + k;
export const ulpChat = (k: number): number => 300_000 + k;
export const subjectOf = (i: number): string => `Beban-${String(i).padStart(6, '0')}`;
const TEMPLATE_SUBJECT = 'Beban-TEMPLATE';

/** Units u0000… under one root, each with a Kasubbid, a Staf and a ULP. */
export function orgYaml(units: number): string {
  const lines = ['units:', '  - id: kemendagri', '    name: Kementerian Dalam Negeri'];
  for (let k = 0; k < units; k++)
    lines.push(`  - id: u${pad(k)}`, `    name: Subbidang Uji ${pad(k)}`, '    parent: kemendagri');
  lines.push('people:');
  for (let k = 0; k < units; k++) {
    for (const [id, position] of [
      [kasubbidOf(k), 'Kasubbid'],
      [stafOf(k), 'Staf'],
      [ulpOf(k), 'ULP'],
    ] as const) {
      lines.push(`  - id: ${id}`, `    name: ${position} ${pad(k)}`, `    position: ${position}`);
      lines.push(`    unit: u${pad(k)}`);
    }
  }
  return `${lines.join('\n')}\n`;
}

/** Every person's Telegram account linked (as an invite would), Telegram their last channel. */
export async function linkEveryone(app: App, units: number): Promise<void> {
  const { identities } = app.storage;
  for (let k = 0; k < units; k += 50) {
    const work: Promise<void>[] = [];
    for (let j = k; j < Math.min(units, k + 50); j++) {
      for (const [personId, chat] of [
        [kasubbidOf(j), kasubbidChat(j)],
        [stafOf(j), stafChat(j)],
        [ulpOf(j), ulpChat(j)],
      ] as const) {
        const userId = String(chat);
        work.push(
          identities
            .link(personId, { channel: 'telegram', userId, chatId: userId })
            .then(() => identities.setPreferences(personId, { lastChannel: 'telegram', locale: 'id' })),
        );
      }
    }
    await Promise.all(work);
  }
}

/**
 * N instances at the Kasubbid's step, instance i in unit i mod `units`: copies of one real
 * request (started by unit 0's ULP), with their ids, unit, people and subject replaced, and the
 * prompts that request queued (the Kasubbid's task, the requester's card) queued for each.
 */
export async function openInstances(app: App, n: number, units: number, tag: string): Promise<void> {
  const started = await app.service.start({
    flowId: 'bench-tap',
    requesterId: ulpOf(0),
    subject: TEMPLATE_SUBJECT,
    channel: 'cli',
    idempotencyKey: `bench-tap-template-${tag}`,
  });
  if (!started.ok) throw new Error(`template refused: ${started.refusal.code}`);
  const template = started.instance;
  // The template's prompts: what the engine queued when the request was made.
  const outbox = app.storage.models.Outbox;
  const queued = await outbox.find({ 'prompt.instanceId': template.id }).lean();
  const templatePrompts = queued.map((doc) => doc.prompt as unknown as Prompt);
  await outbox.deleteMany({ 'prompt.instanceId': template.id });
  const templateJson = JSON.stringify({ instance: template, prompts: templatePrompts });
  for (let i = 0; i < n; i += 200) {
    const batch: Array<{ instance: Instance; prompts: Prompt[] }> = [];
    for (let j = i; j < Math.min(n, i + 200); j++) {
      const k = j % units;
      const id = app.storage.instances.idForKey(`bench-tap:${tag}:${j}`);
      const copy = templateJson
        .replaceAll(template.id, id)
        .replaceAll(TEMPLATE_SUBJECT, subjectOf(j))
        .replaceAll('u0000', `u${pad(k)}`)
        .replaceAll(kasubbidOf(0), kasubbidOf(k))
        .replaceAll(stafOf(0), stafOf(k))
        .replaceAll(ulpOf(0), ulpOf(k))
        .replaceAll(' 0000', ` ${pad(k)}`);
      batch.push(JSON.parse(copy) as { instance: Instance; prompts: Prompt[] });
    }
    await Promise.all(batch.map(({ instance }) => app.storage.instances.create(instance, [])));
    await app.storage.outbox.enqueue(batch.flatMap(({ prompts }) => prompts));
  }
}
