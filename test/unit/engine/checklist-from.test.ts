import type { FileRef, Instance } from '../../../src/core/engine/types.js';
import { DataFileError } from '../../../src/core/errors.js';
import { parseFlow } from '../../../src/core/flow/parse-flow.js';
import { DEFAULT_POSITIONS } from '../../../src/core/org/schema.js';
import { createEngineHarness } from '../../support/engine-harness.js';

type Harness = ReturnType<typeof createEngineHarness>;

/** A file whose handler gave review lines and checklist items (as the PPK list handler does). */
function fileWith(content: Record<string, unknown> | undefined, name = 'daftar.csv'): FileRef {
  return {
    fileId: `f-${name}`,
    name,
    size: 10,
    mimeType: 'text/csv',
    sha256: 'x',
    uploadedBy: 'fajar',
    uploadedAt: '2026-11-23T02:00:00.000Z',
    ...(content ? { content } : {}),
  };
}

const CONTENT = {
  lines: [
    { key: 'ppk-summary-rows', params: { rows: 2 } },
    { key: 'ppk-duplicates-none' },
    'not a message ref',
  ],
  checklist: [
    { id: 'akun-a', label: 'A · PPK · Paket 1' },
    { id: 'akun-b', label: 'B · Pokja Pemilihan · Paket 1' },
    { id: 'rusak' },
  ],
};

async function toAuthentication(h: Harness, content: Record<string, unknown> | undefined): Promise<Instance> {
  const instance = await h.start();
  const ok = async (command: Parameters<Harness['act']>[1]) => {
    const result = await h.act(instance, command);
    if (!result.ok) throw new Error(result.refusal.code);
  };
  await ok({ type: 'complete' });
  await ok({ type: 'dispose', recipientIds: ['sari'], instructionId: 'tindak-lanjut' });
  await ok({ type: 'dispose', recipientIds: ['dewi'], instructionId: 'tindak-lanjut' });
  await ok({ type: 'attach', file: fileWith(content) });
  await ok({ type: 'complete' });
  const review = h.outbox
    .prompts()
    .filter((p) => p.kind === 'task')
    .at(-1);
  expect(review?.runId).toBe('verifikasi-data#1');
  await ok({ type: 'approve' });
  return h.current(instance);
}

describe('checklist items from a file (checklistFrom) and failed items', () => {
  test('the review task shows the file’s content lines; the checklist has one item per entry, each with a fail button', async () => {
    const h = createEngineHarness();
    await toAuthentication(h, CONTENT);
    const tasks = h.outbox.prompts().filter((p) => p.kind === 'task');
    const review = tasks.find((p) => p.runId === 'verifikasi-data#1');
    expect(review?.lines).toEqual(expect.arrayContaining([CONTENT.lines[0], CONTENT.lines[1]]));
    expect(review?.lines).not.toContain('not a message ref');
    const checklist = tasks.at(-1);
    expect(checklist?.runId).toBe('otentikasi-data#1');
    expect(checklist?.actions.filter((a) => !a.id.startsWith('doc:'))).toEqual([
      {
        id: 'check:akun-a',
        label: {
          key: 'action-check',
          params: { label: { text: { id: 'A · PPK · Paket 1', en: 'A · PPK · Paket 1' } } },
        },
        checked: false,
      },
      { id: 'fail:akun-a', label: { key: 'action-fail' }, style: 'danger' },
      {
        id: 'check:akun-b',
        label: {
          key: 'action-check',
          params: {
            label: { text: { id: 'B · Pokja Pemilihan · Paket 1', en: 'B · Pokja Pemilihan · Paket 1' } },
          },
        },
        checked: false,
      },
      { id: 'fail:akun-b', label: { key: 'action-fail' }, style: 'danger' },
    ]);
    expect(checklist?.lines).toContainEqual({
      key: 'task-checklist-progress',
      params: { done: 0, failed: 0, total: 2 },
    });
  });

  test('a failure needs a reason and a known item; a tick clears it; the step completes when every item is done', async () => {
    const h = createEngineHarness();
    const instance = await toAuthentication(h, CONTENT);
    const blank = await h.act(instance, { type: 'fail', itemId: 'akun-a', reason: '  ' });
    expect(!blank.ok && blank.refusal.code).toBe('failure-reason-required');
    const unknown = await h.act(instance, { type: 'fail', itemId: 'akun-z', reason: 'tidak ada' });
    expect(!unknown.ok && unknown.refusal.code).toBe('unknown-item');
    const static_ = await h.act(instance, { type: 'check', itemId: 'akun-user', checked: true });
    expect(!static_.ok && static_.refusal.code).toBe('unknown-item');
    const notYours = await h.act(instance, { type: 'fail', itemId: 'akun-a', reason: 'x', actorId: 'rina' });
    expect(!notYours.ok && notYours.refusal.code).toBe('not-your-task');

    const failed = await h.act(instance, { type: 'fail', itemId: 'akun-a', reason: ' NIP tidak ditemukan ' });
    expect(failed.ok && failed.reply).toEqual({ key: 'reply-item-failed' });
    let current = await h.current(instance);
    expect(h.openRun(current).failed).toEqual([{ itemId: 'akun-a', reason: 'NIP tidak ditemukan' }]);
    expect(current.events.at(-1)).toMatchObject({
      type: 'item-failed',
      data: { itemId: 'akun-a', reason: 'NIP tidak ditemukan' },
    });
    const update = h.outbox.prompts().at(-1);
    expect(update?.kind).toBe('task-update');
    expect(update?.lines).toContainEqual({
      key: 'task-item-failed',
      params: {
        label: { text: { id: 'A · PPK · Paket 1', en: 'A · PPK · Paket 1' } },
        reason: 'NIP tidak ditemukan',
      },
    });
    expect(update?.actions[0]).toEqual({
      id: 'check:akun-a',
      label: {
        key: 'action-item-failed',
        params: { label: { text: { id: 'A · PPK · Paket 1', en: 'A · PPK · Paket 1' } } },
      },
    });

    // A tick on the failed item makes it authenticated instead.
    await h.act(instance, { type: 'check', itemId: 'akun-a', checked: true });
    current = await h.current(instance);
    expect(h.openRun(current)).toMatchObject({ checked: ['akun-a'], failed: [] });
    await h.act(instance, { type: 'fail', itemId: 'akun-a', reason: 'terkunci' });
    expect(h.openRun(await h.current(instance))).toMatchObject({
      checked: [],
      failed: [{ itemId: 'akun-a', reason: 'terkunci' }],
    });

    // Failed counts as done: the last tick completes the step.
    const last = await h.act(instance, { type: 'check', itemId: 'akun-b', checked: true });
    expect(last.ok && last.reply).toEqual({ key: 'reply-checklist-complete' });
    current = await h.current(instance);
    const run = current.runs.find((r) => r.stepId === 'otentikasi-data');
    expect(run).toMatchObject({
      outcome: 'completed',
      checked: ['akun-b'],
      failed: [{ itemId: 'akun-a', reason: 'terkunci' }],
    });
    expect(h.openRun(current).stepId).toBe('draft-laporan');
  });

  test('without content from the file the flow’s own items apply, and static items have no fail button', async () => {
    const h = createEngineHarness();
    const instance = await toAuthentication(h, undefined);
    const task = h.outbox
      .prompts()
      .filter((p) => p.kind === 'task')
      .at(-1);
    expect(task?.actions.map((a) => a.id)).toEqual([
      'check:akun-user',
      'check:ppk',
      'check:panitia',
      'check:paket-lelang',
      'check:pagu',
      // The list it authenticates from, one tap away.
      'doc:f-daftar.csv',
    ]);
    const fail = await h.act(instance, { type: 'fail', itemId: 'ppk', reason: 'data PPK belum lengkap' });
    expect(fail.ok).toBe(true);
  });

  test('fail is only for checklist steps', async () => {
    const h = createEngineHarness();
    const instance = await h.start();
    const result = await h.act(instance, { type: 'fail', itemId: 'kertas', reason: 'habis' });
    expect(!result.ok && result.refusal.code).toBe('action-not-allowed');
  });

  test('a long list shows its open items first, up to 40', async () => {
    const h = createEngineHarness();
    const many = Array.from({ length: 45 }, (_, i) => ({ id: `a${i}`, label: `Akun ${i}` }));
    const instance = await toAuthentication(h, { checklist: many });
    await h.act(instance, { type: 'check', itemId: 'a0', checked: true });
    const update = h.outbox.prompts().at(-1);
    const ids = update?.actions.filter((a) => a.id.startsWith('check:')).map((a) => a.id) ?? [];
    expect(ids).toHaveLength(40);
    expect(ids[0]).toBe('check:a1');
    expect(ids).not.toContain('check:a0');
  });
});

describe('checklistFrom in flow files', () => {
  const POSITIONS = DEFAULT_POSITIONS.map((p) => p.id);
  const flow = (authenticate: string, extra = '') => `id: mini
header:
  number: SOP.UJI.01/2026
  ministry: Kementerian Uji
  issuer: Pusat Uji
  name: { id: Prosedur uji, en: Test procedure }
handlingUnit: pusdatinkomtel
steps:
  - id: masuk
    title: { id: Masuk, en: In }
    performer: ULP
    type: intake
    output: { label: { id: Nota, en: Memo } }
    next: isi
  - id: isi
    title: { id: Isi daftar, en: Fill in the list }
    performer: Staf
    type: data-entry
    output: { label: { id: Daftar, en: List }, file: { accept: [csv] } }
    next: periksa
  - id: periksa
    title: { id: Periksa, en: Check }
    performer: Kasubbid
    type: review
    returnTo: [isi]
    output: { label: { id: Hasil, en: Result } }
    next: otentikasi
  - id: otentikasi
    title: { id: Otentikasi, en: Authenticate }
    performer: Staf
    ${authenticate}
    output: { label: { id: Daftar terotentikasi, en: Authenticated list } }
${extra}`;

  function problems(text: string): string[] {
    try {
      parseFlow(text, 'flows/mini.yaml', POSITIONS);
    } catch (error) {
      expect(error).toBeInstanceOf(DataFileError);
      return (error as DataFileError).problems.map((p) => `${p.field}: ${p.message}`);
    }
    return [];
  }

  test('a checklist step may take its items from an earlier step with a file', () => {
    const parsed = parseFlow(flow('type: checklist\n    checklistFrom: isi'), 'flows/mini.yaml', POSITIONS);
    expect(parsed.steps[3]?.checklistFrom).toBe('isi');
    expect(parsed.steps[3]?.checklist).toEqual([]);
  });

  test('checklistFrom must name an earlier step with an output file, on a checklist step', () => {
    expect(problems(flow('type: checklist\n    checklistFrom: tidak-ada'))).toContain(
      'checklistFrom: no step with id "tidak-ada"',
    );
    expect(problems(flow('type: checklist\n    checklistFrom: periksa'))).toContain(
      'checklistFrom: "periksa" has no output.file to take items from',
    );
    expect(problems(flow('type: checklist'))).toContain(
      'checklist: a checklist step needs at least one item (or checklistFrom)',
    );
    expect(problems(flow('type: drafting\n    checklistFrom: isi'))).toEqual(
      expect.arrayContaining(['checklistFrom: only checklist steps take their items from a file']),
    );
    expect(problems(flow('type: checklist\n    checklistFrom: otentikasi'))).toContain(
      'checklistFrom: "otentikasi" is not an earlier step',
    );
  });
});
