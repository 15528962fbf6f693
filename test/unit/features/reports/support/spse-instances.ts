/**
 * Realistic instances of the SPSE SOP for reports' tests and the dashboard benchmark: a few walked
 * through the real engine with a manual clock in office time (random durations, returns,
 * reminders, escalations, disruptions, reassignments), then copied with new ids and moved by
 * whole weeks, so that each copy keeps its office hours and weekdays.
 */
import type { FileRef, Instance } from '../../../../../src/core/engine/types.js';
import {
  addOfficeMinutes,
  DEFAULT_OFFICE_CALENDAR,
  addOfficeMs,
} from '../../../../../src/core/time/index.js';
import { accepted, createEngineHarness } from '../../../../support/engine-harness.js';
import { seededRandom } from '../../../../support/seeded-random.js';

function file(name: string, uploadedBy: string, at: string): FileRef {
  return {
    fileId: `f-${name}`,
    name,
    size: 1200,
    mimeType: 'application/octet-stream',
    sha256: 'ab'.repeat(32),
    uploadedBy,
    uploadedAt: at,
  };
}

const CALENDAR = DEFAULT_OFFICE_CALENDAR;

/**
 * Walks `count` instances of the SPSE flow to the end through the engine, the first starting on
 * Monday 5 January 2026 at 08:00 WIB and each following one a few office hours later.
 */
export async function walkSpseInstances(count: number, seed = 1): Promise<Instance[]> {
  const random = seededRandom(seed);
  const h = createEngineHarness({
    dueAt: (start, ms) => addOfficeMs(CALENDAR, start, ms),
  });
  h.clock.set('2026-01-05T01:00:00.000Z');
  const standards = new Map(h.flow.steps.map((s) => [s.id, (s.standardMs ?? 0) / 60_000]));
  const instances: Instance[] = [];
  for (let n = 0; n < count; n++) {
    const started = await h.start(`Pemanfaatan SPSE ${n + 1}`);
    let instance = await h.current(started);
    const pass = (minutes: number) => h.clock.set(addOfficeMinutes(CALENDAR, h.clock.now(), minutes));
    let returned = false;
    for (let guard = 0; guard < 40 && instance.status === 'active'; guard++) {
      const run = h.openRun(instance);
      const standard = standards.get(run.stepId) || 10;
      // Mostly within the standard, sometimes well over it.
      const factor = random() < 0.8 ? 0.2 + random() * 0.8 : 1.1 + random() * 2;
      const minutes = Math.max(0.5, standard * factor);
      if (run.dueAt && random() < 0.06) {
        // A disruption stops the clock for a while in the middle of the step (declared by an admin).
        pass(minutes / 2);
        accepted(await h.act(instance, { type: 'pause', actorId: 'hendra' }), 'pause');
        pass(30 + random() * 90);
        accepted(await h.act(instance, { type: 'resume', actorId: 'hendra' }), 'resume');
        pass(minutes / 2);
      } else if (factor > 1 && run.dueAt) {
        // Late: the reminder and the escalation come as their timers would send them.
        pass(standard * 0.8);
        await h.service.act({
          instanceId: instance.id,
          runId: run.runId,
          actorId: 'system',
          channel: 'system',
          type: 'remind',
          idempotencyKey: h.key(),
        });
        pass(minutes - standard * 0.8);
        await h.service.act({
          instanceId: instance.id,
          runId: run.runId,
          actorId: 'system',
          channel: 'system',
          type: 'escalate',
          level: 1,
          idempotencyKey: h.key(),
        });
      } else pass(minutes);
      instance = await h.current(instance);
      await finishStep(h, instance, run.stepId, random, () => {
        if (returned || run.stepId !== 'periksa-draft' || random() > 0.3) return false;
        returned = true;
        return true;
      });
      instance = await h.current(instance);
    }
    if (instance.status !== 'completed') throw new Error(`instance ${n} did not complete`);
    instances.push(instance);
    pass(60 + random() * 180);
  }
  return instances;
}

type Harness = ReturnType<typeof createEngineHarness>;

async function finishStep(
  h: Harness,
  instance: Instance,
  stepId: string,
  random: () => number,
  shouldReturn: () => boolean,
): Promise<void> {
  const run = h.openRun(instance);
  const at = h.clock.now().toISOString();
  switch (stepId) {
    case 'disposisi-kapus':
      accepted(
        await h.act(instance, { type: 'dispose', recipientIds: ['sari'], instructionId: 'tindak-lanjut' }),
        stepId,
      );
      return;
    case 'disposisi-kabid': {
      const kasubbid = random() < 0.5 ? 'dewi' : 'bambang';
      accepted(
        await h.act(instance, { type: 'dispose', recipientIds: [kasubbid], instructionId: 'proses' }),
        stepId,
      );
      return;
    }
    case 'input-data-ppk':
    case 'draft-laporan':
      accepted(
        await h.act(instance, {
          type: 'attach',
          file: file(
            stepId === 'draft-laporan' ? 'draft-laporan.docx' : 'daftar-ppk.xlsx',
            run.assigneeId ?? '',
            at,
          ),
        }),
        `${stepId} attach`,
      );
      accepted(await h.act(instance, { type: 'complete' }), stepId);
      return;
    case 'otentikasi-data': {
      const checklist = h.flow.steps.find((s) => s.id === stepId)?.checklist ?? [];
      for (const item of checklist) {
        accepted(await h.act(instance, { type: 'check', itemId: item.id, checked: true }), stepId);
      }
      return;
    }
    case 'verifikasi-data':
    case 'persetujuan-kapus':
      accepted(await h.act(instance, { type: 'approve' }), stepId);
      return;
    case 'periksa-draft':
      if (shouldReturn()) {
        accepted(await h.act(instance, { type: 'return', reason: 'Lampiran belum sesuai' }), stepId);
      } else accepted(await h.act(instance, { type: 'approve' }), stepId);
      return;
    default:
      accepted(await h.act(instance, { type: 'complete' }), stepId);
  }
}

const ISO_INSTANT = /"(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z)"/g;

/**
 * `count` copies of the templates, each with an id of its own and its times moved by a whole
 * number of weeks (0 … weeks − 1), in turn.
 */
export function copyInstances(templates: readonly Instance[], count: number, weeks: number): Instance[] {
  const texts = templates.map((t) => JSON.stringify(t));
  const copies: Instance[] = [];
  for (let n = 0; n < count; n++) {
    const text = texts[n % texts.length] as string;
    const template = templates[n % templates.length] as Instance;
    const shift = (n % weeks) * 7 * 86_400_000;
    const id = (0x6a0000000000 + n).toString(16).padStart(24, '0');
    const moved = text
      .replace(ISO_INSTANT, (_, iso: string) => `"${new Date(Date.parse(iso) + shift).toISOString()}"`)
      .split(`"${template.id}"`)
      .join(`"${id}"`);
    copies.push(JSON.parse(moved) as Instance);
  }
  return copies;
}
