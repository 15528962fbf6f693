import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { App } from '../../src/app.js';
import type { ChannelFactory } from '../../src/channels/channel.js';
import type { AuditEvent, Instance } from '../../src/core/engine/types.js';
import type { SchedulerOptions } from '../../src/scheduling/scheduler-options.js';
import { startTestApp, timeStandardsOf } from './app-rig.js';
import { sleep, waitForAsync } from './e2e/waiting.js';

export { FAST_SCHEDULER, timeStandardsOf } from './app-rig.js';

/**
 * A flow whose standard times are seconds long, on an office that never closes: an intake by
 * the ULP, a review by a Staf of Subbid e-Proc (Rina, whose superiors are Bambang, Sari, Hendra,
 * ...) and an approval by the Kasubbid.
 */
export function testFlowYaml(standard: string): string {
  return `id: uji-waktu
version: 1
header:
  number: SOP.UJI/WAKTU/2026
  ministry: Kementerian Dalam Negeri
  issuer: Pusdatinkomtel
  name: { id: Uji standar waktu, en: Time standard test }
handlingUnit: subbid-eproc
calendar:
  workdays: [mon, tue, wed, thu, fri, sat, sun]
  hours: ['00:00-24:00']
steps:
  - id: permohonan
    title: { id: Permohonan uji, en: Test request }
    performer: ULP
    type: intake
    output: { label: { id: Nota dinas, en: Memo } }
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

/** A temporary flows directory holding the test flow. */
export function testFlowsDir(standard = '3s'): { dir: string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'pandu-flows-'));
  writeFileSync(join(dir, 'uji-waktu.yaml'), testFlowYaml(standard));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** The real app with only the time-standards feature (fast scheduler), through the one app rig. */
export function startTimeStandardsApp(options: {
  flowsDir: string;
  mongoUri?: string;
  env?: Record<string, string>;
  channels?: ChannelFactory[];
  scheduler?: Partial<SchedulerOptions>;
  start?: boolean;
}): Promise<App> {
  return startTestApp({
    flowsDir: options.flowsDir,
    timeStandards: options.scheduler ?? {},
    ...(options.mongoUri ? { mongoUri: options.mongoUri } : {}),
    ...(options.env ? { env: options.env } : {}),
    ...(options.channels ? { channels: options.channels } : {}),
    ...(options.start === false ? { start: false } : {}),
  });
}

let requests = 0;

/** Starts an instance of the test flow as the ULP of Biro Umum; its review step goes to Rina. */
export async function startRequest(app: App, subject = 'Uji standar waktu'): Promise<Instance> {
  const result = await app.service.start({
    flowId: 'uji-waktu',
    requesterId: 'ulp-biro-umum',
    subject,
    channel: 'telegram',
    idempotencyKey: `test-request-${process.pid}-${Date.now()}-${++requests}`,
  });
  if (!result.ok) throw new Error(`start refused: ${result.refusal.code}`);
  return result.instance;
}

export async function current(app: App, instanceId: string): Promise<Instance> {
  const instance = await app.service.get(instanceId);
  if (!instance) throw new Error(`no instance ${instanceId}`);
  return instance;
}

export function eventsOfType(instance: Instance, type: string): AuditEvent[] {
  return instance.events.filter((e) => e.type === type);
}

/** Polls until `check` gives a value (not undefined, not false), or fails after `timeoutMs`. */
export function waitFor<T>(
  check: () => Promise<T | undefined | false>,
  timeoutMs: number,
  what: string,
): Promise<T> {
  return waitForAsync(what, check, timeoutMs);
}

export { sleep };

/** Outbox prompts of an instance, as stored (whatever their delivery state). */
export async function outboxPrompts(app: App, instanceId: string) {
  const docs = await app.storage.models.Outbox.find({ 'prompt.instanceId': instanceId }).lean();
  return docs.map(
    (d) =>
      d.prompt as unknown as {
        id: string;
        to: string;
        runId?: string;
        kind: string;
        lines: Array<{ key: string; params?: Record<string, unknown> }>;
      },
  );
}

/**
 * Timer jobs in Agenda's collection (reconciliation's own job left out), once the timers this
 * process handed over are written (a change's timers are written a moment after its save).
 */
export async function timerJobs(app: App, filter: Record<string, unknown> = {}) {
  await timeStandardsOf(app)?.scheduler.timers.settled();
  const db = app.storage.connection.db;
  if (!db) throw new Error('no database');
  return db
    .collection('agendaJobs')
    .find({ name: { $in: ['pandu-step-reminder', 'pandu-step-escalation'] }, ...filter })
    .toArray();
}
