import { readFileSync } from 'node:fs';
import type { Command } from '../../../src/core/engine/commands.js';
import { decide } from '../../../src/core/engine/decide.js';
import type { EngineContext } from '../../../src/core/engine/engine-context.js';
import type { Instance, Prompt, StepRun } from '../../../src/core/engine/types.js';
import { parseFlow } from '../../../src/core/flow/parse-flow.js';
import { parseOrg } from '../../../src/core/org/check-org.js';
import { FlowRegistry } from '../../../src/core/service/flow-registry.js';
import type { ServiceResult } from '../../../src/core/service/sop-service.js';
import { accepted, createEngineHarness } from '../../support/engine-harness.js';
import { MemoryOutbox } from '../../support/fakes/memory-ports.js';
import { EXAMPLE_ORG_FILE, SPSE_FLOW_FILE } from '../../support/paths.js';

type Harness = ReturnType<typeof createEngineHarness>;
type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
type Input = DistributiveOmit<Command, 'instanceId' | 'runId' | 'actorId' | 'channel' | 'idempotencyKey'> &
  Partial<Pick<Command, 'actorId' | 'runId' | 'idempotencyKey'>>;

/** Remembers every prompt id handed to the outbox, duplicates included. */
class CountingOutbox extends MemoryOutbox {
  readonly given: string[] = [];

  override enqueue(prompts: Prompt[]): Promise<void> {
    this.given.push(...prompts.map((p) => p.id));
    return super.enqueue(prompts);
  }
}

const SUBJECT = 'Pemanfaatan SPSE untuk pengadaan 2027';
const SOP = 'SOP.TPD.01/KDN/2011';

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

/** The prompts enqueued while `action` ran. */
async function promptsOf(h: Harness, action: () => Promise<unknown>): Promise<Prompt[]> {
  const before = h.outbox.prompts().length;
  await action();
  return h.outbox.prompts().slice(before);
}

/** Does the open step the plain way (the harness's walker); returns the prompts it produced. */
function doOpenStep(h: Harness, instance: Instance): Promise<Prompt[]> {
  return promptsOf(h, () => h.doOpenStep(instance));
}

function openRun(instance: Instance): StepRun {
  const run = instance.runs.find((r) => !r.endedAt);
  if (!run) throw new Error('no open run');
  return run;
}

function only<T>(items: T[]): T {
  expect(items).toHaveLength(1);
  return items[0] as T;
}

const stepTitle = (h: Harness, id: string) => h.flow.steps.find((s) => s.id === id)?.title;

describe('a new task prompt', () => {
  test('has the header, step, kelengkapan, output and due lines', async () => {
    const h = createEngineHarness();
    const prompts = await promptsOf(h, () => h.start(SUBJECT));
    const task = only(prompts.filter((p) => p.kind === 'task' && p.to === 'tuti'));
    const step = h.flow.steps[1];
    expect(task.runId).toBe('agenda-surat-masuk#1');
    expect(task.lines.map((l) => l.key)).toEqual([
      'task-header',
      'task-step',
      'task-kelengkapan-title',
      'task-item',
      'task-item',
      'task-item',
      'task-output',
      'task-due',
    ]);
    expect(task.lines[0]).toEqual({
      key: 'task-header',
      params: { sop: SOP, agenda: '-', subject: SUBJECT, unit: 'Biro Umum Sekretariat Jenderal' },
    });
    expect(task.lines[1]).toEqual({
      key: 'task-step',
      params: { number: 2, total: 11, title: { text: step?.title } },
    });
    expect(task.lines.slice(3, 6).map((l) => l.params)).toEqual(
      step?.kelengkapan.map((k) => ({ label: { text: k.label }, state: 'open' })),
    );
    expect(task.lines[6]).toEqual({ key: 'task-output', params: { label: { text: step?.output.label } } });
    expect(task.lines[7]).toEqual({
      key: 'task-due',
      params: { due: { instant: '2026-11-23T02:05:00.000Z', style: 'time' }, standard: { minutes: 5 } },
    });
  });

  test('a later task carries the agenda number and the disposition it follows', async () => {
    const h = createEngineHarness();
    const instance = await h.advanceTo(await h.start(SUBJECT), 'disposisi-kapus');
    const prompts = await promptsOf(h, () =>
      ok(h, instance, {
        type: 'dispose',
        recipientIds: ['sari'],
        instructionId: 'segera',
        note: 'Mohon dipercepat',
      }),
    );
    const task = only(prompts.filter((p) => p.kind === 'task'));
    expect(task.to).toBe('sari');
    expect(task.lines[0]?.params).toMatchObject({ agenda: '001/ND-M/PUSDATINKOMTEL/XI/2026' });
    expect(task.lines).toContainEqual({
      key: 'task-disposition',
      params: {
        by: 'Hendra Wijaya',
        instruction: { text: h.flow.instructions.find((i) => i.id === 'segera')?.label },
        note: ' — Mohon dipercepat',
      },
    });
  });

  test('after a return, the task says who returned it and why', async () => {
    const h = createEngineHarness();
    const instance = await h.advanceTo(await h.start(SUBJECT), 'periksa-draft');
    const prompts = await promptsOf(h, () =>
      ok(h, instance, { type: 'return', reason: 'Lampiran pagu belum sesuai' }),
    );
    const task = only(prompts.filter((p) => p.kind === 'task'));
    expect(task).toMatchObject({ to: 'fajar', runId: 'draft-laporan#2' });
    expect(task.lines).toContainEqual({
      key: 'task-returned-reason',
      params: { by: 'Dewi Lestari', reason: 'Lampiran pagu belum sesuai' },
    });
    const notice = only(prompts.filter((p) => p.to === 'ulp-biro-umum'));
    expect(notice.lines.at(-1)).toEqual({
      key: 'notice-progress-returned',
      params: { step: { text: stepTitle(h, 'periksa-draft') }, to: { text: stepTitle(h, 'draft-laporan') } },
    });
  });
});

describe('actions per step type', () => {
  test('register: complete, nothing awaited', async () => {
    const h = createEngineHarness();
    await h.start(SUBJECT);
    const task = only(h.outbox.prompts().filter((p) => p.kind === 'task' && p.to === 'tuti'));
    expect(task.actions).toEqual([{ id: 'complete', label: { key: 'action-register' }, style: 'primary' }]);
    expect(task.awaits).toBeUndefined();
  });

  test("disposition: dispose, awaiting a choice among the Kabid of the Kapus's unit and the flow's instructions", async () => {
    // A Kabid outside the centre must not be offered.
    const org = parseOrg(
      `${readFileSync(EXAMPLE_ORG_FILE, 'utf8').trimEnd()}\n  - id: kabid-dukcapil\n    name: Kabid Dukcapil\n    position: Kabid\n    unit: ditjen-dukcapil\n`,
      'org.test.yaml',
    );
    const h = createEngineHarness({ org: () => org });
    const instance = await h.start(SUBJECT);
    const prompts = await promptsOf(h, () => ok(h, instance, { type: 'complete' }));
    const task = only(prompts.filter((p) => p.kind === 'task'));
    expect(task.to).toBe('hendra');
    expect(task.actions).toEqual([{ id: 'dispose', label: { key: 'action-dispose' }, style: 'primary' }]);
    expect(task.awaits).toEqual({
      kind: 'disposition',
      recipients: [
        { id: 'sari', name: 'Sari Handayani', position: 'Kabid' },
        { id: 'yusuf', name: 'Yusuf Ramadhan', position: 'Kabid' },
      ],
      instructions: h.flow.instructions,
    });
    expect(h.flow.instructions.map((i) => i.id)).toContain('tindak-lanjut');

    // The Kabid's disposition offers only the Kasubbid of her own division (not Agus of Subbag TU).
    const next = await promptsOf(h, () =>
      ok(h, instance, { type: 'dispose', recipientIds: ['sari'], instructionId: 'tindak-lanjut' }),
    );
    const kabidTask = only(next.filter((p) => p.kind === 'task'));
    expect(kabidTask.awaits).toMatchObject({
      kind: 'disposition',
      recipients: [{ id: 'bambang' }, { id: 'dewi' }],
    });
  });

  test('data entry: submit, awaiting a file of the accepted types', async () => {
    const h = createEngineHarness();
    const instance = await h.advanceTo(await h.start(SUBJECT), 'input-data-ppk');
    const task = h.outbox
      .prompts()
      .filter((p) => p.kind === 'task')
      .at(-1);
    expect(task).toMatchObject({ to: 'fajar', runId: openRun(instance).runId });
    expect(task?.actions).toEqual([{ id: 'complete', label: { key: 'action-submit' }, style: 'primary' }]);
    expect(task?.awaits).toEqual({ kind: 'file', accept: ['xlsx', 'csv'] });
  });

  test('review: approve and return', async () => {
    const h = createEngineHarness();
    await h.advanceTo(await h.start(SUBJECT), 'verifikasi-data');
    const task = h.outbox
      .prompts()
      .filter((p) => p.kind === 'task')
      .at(-1);
    expect(task?.to).toBe('dewi');
    expect(task?.actions).toEqual([
      { id: 'approve', label: { key: 'action-approve' }, style: 'primary' },
      { id: 'return', label: { key: 'action-return' }, style: 'danger' },
    ]);
  });

  test('required kelengkapan items get a toggle before the step actions', async () => {
    const text = readFileSync(SPSE_FLOW_FILE, 'utf8').replace(
      '- { id: kertas-kerja, label: { id: Kertas kerja, en: Worksheet } }',
      '- { id: kertas-kerja, label: { id: Kertas kerja, en: Worksheet }, required: true }',
    );
    const h = createEngineHarness({ flows: new FlowRegistry([parseFlow(text, 'spse-required.yaml')]) });
    const instance = await h.advanceTo(await h.start(SUBJECT), 'verifikasi-data');
    const task = h.outbox
      .prompts()
      .filter((p) => p.kind === 'task')
      .at(-1);
    expect(task?.actions.map((a) => [a.id, a.checked])).toEqual([
      ['check:kertas-kerja', false],
      ['approve', undefined],
      ['return', undefined],
    ]);
    expect(task?.lines.filter((l) => l.key === 'task-item').map((l) => l.params?.state)).toEqual([
      'required',
      'open',
    ]);

    const update = only(
      await promptsOf(h, () => ok(h, instance, { type: 'check', itemId: 'kertas-kerja', checked: true })),
    );
    expect(update.kind).toBe('task-update');
    expect(update.actions[0]).toMatchObject({ id: 'check:kertas-kerja', checked: true });
    expect(update.lines.filter((l) => l.key === 'task-item').map((l) => l.params?.state)).toEqual([
      'done',
      'open',
    ]);
  });

  test('checklist: one check action per item, with its checked flag; a tick is a task-update', async () => {
    const h = createEngineHarness();
    const instance = await h.advanceTo(await h.start(SUBJECT), 'otentikasi-data');
    const items = h.flow.steps.find((s) => s.id === 'otentikasi-data')?.checklist ?? [];
    expect(items).toHaveLength(5);
    const task = h.outbox
      .prompts()
      .filter((p) => p.kind === 'task')
      .at(-1);
    expect(task?.actions).toEqual(
      items.map((i) => ({
        id: `check:${i.id}`,
        label: { key: 'action-check', params: { label: { text: i.label } } },
        checked: false,
      })),
    );

    const ticked = only(
      await promptsOf(h, () => ok(h, instance, { type: 'check', itemId: 'ppk', checked: true })),
    );
    expect(ticked).toMatchObject({ kind: 'task-update', to: 'fajar', runId: 'otentikasi-data#1' });
    expect(ticked.actions.map((a) => [a.id, a.checked])).toEqual(
      items.map((i) => [`check:${i.id}`, i.id === 'ppk']),
    );

    const unticked = only(
      await promptsOf(h, () => ok(h, instance, { type: 'check', itemId: 'ppk', checked: false })),
    );
    expect(unticked.kind).toBe('task-update');
    expect(unticked.actions.every((a) => a.checked === false)).toBe(true);

    // The last tick closes the step instead of updating it.
    for (const item of items.slice(0, -1))
      await ok(h, instance, { type: 'check', itemId: item.id, checked: true });
    const last = await promptsOf(h, () =>
      ok(h, instance, { type: 'check', itemId: items.at(-1)?.id ?? '', checked: true }),
    );
    expect(last.filter((p) => p.kind === 'task-update')).toEqual([]);
    expect(only(last.filter((p) => p.kind === 'task-closed')).lines.at(-1)).toMatchObject({
      key: 'task-result-completed',
      params: { by: 'Fajar Nugroho' },
    });
  });
});

describe('closing and progress', () => {
  test('a finished step closes its task with the result line', async () => {
    const h = createEngineHarness();
    const instance = await h.start(SUBJECT);
    h.clock.advance(4 * 60_000);
    const prompts = await promptsOf(h, () => ok(h, instance, { type: 'complete' }));
    const closed = only(prompts.filter((p) => p.kind === 'task-closed'));
    expect(closed).toEqual({
      id: `${instance.id}:2:1`,
      to: 'tuti',
      instanceId: instance.id,
      runId: 'agenda-surat-masuk#1',
      kind: 'task-closed',
      lines: [
        {
          key: 'task-header',
          params: {
            sop: SOP,
            agenda: '001/ND-M/PUSDATINKOMTEL/XI/2026',
            subject: SUBJECT,
            unit: 'Biro Umum Sekretariat Jenderal',
          },
        },
        {
          key: 'task-step',
          params: { number: 2, total: 11, title: { text: stepTitle(h, 'agenda-surat-masuk') } },
        },
        {
          key: 'task-result-registered',
          params: {
            by: 'Tuti Rahayu',
            at: { instant: '2026-11-23T02:04:00.000Z', style: 'time' },
            agenda: '001/ND-M/PUSDATINKOMTEL/XI/2026',
          },
        },
      ],
      actions: [],
    });
  });

  test('the requester hears of each finished step, and of the end', async () => {
    const h = createEngineHarness();
    const instance = await h.start(SUBJECT);
    const heard: Array<{ key: string; number: unknown; by: unknown }> = [];
    for (let step = 2; step <= 11; step++) {
      const prompts = await doOpenStep(h, instance);
      const toRequester = prompts.filter((p) => p.to === 'ulp-biro-umum');
      const notice = only(toRequester);
      expect(notice.kind).toBe('notice');
      const line = notice.lines.at(-1);
      heard.push({ key: line?.key ?? '', number: line?.params?.number, by: line?.params?.by });
    }
    expect(heard).toEqual([
      { key: 'notice-progress', number: 2, by: 'Tuti Rahayu' },
      { key: 'notice-progress', number: 3, by: 'Hendra Wijaya' },
      { key: 'notice-progress', number: 4, by: 'Sari Handayani' },
      { key: 'notice-progress', number: 5, by: 'Fajar Nugroho' },
      { key: 'notice-progress', number: 6, by: 'Dewi Lestari' },
      { key: 'notice-progress', number: 7, by: 'Fajar Nugroho' },
      { key: 'notice-progress', number: 8, by: 'Fajar Nugroho' },
      { key: 'notice-progress', number: 9, by: 'Dewi Lestari' },
      { key: 'notice-progress', number: 10, by: 'Hendra Wijaya' },
      { key: 'notice-instance-completed', number: undefined, by: undefined },
    ]);
    expect((await h.current(instance)).status).toBe('completed');
  });

  test("another unit's request: the intake goes to its own ULP, no other ULP hears of it", async () => {
    const h = createEngineHarness();
    const instance = await h.start('Pemanfaatan SPSE Dukcapil', 'ulp-dukcapil');
    expect(instance.runs[0]).toMatchObject({
      stepId: 'nota-dinas-masuk',
      assigneeId: 'ulp-dukcapil',
      actorId: 'ulp-dukcapil',
    });
    expect(h.outbox.prompts().filter((p) => p.to === 'ulp-biro-umum')).toEqual([]);
    // The requester's own intake is opened and closed at once (a receipt); the work goes to Tata Usaha.
    expect(h.outbox.prompts().map((p) => [p.kind, p.to, p.runId])).toEqual([
      ['task', 'ulp-dukcapil', 'nota-dinas-masuk#1'],
      ['task-closed', 'ulp-dukcapil', 'nota-dinas-masuk#1'],
      ['task', 'tuti', 'agenda-surat-masuk#1'],
    ]);
    const prompts = await doOpenStep(h, instance);
    expect(prompts.filter((p) => p.to.startsWith('ulp-')).map((p) => p.to)).toEqual(['ulp-dukcapil']);
  });
});

describe('prompt ids', () => {
  test('the same decision twice gives the same prompts with the same ids', async () => {
    const h = createEngineHarness();
    const instance = await h.advanceTo(await h.start(SUBJECT), 'disposisi-kapus');
    const ctx: EngineContext = {
      flow: h.flow,
      org: h.org,
      now: h.clock.now(),
      dueAt: (start, ms) => new Date(start.getTime() + ms),
    };
    const command: Command = {
      type: 'dispose',
      recipientIds: ['sari', 'yusuf'],
      instructionId: 'tindak-lanjut',
      instanceId: instance.id,
      runId: 'disposisi-kapus#1',
      actorId: 'hendra',
      channel: 'slack',
      idempotencyKey: 'k',
    };
    const first = decide(ctx, instance, command);
    const second = decide(ctx, structuredClone(instance), command);
    if (!first.ok || !second.ok) throw new Error('refused');
    expect(second).toEqual(first);
    const ids = first.prompts.map((p) => p.id);
    expect(ids.length).toBeGreaterThan(2);
    expect(ids).toEqual(first.prompts.map((_, i) => `${instance.id}:${instance.version + 1}:${i + 1}`));
  });

  test('no two prompts of a whole walk share an id (the outbox would drop one)', async () => {
    const outbox = new CountingOutbox();
    const h = createEngineHarness({ outbox });
    const instance = await h.start(SUBJECT);
    await doOpenStep(h, instance);
    await h.advanceTo(instance, 'periksa-draft');
    await ok(h, instance, { type: 'return', reason: 'Perbaiki lampiran' });
    for (let guard = 0; guard < 10 && (await h.current(instance)).status === 'active'; guard++) {
      await doOpenStep(h, instance);
    }
    expect((await h.current(instance)).status).toBe('completed');
    expect(outbox.given.length).toBeGreaterThan(30);
    expect(new Set(outbox.given).size).toBe(outbox.given.length);
    expect(outbox.prompts()).toHaveLength(outbox.given.length);
  });
});
