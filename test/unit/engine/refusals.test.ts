import { readFileSync } from 'node:fs';
import type { Command } from '../../../src/core/engine/commands.js';
import { decide } from '../../../src/core/engine/decide.js';
import type { EngineContext } from '../../../src/core/engine/engine-context.js';
import type { Refusal, RefusalCode } from '../../../src/core/engine/refusal.js';
import type { FileRef, Instance } from '../../../src/core/engine/types.js';
import { parseFlow } from '../../../src/core/flow/parse-flow.js';
import { FlowRegistry } from '../../../src/core/service/flow-registry.js';
import type { ServiceResult } from '../../../src/core/service/sop-service.js';
import type { StepTimers } from '../../../src/core/service/step-timers.js';
import { accepted, createEngineHarness } from '../../support/engine-harness.js';
import { SPSE_FLOW_FILE } from '../../support/paths.js';

type Harness = ReturnType<typeof createEngineHarness>;
type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
type Input = DistributiveOmit<Command, 'instanceId' | 'runId' | 'actorId' | 'channel' | 'idempotencyKey'> &
  Partial<Pick<Command, 'actorId' | 'runId' | 'idempotencyKey'>>;

function file(name: string, uploadedBy = 'fajar'): FileRef {
  return {
    fileId: `f-${name}`,
    name,
    size: 1200,
    mimeType: 'application/octet-stream',
    sha256: 'ab'.repeat(32),
    uploadedBy,
    uploadedAt: '2026-11-23T02:00:00.000Z',
  };
}

/** Timers that remember every call, to show a refusal schedules and cancels nothing. */
function recordingTimers(): StepTimers & { calls: string[] } {
  const calls: string[] = [];
  return {
    calls,
    runsStarted: (_instance, runs) => {
      calls.push(...runs.map((r) => `started ${r.runId}`));
      return Promise.resolve();
    },
    runsEnded: (_instance, runs) => {
      calls.push(...runs.map((r) => `ended ${r.runId}`));
      return Promise.resolve();
    },
  };
}

function setup(overrides: Parameters<typeof createEngineHarness>[0] = {}) {
  const timers = recordingTimers();
  const h = createEngineHarness({ timers, ...overrides });
  return { h, timers };
}

/** Sends a command; by default on the open run (if any) as its assignee. */
async function send(h: Harness, instance: Instance, input: Input): Promise<ServiceResult> {
  const latest = await h.current(instance);
  const open = latest.runs.find((r) => !r.endedAt);
  return h.service.act({
    instanceId: instance.id,
    runId: input.runId ?? open?.runId ?? 'none#1',
    actorId: input.actorId ?? open?.assigneeId ?? 'nobody',
    channel: 'telegram',
    idempotencyKey: input.idempotencyKey ?? h.key(),
    ...input,
  });
}

async function ok(h: Harness, instance: Instance, input: Input): Promise<void> {
  accepted(await send(h, instance, input), input.type);
}

/**
 * Sends a command that must be refused with `code`, and checks that nothing changed: the stored
 * instance (version, runs, events, keys), the outbox, the prompts pending in the store, the timers.
 */
async function expectRefusal(
  context: { h: Harness; timers: { calls: string[] } },
  instance: Instance,
  input: Input,
  code: RefusalCode,
): Promise<Refusal> {
  const { h, timers } = context;
  const before = await h.current(instance);
  const outboxBefore = h.outbox.prompts().length;
  const pendingBefore = await h.store.pendingPrompts(1000);
  const timerCallsBefore = timers.calls.length;

  const result = await send(h, instance, input);
  if (result.ok) throw new Error(`expected the refusal ${code}, got ${result.reply.key}`);
  expect(result.refusal.code).toBe(code);
  expect(result.refusal.message.key).toBe(`refusal-${code}`);

  const after = await h.current(instance);
  expect(after.version).toBe(before.version);
  expect(after.runs).toEqual(before.runs);
  expect(after.events).toEqual(before.events);
  expect(after).toEqual(before);
  expect(h.outbox.prompts()).toHaveLength(outboxBefore);
  expect(await h.store.pendingPrompts(1000)).toEqual(pendingBefore);
  expect(timers.calls).toHaveLength(timerCallsBefore);
  return result.refusal;
}

describe('who may act', () => {
  test('someone else than the assignee gets not-your-task, naming the assignee', async () => {
    const c = setup();
    const instance = await c.h.start();
    const refusal = await expectRefusal(c, instance, { type: 'complete', actorId: 'rina' }, 'not-your-task');
    expect(refusal.message.params).toEqual({ assignee: 'Tuti Rahayu' });
    // The refused registration took no agenda number: Tuti's gets the first one.
    await ok(c.h, instance, { type: 'complete' });
    expect((await c.h.current(instance)).agendaNumbers.incoming).toBe('001/ND-M/PUSDATINKOMTEL/XI/2026');
  });

  test('a superior must take a task over before acting on it', async () => {
    const c = setup();
    const instance = await c.h.advanceTo(await c.h.start(), 'verifikasi-data');
    const refusal = await expectRefusal(c, instance, { type: 'approve', actorId: 'sari' }, 'not-your-task');
    expect(refusal.message.params).toEqual({ assignee: 'Dewi Lestari' });
    // The requester cannot act on the centre's tasks either.
    await expectRefusal(c, instance, { type: 'approve', actorId: 'ulp-biro-umum' }, 'not-your-task');
  });
});

describe('steps already done, stale and not yet started', () => {
  test('a step already done gets already-done, with who did it and when', async () => {
    const c = setup();
    const instance = await c.h.start();
    c.h.clock.advance(3 * 60_000);
    await ok(c.h, instance, { type: 'complete' });
    for (const input of [
      { type: 'complete', actorId: 'tuti' },
      { type: 'check', itemId: 'kertas', checked: true, actorId: 'tuti' },
      { type: 'complete', actorId: 'rina' },
    ] as const) {
      const refusal = await expectRefusal(
        c,
        instance,
        { ...input, runId: 'agenda-surat-masuk#1' },
        'already-done',
      );
      expect(refusal.message.params).toEqual({
        by: 'Tuti Rahayu',
        at: { instant: '2026-11-23T02:03:00.000Z', style: 'time' },
        outcome: 'registered',
      });
    }
  });

  test('a run id from before a return is stale', async () => {
    const c = setup();
    let instance = await c.h.advanceTo(await c.h.start(), 'periksa-draft');
    c.h.clock.advance(60_000);
    await ok(c.h, instance, { type: 'return', reason: 'Lampiran pagu belum sesuai' });
    instance = await c.h.current(instance);
    expect(instance.runs.find((r) => !r.endedAt)?.runId).toBe('draft-laporan#2');

    const draft = await expectRefusal(
      c,
      instance,
      { type: 'attach', file: file('draft-v2.docx'), runId: 'draft-laporan#1', actorId: 'fajar' },
      'already-done',
    );
    expect(draft.message.params).toMatchObject({ by: 'Fajar Nugroho' });
    const review = await expectRefusal(
      c,
      instance,
      { type: 'approve', runId: 'periksa-draft#1', actorId: 'dewi' },
      'already-done',
    );
    expect(review.message.params).toEqual({
      by: 'Dewi Lestari',
      at: { instant: instance.runs.find((r) => r.runId === 'periksa-draft#1')?.endedAt, style: 'time' },
      outcome: 'returned',
    });
  });

  test('skipping a step: a run of a step that has not started is unknown-task', async () => {
    const c = setup();
    const instance = await c.h.start();
    await expectRefusal(
      c,
      instance,
      {
        type: 'dispose',
        recipientIds: ['sari'],
        instructionId: 'tindak-lanjut',
        runId: 'disposisi-kapus#1',
        actorId: 'hendra',
      },
      'unknown-task',
    );
    await expectRefusal(
      c,
      instance,
      { type: 'approve', runId: 'verifikasi-data#1', actorId: 'dewi' },
      'unknown-task',
    );
    await expectRefusal(
      c,
      instance,
      { type: 'complete', runId: 'agenda-surat-masuk#2', actorId: 'tuti' },
      'unknown-task',
    );
    await expectRefusal(
      c,
      instance,
      { type: 'complete', runId: 'no-such-step#1', actorId: 'tuti' },
      'unknown-task',
    );
  });

  test('a command on an instance that does not exist is unknown-task', async () => {
    const { h } = setup();
    const result = await h.service.act({
      instanceId: 'no-such-instance',
      runId: 'agenda-surat-masuk#1',
      actorId: 'tuti',
      channel: 'slack',
      idempotencyKey: 'k',
      type: 'complete',
    });
    expect(result).toMatchObject({ ok: false, refusal: { code: 'unknown-task' } });
    expect(h.outbox.prompts()).toEqual([]);
  });

  test('commands on a completed instance', async () => {
    const c = setup();
    const instance = await c.h.advanceTo(await c.h.start(), null);
    expect(instance.status).toBe('completed');
    await expectRefusal(
      c,
      instance,
      { type: 'complete', runId: 'agenda-surat-keluar#1', actorId: 'tuti' },
      'instance-completed',
    );
    await expectRefusal(
      c,
      instance,
      { type: 'approve', runId: 'persetujuan-kapus#1', actorId: 'hendra' },
      'instance-completed',
    );
    await expectRefusal(
      c,
      instance,
      { type: 'take-over', runId: 'agenda-surat-keluar#1', actorId: 'hendra' },
      'instance-completed',
    );
    await expectRefusal(
      c,
      instance,
      { type: 'complete', runId: 'agenda-surat-keluar#2', actorId: 'tuti' },
      'instance-completed',
    );
  });
});

describe('what the step needs', () => {
  test('a data entry without its upload is missing-items, naming the output', async () => {
    const c = setup();
    const instance = await c.h.advanceTo(await c.h.start(), 'input-data-ppk');
    const refusal = await expectRefusal(c, instance, { type: 'complete' }, 'missing-items');
    expect(refusal.message.params).toEqual({
      items: 'Daftar PPK, panitia pengadaan, nama paket lelang, dan pagu anggaran',
    });
  });

  test('a checklist completed early is missing-items, naming only the items not yet done', async () => {
    const c = setup();
    const instance = await c.h.advanceTo(await c.h.start(), 'otentikasi-data');
    await ok(c.h, instance, { type: 'check', itemId: 'akun-user', checked: true });
    await ok(c.h, instance, { type: 'check', itemId: 'ppk', checked: true });
    const refusal = await expectRefusal(c, instance, { type: 'complete' }, 'missing-items');
    expect(refusal.message.params).toEqual({ items: 'Panitia pengadaan, Nama paket lelang, Pagu anggaran' });
  });

  test('a required kelengkapan item not ticked is missing-items', async () => {
    const text = readFileSync(SPSE_FLOW_FILE, 'utf8').replace(
      '- { id: kertas-kerja, label: { id: Kertas kerja, en: Worksheet } }',
      '- { id: kertas-kerja, label: { id: Kertas kerja, en: Worksheet }, required: true }',
    );
    const flow = parseFlow(text, 'spse-required.yaml');
    expect(flow.steps[5]?.kelengkapan[0]).toMatchObject({ id: 'kertas-kerja', required: true });
    const c = setup({ flows: new FlowRegistry([flow]) });
    const instance = await c.h.advanceTo(await c.h.start(), 'verifikasi-data');
    const refusal = await expectRefusal(c, instance, { type: 'approve' }, 'missing-items');
    expect(refusal.message.params).toEqual({ items: 'Kertas kerja' });
    await ok(c.h, instance, { type: 'check', itemId: 'kertas-kerja', checked: true });
    await ok(c.h, instance, { type: 'approve' });
  });

  test('an item the step does not have is unknown-item', async () => {
    const c = setup();
    const instance = await c.h.start();
    await expectRefusal(
      c,
      instance,
      { type: 'check', itemId: 'no-such-item', checked: true },
      'unknown-item',
    );
    // `pulpen` belongs to step 11, not to the registration of the incoming letter.
    await expectRefusal(c, instance, { type: 'check', itemId: 'pulpen', checked: true }, 'unknown-item');
  });

  test('a file of a type the step does not accept', async () => {
    const c = setup();
    const instance = await c.h.advanceTo(await c.h.start(), 'input-data-ppk');
    for (const name of ['daftar-ppk.pdf', 'daftar-ppk', 'daftar-ppk.xlsx.exe']) {
      const refusal = await expectRefusal(
        c,
        instance,
        { type: 'attach', file: file(name) },
        'file-type-not-accepted',
      );
      expect(refusal.message.params).toEqual({ accept: 'xlsx, csv' });
    }
    // The extension is compared without regard to case.
    await ok(c.h, instance, { type: 'attach', file: file('DAFTAR-PPK.XLSX') });
  });

  test('a register step without an agenda number from the book is refused by the engine', async () => {
    const { h } = setup();
    const ctx: EngineContext = {
      flow: h.flow,
      org: h.org,
      now: h.clock.now(),
      dueAt: (start, ms) => new Date(start.getTime() + ms),
    };
    const instance = await h.current(await h.start());
    const frozen = structuredClone(instance);
    const decision = decide(ctx, instance, {
      type: 'complete',
      instanceId: instance.id,
      runId: 'agenda-surat-masuk#1',
      actorId: 'tuti',
      channel: 'telegram',
      idempotencyKey: 'k',
    });
    expect(decision).toEqual({
      ok: false,
      refusal: { code: 'agenda-number-missing', message: { key: 'refusal-agenda-number-missing' } },
    });
    expect(instance).toEqual(frozen);
  });
});

describe('actions that do not fit the step', () => {
  test('complete on a review, an approval or a disposition is action-not-allowed', async () => {
    const c = setup();
    let instance = await c.h.advanceTo(await c.h.start(), 'disposisi-kapus');
    await expectRefusal(c, instance, { type: 'complete' }, 'action-not-allowed');
    instance = await c.h.advanceTo(instance, 'verifikasi-data');
    await expectRefusal(c, instance, { type: 'complete' }, 'action-not-allowed');
    await expectRefusal(
      c,
      instance,
      { type: 'dispose', recipientIds: ['fajar'], instructionId: 'tindak-lanjut' },
      'action-not-allowed',
    );
    await expectRefusal(
      c,
      instance,
      { type: 'attach', file: file('catatan.pdf', 'dewi') },
      'action-not-allowed',
    );
    instance = await c.h.advanceTo(instance, 'persetujuan-kapus');
    await expectRefusal(c, instance, { type: 'complete' }, 'action-not-allowed');
  });

  test('approve or return on a register step is action-not-allowed', async () => {
    const c = setup();
    const instance = await c.h.start();
    await expectRefusal(c, instance, { type: 'approve' }, 'action-not-allowed');
    await expectRefusal(c, instance, { type: 'return', reason: 'Salah alamat' }, 'action-not-allowed');
  });

  test('a return without a reason: empty and whitespace', async () => {
    const c = setup();
    const instance = await c.h.advanceTo(await c.h.start(), 'verifikasi-data');
    await expectRefusal(c, instance, { type: 'return', reason: '' }, 'reason-required');
    await expectRefusal(c, instance, { type: 'return', reason: '  \n\t ' }, 'reason-required');
  });

  test('a return to a step the review may not return to', async () => {
    const c = setup();
    const instance = await c.h.advanceTo(await c.h.start(), 'verifikasi-data');
    for (const toStepId of ['agenda-surat-masuk', 'otentikasi-data', 'verifikasi-data', 'no-such-step']) {
      await expectRefusal(
        c,
        instance,
        { type: 'return', reason: 'Data belum lengkap', toStepId },
        'invalid-return-target',
      );
    }
  });
});

describe('dispositions', () => {
  test('with no recipient', async () => {
    const c = setup();
    const instance = await c.h.advanceTo(await c.h.start(), 'disposisi-kapus');
    await expectRefusal(
      c,
      instance,
      { type: 'dispose', recipientIds: [], instructionId: 'tindak-lanjut' },
      'recipient-required',
    );
  });

  test('to someone of the wrong position', async () => {
    const c = setup();
    const instance = await c.h.advanceTo(await c.h.start(), 'disposisi-kapus');
    const refusal = await expectRefusal(
      c,
      instance,
      { type: 'dispose', recipientIds: ['dewi'], instructionId: 'tindak-lanjut' },
      'invalid-recipient',
    );
    expect(refusal.message.params).toEqual({ name: 'Dewi Lestari', position: 'Kabid' });
  });

  test("to someone outside the performer's unit, or unknown, or one bad among good ones", async () => {
    const c = setup();
    const instance = await c.h.advanceTo(await c.h.start(), 'disposisi-kabid');
    // Sari heads Bidang Aplikasi; Agus is a Kasubbid, but of Subbag TU.
    const outside = await expectRefusal(
      c,
      instance,
      { type: 'dispose', recipientIds: ['agus'], instructionId: 'tindak-lanjut' },
      'invalid-recipient',
    );
    expect(outside.message.params).toEqual({ name: 'Agus Salim', position: 'Kasubbid' });
    const unknown = await expectRefusal(
      c,
      instance,
      { type: 'dispose', recipientIds: ['pak-budi'], instructionId: 'tindak-lanjut' },
      'invalid-recipient',
    );
    expect(unknown.message.params).toEqual({ name: 'pak-budi', position: 'Kasubbid' });
    await expectRefusal(
      c,
      instance,
      { type: 'dispose', recipientIds: ['dewi', 'agus'], instructionId: 'tindak-lanjut' },
      'invalid-recipient',
    );
  });

  test('with an unknown instruction', async () => {
    const c = setup();
    const instance = await c.h.advanceTo(await c.h.start(), 'disposisi-kapus');
    await expectRefusal(
      c,
      instance,
      { type: 'dispose', recipientIds: ['sari'], instructionId: 'terserah' },
      'invalid-instruction',
    );
  });
});

describe('reassigning', () => {
  test('by someone who is neither a superior of the assignee nor an admin', async () => {
    const c = setup();
    const instance = await c.h.start();
    // Tuti's chain is Agus → Sari → Hendra → Sekjen → Menteri.
    for (const actorId of ['rina', 'dewi', 'yusuf', 'tuti', 'ulp-biro-umum']) {
      await expectRefusal(
        c,
        instance,
        { type: 'reassign', toPersonId: 'rina', actorId },
        'not-allowed-to-reassign',
      );
    }
    await expectRefusal(c, instance, { type: 'take-over', actorId: 'dewi' }, 'not-allowed-to-reassign');
  });

  test('to someone of the wrong position or without the tag, to the assignee, or to nobody known', async () => {
    const c = setup();
    let instance = await c.h.start();
    // The registration needs Staf tagged tata-usaha; Rina is Staf without the tag.
    const untagged = await expectRefusal(
      c,
      instance,
      { type: 'reassign', toPersonId: 'rina', actorId: 'agus' },
      'invalid-reassign-target',
    );
    expect(untagged.message.params).toEqual({ position: 'Staf' });
    await expectRefusal(
      c,
      instance,
      { type: 'reassign', toPersonId: 'tuti', actorId: 'agus' },
      'invalid-reassign-target',
    );

    instance = await c.h.advanceTo(instance, 'input-data-ppk');
    await expectRefusal(
      c,
      instance,
      { type: 'reassign', toPersonId: 'dewi', actorId: 'sari' },
      'invalid-reassign-target',
    );
    await expectRefusal(
      c,
      instance,
      { type: 'reassign', toPersonId: 'pak-budi', actorId: 'sari' },
      'invalid-reassign-target',
    );
  });
});

describe('starting a request', () => {
  async function expectStartRefused(
    h: Harness,
    request: { requesterId: string; subject: string; flowId?: string },
    code: RefusalCode,
  ): Promise<Refusal> {
    const key = h.key();
    const result = await h.service.start({
      flowId: request.flowId ?? h.flow.id,
      requesterId: request.requesterId,
      subject: request.subject,
      channel: 'telegram',
      idempotencyKey: key,
    });
    if (result.ok) throw new Error(`expected ${code}`);
    expect(result.refusal.code).toBe(code);
    expect(await h.store.get(h.store.idForKey(`start:${key}`))).toBeUndefined();
    expect(await h.store.listActive(100)).toEqual([]);
    expect(h.outbox.prompts()).toEqual([]);
    return result.refusal;
  }

  test('by someone who is not the ULP', async () => {
    const { h } = setup();
    for (const requesterId of ['tuti', 'hendra']) {
      const refusal = await expectStartRefused(
        h,
        { requesterId, subject: 'Pemanfaatan SPSE' },
        'not-requester',
      );
      expect(refusal.message.params).toEqual({ position: 'ULP' });
    }
  });

  test('with an empty subject', async () => {
    const { h } = setup();
    await expectStartRefused(h, { requesterId: 'ulp-biro-umum', subject: '' }, 'subject-required');
    await expectStartRefused(h, { requesterId: 'ulp-biro-umum', subject: ' \n ' }, 'subject-required');
  });

  test('by someone unknown, or for an unknown SOP', async () => {
    const { h } = setup();
    await expectStartRefused(h, { requesterId: 'pak-budi', subject: 'Pemanfaatan SPSE' }, 'unknown-person');
    await expectStartRefused(
      h,
      { requesterId: 'ulp-biro-umum', subject: 'Pemanfaatan SPSE', flowId: 'no-such-flow' },
      'unknown-flow',
    );
  });
});
