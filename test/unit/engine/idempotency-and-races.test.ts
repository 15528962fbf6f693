import type { Command } from '../../../src/core/engine/commands.js';
import { decide } from '../../../src/core/engine/decide.js';
import type { EngineContext } from '../../../src/core/engine/engine-context.js';
import type { FileRef, Instance, Prompt, StepRun } from '../../../src/core/engine/types.js';
import { parseOrg } from '../../../src/core/org/check-org.js';
import type { OrgDirectory } from '../../../src/core/org/org-directory.js';
import { VersionConflictError } from '../../../src/core/ports.js';
import type { ServiceResult } from '../../../src/core/service/sop-service.js';
import type { StepTimers } from '../../../src/core/service/step-timers.js';
import { accepted, createEngineHarness } from '../../support/engine-harness.js';
import { EXAMPLE_ORG_FILE } from '../../support/paths.js';
import { readFileSync } from 'node:fs';

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
    sha256: 'cd'.repeat(32),
    uploadedBy,
    uploadedAt: '2026-11-23T02:00:00.000Z',
  };
}

/** Sends a command; by default on the open run as its assignee. */
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

async function ok(
  h: Harness,
  instance: Instance,
  input: Input,
): Promise<Extract<ServiceResult, { ok: true }>> {
  return accepted(await send(h, instance, input), input.type);
}

function openRun(instance: Instance): StepRun {
  const run = instance.runs.find((r) => !r.endedAt);
  if (!run) throw new Error('no open run');
  return run;
}

function runById(instance: Instance, runId: string): StepRun {
  const run = instance.runs.find((r) => r.runId === runId);
  if (!run) throw new Error(`no run ${runId}`);
  return run;
}

/** The prompts enqueued while `action` ran. */
async function promptsOf(h: Harness, action: () => Promise<unknown>): Promise<Prompt[]> {
  const before = h.outbox.prompts().length;
  await action();
  return h.outbox.prompts().slice(before);
}

function incoming(seq: number): string {
  return `${String(seq).padStart(3, '0')}/ND-M/PUSDATINKOMTEL/XI/2026`;
}

/** The example org with extra YAML appended to its people list (it is the file's last list). */
function exampleOrgWith(extraPeople: string, edit?: [from: string, to: string]): OrgDirectory {
  let text = readFileSync(EXAMPLE_ORG_FILE, 'utf8');
  if (edit) {
    if (!text.includes(edit[0])) throw new Error(`the edit does not apply: ${edit[0]}`);
    text = text.replace(edit[0], edit[1]);
  }
  return parseOrg(`${text.trimEnd()}\n${extraPeople}`, 'org.test.yaml');
}

describe('idempotency', () => {
  test('the same key twice on act: one change, the same reply', async () => {
    const h = createEngineHarness();
    const instance = await h.start();
    const first = await ok(h, instance, { type: 'complete', idempotencyKey: 'tg-update-501' });
    const afterFirst = await h.current(instance);
    const outboxAfterFirst = h.outbox.prompts().length;

    const second = await ok(h, instance, {
      type: 'complete',
      idempotencyKey: 'tg-update-501',
      runId: 'agenda-surat-masuk#1',
    });
    expect(first.duplicate).toBe(false);
    expect(second.duplicate).toBe(true);
    expect(second.reply).toEqual(first.reply);
    expect(first.reply).toEqual({ key: 'reply-registered', params: { agenda: incoming(1) } });
    expect(await h.current(instance)).toEqual(afterFirst);
    expect(h.outbox.prompts()).toHaveLength(outboxAfterFirst);

    // The retry took no second agenda number: the next letter gets 002.
    const other = await h.start('Permohonan kedua');
    await ok(h, other, { type: 'complete' });
    expect((await h.current(other)).agendaNumbers.incoming).toBe(incoming(2));
  });

  test('the same upload delivered twice is attached once', async () => {
    const h = createEngineHarness();
    const instance = await h.advanceTo(await h.start(), 'input-data-ppk');
    const first = await ok(h, instance, {
      type: 'attach',
      file: file('daftar-ppk.xlsx'),
      idempotencyKey: 'upload-7',
    });
    const second = await ok(h, instance, {
      type: 'attach',
      file: file('daftar-ppk.xlsx'),
      idempotencyKey: 'upload-7',
    });
    expect(second).toMatchObject({ duplicate: true, reply: first.reply });
    const saved = await h.current(instance);
    expect(openRun(saved).files).toHaveLength(1);
    expect(saved.events.filter((e) => e.type === 'file-attached')).toHaveLength(1);
    expect(saved.version).toBe(first.instance.version);
  });

  test('a refused command does not use up its key', async () => {
    const h = createEngineHarness();
    const instance = await h.advanceTo(await h.start(), 'input-data-ppk');
    const refused = await send(h, instance, { type: 'complete', idempotencyKey: 'done-1' });
    expect(refused).toMatchObject({ ok: false, refusal: { code: 'missing-items' } });
    await ok(h, instance, { type: 'attach', file: file('daftar-ppk.csv') });
    const retried = await ok(h, instance, { type: 'complete', idempotencyKey: 'done-1' });
    expect(retried.duplicate).toBe(false);
    expect(openRun(await h.current(instance)).stepId).toBe('verifikasi-data');
  });

  test('a retried last command still gets its reply after the instance completed', async () => {
    const h = createEngineHarness();
    const instance = await h.advanceTo(await h.start(), 'agenda-surat-keluar');
    const first = await ok(h, instance, { type: 'complete', idempotencyKey: 'last' });
    expect(first.instance.status).toBe('completed');
    const again = await ok(h, instance, {
      type: 'complete',
      idempotencyKey: 'last',
      runId: 'agenda-surat-keluar#1',
      actorId: 'tuti',
    });
    expect(again).toMatchObject({ duplicate: true, reply: first.reply });
  });

  test('the same start key twice gives one instance and the same reply', async () => {
    const h = createEngineHarness();
    const request = {
      flowId: h.flow.id,
      requesterId: 'ulp-biro-umum',
      subject: 'Pemanfaatan SPSE 2027',
      channel: 'telegram' as const,
      idempotencyKey: 'nota-1',
    };
    const first = await h.service.start(request);
    const outboxAfterFirst = h.outbox.prompts().length;
    const second = await h.service.start(request);
    if (!first.ok || !second.ok) throw new Error('start refused');
    expect(first.duplicate).toBe(false);
    expect(second.duplicate).toBe(true);
    expect(second.instance.id).toBe(first.instance.id);
    expect(second.reply).toEqual(first.reply);
    expect(second.instance).toEqual(await h.current(first.instance));
    expect(await h.store.listActive(10)).toHaveLength(1);
    expect(h.outbox.prompts()).toHaveLength(outboxAfterFirst);

    // A different key is a different request.
    const third = await h.service.start({ ...request, idempotencyKey: 'nota-2' });
    expect(third).toMatchObject({ ok: true, duplicate: false });
    expect(await h.store.listActive(10)).toHaveLength(2);
  });

  test('two starts with the same key at once give one instance', async () => {
    const h = createEngineHarness();
    const request = {
      flowId: h.flow.id,
      requesterId: 'ulp-biro-umum',
      subject: 'Pemanfaatan SPSE 2027',
      channel: 'slack' as const,
      idempotencyKey: 'nota-race',
    };
    const results = await Promise.all([h.service.start(request), h.service.start(request)]);
    const oks = results.filter((r): r is Extract<ServiceResult, { ok: true }> => r.ok);
    expect(oks).toHaveLength(2);
    expect(oks.map((r) => r.duplicate).sort()).toEqual([false, true]);
    expect(new Set(oks.map((r) => r.instance.id)).size).toBe(1);
    expect(await h.store.listActive(10)).toHaveLength(1);
    // One task went out to Tata Usaha, not two.
    expect(h.outbox.prompts().filter((p) => p.kind === 'task' && p.to === 'tuti')).toHaveLength(1);
  });
});

describe('races on one instance', () => {
  test('two decisions from the same version: the second save is a version conflict', async () => {
    const h = createEngineHarness();
    const instance = await h.advanceTo(await h.start(), 'verifikasi-data');
    const loaded = await h.current(instance);
    const ctx: EngineContext = {
      flow: h.flow,
      org: h.org,
      now: h.clock.now(),
      dueAt: (start, ms) => new Date(start.getTime() + ms),
    };
    const base = {
      instanceId: loaded.id,
      runId: 'verifikasi-data#1',
      actorId: 'dewi',
      channel: 'slack',
    } as const;
    const approve = decide(ctx, loaded, { ...base, type: 'approve', idempotencyKey: 'a' });
    const sendBack = decide(ctx, loaded, {
      ...base,
      type: 'return',
      reason: 'Pagu tidak sesuai',
      idempotencyKey: 'b',
    });
    if (!approve.ok || !sendBack.ok) throw new Error('both commands should be allowed on their own');

    await h.store.save(approve.instance, loaded.version, approve.events, approve.prompts);
    await expect(
      h.store.save(sendBack.instance, loaded.version, sendBack.events, sendBack.prompts),
    ).rejects.toBeInstanceOf(VersionConflictError);

    const saved = await h.current(instance);
    expect(saved.version).toBe(loaded.version + 1);
    expect(openRun(saved).stepId).toBe('otentikasi-data');
    expect(saved.events.filter((e) => e.type === 'returned')).toEqual([]);
    expect(saved.events.filter((e) => e.type === 'approved')).toHaveLength(1);
    expect((await h.store.pendingPrompts(100)).map((p) => p.id)).toEqual(approve.prompts.map((p) => p.id));
  });

  test('two approvals at once through the service: one applies, the other is already-done', async () => {
    const h = createEngineHarness();
    const instance = await h.advanceTo(await h.start(), 'verifikasi-data');
    let conflicts = 0;
    const save = h.store.save.bind(h.store);
    h.store.save = (...args) =>
      save(...args).catch((error: unknown) => {
        if (error instanceof VersionConflictError) conflicts += 1;
        throw error;
      });

    const results = await Promise.all([
      send(h, instance, { type: 'approve', actorId: 'dewi', idempotencyKey: 'slack-1' }),
      send(h, instance, { type: 'approve', actorId: 'dewi', idempotencyKey: 'telegram-1' }),
    ]);
    // The race really happened: one save lost and the service retried it.
    expect(conflicts).toBe(1);
    const applied = results.filter((r) => r.ok);
    const refused = results.filter((r) => !r.ok);
    expect(applied).toEqual([
      expect.objectContaining({ ok: true, duplicate: false, reply: { key: 'reply-approved' } }),
    ]);
    expect(refused).toHaveLength(1);
    expect(refused[0]).toMatchObject({
      ok: false,
      refusal: { code: 'already-done', message: { params: { by: 'Dewi Lestari' } } },
    });
    const saved = await h.current(instance);
    expect(saved.events.filter((e) => e.type === 'approved')).toHaveLength(1);
    expect(saved.runs.filter((r) => r.stepId === 'otentikasi-data')).toHaveLength(1);
  });

  test('concurrent registrations on several instances never share an agenda number', async () => {
    const h = createEngineHarness();
    const instances = await Promise.all(
      ['A', 'B', 'C', 'D', 'E', 'F'].map((s) => h.start(`Permohonan ${s}`)),
    );
    const results = await Promise.all(
      instances.map((i) => send(h, i, { type: 'complete', actorId: 'tuti' })),
    );
    expect(results.every((r) => r.ok)).toBe(true);
    const numbers = await Promise.all(
      instances.map(async (i) => (await h.current(i)).agendaNumbers.incoming),
    );
    expect(new Set(numbers).size).toBe(instances.length);
    expect([...numbers].sort()).toEqual([1, 2, 3, 4, 5, 6].map(incoming));
  });

  test('two registrations of one letter at once take one number', async () => {
    const h = createEngineHarness();
    const instance = await h.start();
    const results = await Promise.all([
      send(h, instance, { type: 'complete', actorId: 'tuti', idempotencyKey: 'x' }),
      send(h, instance, { type: 'complete', actorId: 'tuti', idempotencyKey: 'y' }),
    ]);
    expect(results.map((r) => (r.ok ? 'ok' : r.refusal.code)).sort()).toEqual(['already-done', 'ok']);
    expect((await h.current(instance)).agendaNumbers.incoming).toBe(incoming(1));
    const next = await h.start('Berikutnya');
    await ok(h, next, { type: 'complete' });
    expect((await h.current(next)).agendaNumbers.incoming).toBe(incoming(2));
  });
});

describe('reassignment, take-over and delegation', () => {
  test("a superior reassigns a Staf's task: files kept, a fresh due time, old messages closed, new task sent", async () => {
    const calls: string[] = [];
    const timers: StepTimers = {
      runsStarted: (_i, runs) => {
        calls.push(...runs.map((r) => `started ${r.runId} due ${String(r.dueAt)}`));
        return Promise.resolve();
      },
      runsEnded: (_i, runs) => {
        calls.push(...runs.map((r) => `ended ${r.runId}`));
        return Promise.resolve();
      },
    };
    const h = createEngineHarness({ timers });
    let instance = await h.advanceTo(await h.start(), 'input-data-ppk');
    expect(openRun(instance).assigneeId).toBe('fajar');
    await ok(h, instance, { type: 'attach', file: file('daftar-ppk.xlsx') });
    const before = runById(await h.current(instance), 'input-data-ppk#1');
    expect(before.dueAt).toBe('2026-11-23T02:30:00.000Z');

    h.clock.advance(20 * 60_000);
    calls.length = 0;
    let reply: ServiceResult | undefined;
    const prompts = await promptsOf(h, async () => {
      reply = await send(h, instance, { type: 'reassign', toPersonId: 'rina', actorId: 'sari' });
    });
    expect(reply).toMatchObject({
      ok: true,
      reply: { key: 'reply-reassigned', params: { name: 'Rina Wulandari' } },
    });
    instance = await h.current(instance);

    expect(runById(instance, 'input-data-ppk#1')).toMatchObject({
      outcome: 'reassigned',
      actorId: 'sari',
      endedAt: '2026-11-23T02:20:00.000Z',
    });
    // Rina gets the step's full 30 minutes from the reassignment, not Fajar's last 10.
    const freshDue = '2026-11-23T02:50:00.000Z';
    expect(openRun(instance)).toMatchObject({
      runId: 'input-data-ppk#2',
      assigneeId: 'rina',
      startedAt: '2026-11-23T02:20:00.000Z',
      dueAt: freshDue,
      files: before.files,
      escalationLevel: 0,
      escalatedTo: [],
    });
    expect(instance.events.filter((e) => e.type === 'reassigned')).toEqual([
      expect.objectContaining({
        actorId: 'sari',
        stepId: 'input-data-ppk',
        data: { from: 'fajar', to: 'rina', dueAt: freshDue },
      }),
    ]);
    expect(calls).toEqual(['ended input-data-ppk#1', `started input-data-ppk#2 due ${freshDue}`]);

    const closed = prompts.filter((p) => p.kind === 'task-closed');
    expect(closed).toEqual([
      expect.objectContaining({ to: 'fajar', runId: 'input-data-ppk#1', actions: [] }),
    ]);
    expect(closed[0]?.lines.at(-1)).toMatchObject({
      key: 'task-result-reassigned',
      params: { by: 'Sari Handayani' },
    });
    const notices = prompts.filter((p) => p.kind === 'notice' && p.to === 'fajar');
    expect(notices).toHaveLength(1);
    expect(notices[0]?.lines.at(-1)).toMatchObject({
      key: 'notice-task-reassigned',
      params: { to: 'Rina Wulandari' },
    });
    const task = prompts.filter((p) => p.kind === 'task');
    expect(task).toEqual([expect.objectContaining({ to: 'rina', runId: 'input-data-ppk#2' })]);
    expect(task[0]?.lines).toContainEqual({
      key: 'task-files',
      params: { names: 'daftar-ppk.xlsx', count: 1 },
    });
    expect(task[0]?.lines.find((l) => l.key === 'task-due')?.params).toMatchObject({
      due: { instant: freshDue, style: 'time' },
    });

    // Fajar's old buttons are dead; Rina finishes with the file already there.
    expect(
      await send(h, instance, { type: 'complete', actorId: 'fajar', runId: 'input-data-ppk#1' }),
    ).toMatchObject({
      ok: false,
      refusal: { code: 'already-done' },
    });
    expect(await send(h, instance, { type: 'complete', actorId: 'fajar' })).toMatchObject({
      ok: false,
      refusal: { code: 'not-your-task', message: { params: { assignee: 'Rina Wulandari' } } },
    });
    await ok(h, instance, { type: 'complete', actorId: 'rina' });
    // Rina now holds the Staf slot of this instance.
    expect(openRun(await h.current(instance))).toMatchObject({
      stepId: 'verifikasi-data',
      assigneeId: 'dewi',
    });
    const next = await h.advanceTo(instance, 'otentikasi-data');
    expect(openRun(next).assigneeId).toBe('rina');
  });

  test('an admin outside the chain takes a task over', async () => {
    const org = exampleOrgWith(
      '  - id: admin-it\n    name: Admin Pandu\n    position: Staf\n    unit: bidang-infrastruktur\n    admin: true\n',
    );
    const h = createEngineHarness({ org: () => org });
    const instance = await h.start();
    expect(org.isAbove('admin-it', 'tuti')).toBe(false);
    // Being Staf does not let a peer take over; being an admin does.
    expect(await send(h, instance, { type: 'take-over', actorId: 'rina' })).toMatchObject({
      ok: false,
      refusal: { code: 'not-allowed-to-reassign' },
    });
    const prompts = await promptsOf(h, () => ok(h, instance, { type: 'take-over', actorId: 'admin-it' }));
    const saved = await h.current(instance);
    expect(openRun(saved)).toMatchObject({ runId: 'agenda-surat-masuk#2', assigneeId: 'admin-it' });
    expect(saved.events.filter((e) => e.type === 'taken-over')).toEqual([
      expect.objectContaining({
        actorId: 'admin-it',
        data: { from: 'tuti', to: 'admin-it', dueAt: '2026-11-23T02:05:00.000Z' },
      }),
    ]);
    expect(prompts.map((p) => [p.kind, p.to])).toEqual(
      expect.arrayContaining([
        ['task-closed', 'tuti'],
        ['task', 'admin-it'],
      ]),
    );
    await ok(h, instance, { type: 'complete', actorId: 'admin-it' });
    expect((await h.current(instance)).agendaNumbers.incoming).toBe(incoming(1));
  });

  test('a step nobody can do goes to the admins, who take it over', async () => {
    // Nobody is tagged tata-usaha: the registration has no performer.
    const org = exampleOrgWith('', ['    tags: [tata-usaha]\n', '']);
    const h = createEngineHarness({ org: () => org });
    const instance = await h.start();
    expect(openRun(instance)).toMatchObject({ runId: 'agenda-surat-masuk#1', assigneeId: null });
    const toAdmin = h.outbox.prompts().filter((p) => p.to === 'hendra');
    expect(toAdmin).toHaveLength(1);
    expect(toAdmin[0]?.lines.at(-1)).toMatchObject({
      key: 'notice-no-performer',
      params: { position: 'Staf' },
    });
    expect(await send(h, instance, { type: 'reassign', toPersonId: 'rina', actorId: 'sari' })).toMatchObject({
      ok: false,
      refusal: { code: 'not-allowed-to-reassign' },
    });
    await ok(h, instance, { type: 'take-over', actorId: 'hendra' });
    expect(openRun(await h.current(instance))).toMatchObject({
      runId: 'agenda-surat-masuk#2',
      assigneeId: 'hendra',
    });
  });

  test('delegation: the task goes to the delegate, the run and the audit trail name both', async () => {
    const asked: Array<[string, string]> = [];
    const h = createEngineHarness({
      delegateOf: (personId, at) => {
        asked.push([personId, at.toISOString()]);
        return personId === 'hendra' ? 'yusuf' : undefined;
      },
    });
    const instance = await h.start();
    h.clock.advance(60_000);
    const prompts = await promptsOf(h, () => ok(h, instance, { type: 'complete' }));
    expect(asked).toContainEqual(['hendra', '2026-11-23T02:01:00.000Z']);

    let saved = await h.current(instance);
    expect(openRun(saved)).toMatchObject({
      runId: 'disposisi-kapus#1',
      assigneeId: 'yusuf',
      delegatedFrom: 'hendra',
    });
    expect(saved.events.at(-1)).toMatchObject({
      type: 'step-started',
      runId: 'disposisi-kapus#1',
      data: { assigneeId: 'yusuf', delegatedFrom: 'hendra' },
    });
    expect(prompts.filter((p) => p.kind === 'task').map((p) => p.to)).toEqual(['yusuf']);

    // Hendra himself is refused while the delegation holds; Yusuf dispositions as Plh Kapus to
    // a Kabid of the Kapus's unit.
    expect(
      await send(h, instance, {
        type: 'dispose',
        recipientIds: ['sari'],
        instructionId: 'segera',
        actorId: 'hendra',
      }),
    ).toMatchObject({
      ok: false,
      refusal: { code: 'not-your-task', message: { params: { assignee: 'Yusuf Ramadhan' } } },
    });
    const task = prompts.find((p) => p.kind === 'task');
    expect(task?.awaits).toMatchObject({
      kind: 'disposition',
      recipients: [{ id: 'sari' }, { id: 'yusuf' }],
    });
    const closing = await promptsOf(h, () =>
      ok(h, instance, { type: 'dispose', recipientIds: ['sari'], instructionId: 'segera', actorId: 'yusuf' }),
    );
    saved = await h.current(instance);
    expect(saved.events.find((e) => e.type === 'dispositioned')).toMatchObject({ actorId: 'yusuf' });
    expect(runById(saved, 'disposisi-kapus#1')).toMatchObject({ actorId: 'yusuf', outcome: 'dispositioned' });
    // Both the delegate and the person the task was meant for see it closed.
    expect(
      closing
        .filter((p) => p.kind === 'task-closed')
        .map((p) => p.to)
        .sort(),
    ).toEqual(['hendra', 'yusuf']);
    // The Kapus slot stays Hendra's: his later step goes to him (or, while away, his delegate).
    expect(saved.bindings.Kapus).toBe('hendra');
  });
});
