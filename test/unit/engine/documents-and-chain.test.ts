import { documentVersions, documentsForStep, REQUEST } from '../../../src/core/engine/documents.js';
import type { FileRef, Instance, Prompt } from '../../../src/core/engine/types.js';
import { parseFlow } from '../../../src/core/flow/parse-flow.js';
import { accepted, createEngineHarness, walkerFile } from '../../support/engine-harness.js';

/**
 * People see what they act on: every task lists the documents of its step (the request's memo and
 * the latest version of every earlier output), reading steps get the files with the task, a new
 * version says what it replaces and why, the disposition chain travels with the instance, and
 * everyone a disposition names who does not hold the next task is told.
 */
type Harness = ReturnType<typeof createEngineHarness>;

const MEMO: FileRef = {
  fileId: 'f-nota-dinas',
  name: 'nota-dinas.pdf',
  size: 48_000,
  mimeType: 'application/pdf',
  sha256: 'ab'.repeat(32),
  uploadedBy: 'ulp-biro-umum',
  uploadedAt: '2026-11-23T02:00:00.000Z',
};

async function promptsOf(h: Harness, action: () => Promise<unknown>): Promise<Prompt[]> {
  const before = h.outbox.prompts().length;
  await action();
  return h.outbox.prompts().slice(before);
}

const step = (h: Harness, id: string) => {
  const found = h.flow.steps.find((s) => s.id === id);
  if (!found) throw new Error(`no step ${id}`);
  return found;
};

describe('documents with every task', () => {
  test('a reading step (registration) gets the memo with its task, listed by name, version, size and sender', async () => {
    const h = createEngineHarness();
    await h.start(undefined, undefined, MEMO);
    const toTuti = h.outbox.prompts().filter((p) => p.to === 'tuti');
    expect(toTuti.map((p) => p.kind)).toEqual(['task', 'notice']);
    const [task, file] = toTuti as [Prompt, Prompt];
    expect(task.lines).toContainEqual({
      key: 'task-document',
      params: {
        label: { text: step(h, 'nota-dinas-masuk').output.label },
        name: 'nota-dinas.pdf',
        version: 1,
        size: { bytes: 48_000 },
        from: 'Andi Pratama',
        replaces: '',
      },
    });
    // It comes with the task: no button needed.
    expect(task.actions.some((a) => a.id.startsWith('doc:'))).toBe(false);
    expect(file.file).toEqual({
      fileId: 'f-nota-dinas',
      name: 'nota-dinas.pdf',
      mimeType: 'application/pdf',
    });
    expect(file.runId).toBe('agenda-surat-masuk#1');
  });

  test('a step that is not for reading lists its documents with a button for each', async () => {
    const h = createEngineHarness();
    const instance = await h.advanceTo(await h.start(undefined, undefined, MEMO), 'input-data-ppk');
    const task = h.outbox
      .prompts()
      .filter((p) => p.kind === 'task' && p.runId === 'input-data-ppk#1')
      .at(-1);
    expect(task?.actions.filter((a) => a.id.startsWith('doc:'))).toEqual([
      {
        id: 'doc:f-nota-dinas',
        label: { key: 'action-document', params: { name: 'nota-dinas.pdf', version: 1 } },
      },
    ]);
    expect(h.outbox.prompts().filter((p) => p.to === 'fajar' && p.file)).toEqual([]);
    expect(documentsForStep(h.flow, instance, step(h, 'input-data-ppk')).map((d) => d.source)).toEqual([
      REQUEST,
    ]);
  });

  test('after a return the next upload is v2, replacing v1, and says who returned it and why', async () => {
    const h = createEngineHarness();
    let instance = await h.advanceTo(await h.start(undefined, undefined, MEMO), 'periksa-draft');
    h.clock.advance(60_000);
    accepted(await h.act(instance, { type: 'return', reason: 'Lampiran pagu belum sesuai' }), 'return');
    h.clock.advance(60_000);
    const v2: FileRef = {
      ...walkerFile(step(h, 'draft-laporan')),
      fileId: 'f-draft-v2',
      name: 'draft-v2.docx',
      uploadedAt: h.clock.now().toISOString(),
    };
    accepted(await h.act(instance, { type: 'attach', file: v2 }), 'attach');
    const review = await promptsOf(h, async () =>
      accepted(await h.act(instance, { type: 'complete' }), 'complete'),
    );
    instance = await h.current(instance);

    const drafts = documentVersions(h.flow, instance).filter((d) => d.source === 'draft-laporan');
    expect(drafts.map((d) => [d.file.name, d.version, d.replaces])).toEqual([
      ['draft-laporan.pdf', 1, undefined],
      ['draft-v2.docx', 2, { version: 1, returnedBy: 'dewi', reason: 'Lampiran pagu belum sesuai' }],
    ]);
    // The reviewer gets v2 with the task, and the task says it replaces v1 and why.
    const task = review.find((p) => p.kind === 'task' && p.to === 'dewi');
    const line = task?.lines.find((l) => l.key === 'task-document' && l.params?.['name'] === 'draft-v2.docx');
    expect(line?.params?.['replaces']).toEqual({
      ref: {
        key: 'task-document-replaces-returned',
        params: { old: 1, by: 'Dewi Lestari', reason: 'Lampiran pagu belum sesuai' },
      },
    });
    expect(review.filter((p) => p.to === 'dewi' && p.file).map((p) => p.file?.name)).toContain(
      'draft-v2.docx',
    );
    expect(review.filter((p) => p.to === 'dewi' && p.file).map((p) => p.file?.name)).not.toContain(
      'draft-laporan.pdf',
    );
  });

  test('a step can name what it acts on and whether its task sends it (documents.from / send)', () => {
    const flow = parseFlow(
      `id: mini
header: { number: X, ministry: K, issuer: P, name: { id: Uji, en: Test } }
handlingUnit: pusdatinkomtel
steps:
  - { id: masuk, title: { id: Masuk, en: In }, performer: ULP, type: intake, output: { label: { id: ND, en: Memo } }, next: isi }
  - id: isi
    title: { id: Isi, en: Fill }
    performer: Staf
    type: data-entry
    standard: 5m
    output: { label: { id: Daftar, en: List }, file: { accept: [csv] } }
    next: cek
  - id: cek
    title: { id: Cek, en: Check }
    performer: Kasubbid
    type: review
    returnTo: [isi]
    standard: 5m
    documents: { from: [isi], send: false }
    output: { label: { id: Hasil, en: Result } }
`,
      'flows/mini.yaml',
    );
    expect(flow.steps[2]?.documents).toEqual({ from: ['isi'], send: false });
    expect(() =>
      parseFlow(
        `id: mini
header: { number: X, ministry: K, issuer: P, name: { id: Uji, en: Test } }
handlingUnit: pusdatinkomtel
steps:
  - { id: masuk, title: { id: Masuk, en: In }, performer: ULP, type: intake, output: { label: { id: ND, en: Memo } }, next: cek }
  - { id: cek, title: { id: Cek, en: Check }, performer: Staf, type: register, book: incoming, standard: 5m, documents: { from: [nanti] }, output: { label: { id: A, en: A } } }
`,
        'flows/mini.yaml',
      ),
    ).toThrow(/flows\/mini\.yaml \[step 2 "cek"\] documents\.from\.0: no step with id "nanti"/);
  });
});

describe('the disposition chain', () => {
  async function disposedTwice(h: Harness): Promise<{ instance: Instance; prompts: Prompt[] }> {
    const instance = await h.advanceTo(await h.start(undefined, undefined, MEMO), 'disposisi-kapus');
    accepted(
      await h.act(instance, {
        type: 'dispose',
        recipientIds: ['sari'],
        instructionId: 'tindak-lanjut',
        note: 'koordinasikan dengan ULP Biro Umum',
      }),
      'dispose',
    );
    const prompts = await promptsOf(h, async () =>
      accepted(
        await h.act(instance, { type: 'dispose', recipientIds: ['dewi'], instructionId: 'proses' }),
        'dispose',
      ),
    );
    return { instance: await h.current(instance), prompts };
  }

  test("the staff task shows the whole chain, the Kapus's note too", async () => {
    const h = createEngineHarness();
    const { prompts } = await disposedTwice(h);
    const task = prompts.find((p) => p.kind === 'task' && p.to === 'fajar');
    const entries = task?.lines
      .filter((l) => l.key === 'task-chain-entry')
      .map((l) => [l.params?.['from'], l.params?.['to'], l.params?.['note']]);
    expect(entries).toEqual([
      ['Hendra Wijaya', 'Sari Handayani', ' — koordinasikan dengan ULP Biro Umum'],
      ['Sari Handayani', 'Dewi Lestari', ''],
    ]);
  });

  test('the Kasubbid the Kabid named is told, with the chain and who now holds the task', async () => {
    const h = createEngineHarness();
    const { prompts } = await disposedTwice(h);
    const told = prompts.filter((p) => p.to === 'dewi');
    expect(told.map((p) => p.kind)).toEqual(['notice']);
    const keys = told[0]?.lines.map((l) => l.key);
    expect(keys).toEqual(
      expect.arrayContaining(['notice-disposition-named', 'task-chain-title', 'notice-disposition-holder']),
    );
    expect(told[0]?.lines.find((l) => l.key === 'notice-disposition-holder')?.params).toMatchObject({
      name: 'Fajar Nugroho',
      number: 5,
    });
  });

  test("the Kapus's own approval shows the chain as history, not as a disposition to him", async () => {
    const h = createEngineHarness();
    const { instance } = await disposedTwice(h);
    await h.advanceTo(instance, 'persetujuan-kapus');
    const task = h.outbox
      .prompts()
      .filter((p) => p.kind === 'task' && p.to === 'hendra')
      .at(-1);
    expect(task?.lines.some((l) => l.key === 'task-chain-title')).toBe(true);
    expect(task?.lines.some((l) => l.key === 'task-disposition')).toBe(false);
  });
});
