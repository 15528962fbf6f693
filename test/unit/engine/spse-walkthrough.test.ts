import { createEngineHarness } from '../../support/engine-harness.js';
import type { FileRef } from '../../../src/core/engine/types.js';

function file(name: string, uploadedBy: string): FileRef {
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

describe('the SPSE SOP walked through the engine', () => {
  test('from nota dinas to the archived outgoing letter, with a return at step 9 and a named Kasubbid', async () => {
    const h = createEngineHarness();
    const started = await h.start();
    let instance = await h.current(started);
    expect(instance.runs.map((r) => [r.stepId, r.assigneeId])).toEqual([
      ['nota-dinas-masuk', 'ulp-biro-umum'],
      ['agenda-surat-masuk', 'tuti'],
    ]);

    // Step 2: Tata Usaha registers the letter: it gets the first incoming number of the year.
    expect((await h.act(instance, { type: 'complete' })).ok).toBe(true);
    instance = await h.current(instance);
    expect(instance.agendaNumbers.incoming).toBe('001/ND-M/PUSDATINKOMTEL/XI/2026');
    expect(h.openRun(instance)).toMatchObject({ stepId: 'disposisi-kapus', assigneeId: 'hendra' });

    // Step 3: Kapus dispositions to the Kabid of applications.
    await h.act(instance, {
      type: 'dispose',
      recipientIds: ['sari'],
      instructionId: 'tindak-lanjut',
      note: 'Mohon segera',
    });
    instance = await h.current(instance);
    expect(h.openRun(instance)).toMatchObject({ stepId: 'disposisi-kabid', assigneeId: 'sari' });

    // Step 4: the Kabid names a specific Kasubbid (Dewi, not the first Kasubbid in the org file).
    await h.act(instance, { type: 'dispose', recipientIds: ['dewi'], instructionId: 'pelajari-laporkan' });
    instance = await h.current(instance);
    expect(instance.handlingUnitId).toBe('subbid-sisfo');

    // Step 5: the staff of Dewi's subdivision enters the data as a file.
    expect(h.openRun(instance)).toMatchObject({ stepId: 'input-data-ppk', assigneeId: 'fajar' });
    const refused = await h.act(instance, { type: 'complete' });
    expect(refused).toMatchObject({ ok: false, refusal: { code: 'missing-items' } });
    await h.act(instance, { type: 'attach', file: file('daftar-ppk.xlsx', 'fajar') });
    await h.act(instance, { type: 'complete' });
    instance = await h.current(instance);

    // Step 6: Dewi verifies.
    expect(h.openRun(instance)).toMatchObject({ stepId: 'verifikasi-data', assigneeId: 'dewi' });
    await h.act(instance, { type: 'approve' });
    instance = await h.current(instance);

    // Step 7: the checklist completes itself when the last item is ticked.
    const checklist = h.flow.steps.find((s) => s.id === 'otentikasi-data')?.checklist ?? [];
    for (const item of checklist) await h.act(instance, { type: 'check', itemId: item.id, checked: true });
    instance = await h.current(instance);

    // Step 8: the draft report.
    expect(h.openRun(instance)).toMatchObject({ stepId: 'draft-laporan', assigneeId: 'fajar' });
    await h.act(instance, { type: 'attach', file: file('draft-laporan.docx', 'fajar') });
    await h.act(instance, { type: 'complete' });
    instance = await h.current(instance);

    // Step 9: Dewi returns the draft with a reason; it goes back to Fajar, then comes back.
    expect(h.openRun(instance)).toMatchObject({ stepId: 'periksa-draft', assigneeId: 'dewi' });
    await h.act(instance, { type: 'return', reason: 'Lampiran pagu belum sesuai' });
    instance = await h.current(instance);
    expect(h.openRun(instance)).toMatchObject({ runId: 'draft-laporan#2', assigneeId: 'fajar' });
    await h.act(instance, { type: 'attach', file: file('draft-laporan-v2.docx', 'fajar') });
    await h.act(instance, { type: 'complete' });
    instance = await h.current(instance);
    expect(h.openRun(instance)).toMatchObject({ runId: 'periksa-draft#2', assigneeId: 'dewi' });
    await h.act(instance, { type: 'approve' });
    instance = await h.current(instance);

    // Step 10: the same Kapus who dispositioned approves.
    expect(h.openRun(instance)).toMatchObject({ stepId: 'persetujuan-kapus', assigneeId: 'hendra' });
    await h.act(instance, { type: 'approve' });
    instance = await h.current(instance);

    // Step 11: Tata Usaha registers the outgoing letter in the outgoing book.
    expect(h.openRun(instance)).toMatchObject({ stepId: 'agenda-surat-keluar', assigneeId: 'tuti' });
    await h.act(instance, { type: 'complete' });
    instance = await h.current(instance);

    expect(instance.status).toBe('completed');
    expect(instance.agendaNumbers.outgoing).toBe('001/ND-K/PUSDATINKOMTEL/XI/2026');
    expect(instance.runs.filter((r) => r.endedAt).map((r) => r.stepId)).toEqual([
      'nota-dinas-masuk',
      'agenda-surat-masuk',
      'disposisi-kapus',
      'disposisi-kabid',
      'input-data-ppk',
      'verifikasi-data',
      'otentikasi-data',
      'draft-laporan',
      'periksa-draft',
      'draft-laporan',
      'periksa-draft',
      'persetujuan-kapus',
      'agenda-surat-keluar',
    ]);
    // The audit trail is ordered, in UTC, and says through which channel each thing was done.
    expect(instance.events.map((e) => e.seq)).toEqual(instance.events.map((_, i) => i + 1));
    expect(instance.events.every((e) => e.at.endsWith('Z') && e.channel === 'telegram')).toBe(true);
    expect(instance.events.filter((e) => e.type === 'returned')).toEqual([
      expect.objectContaining({
        actorId: 'dewi',
        stepId: 'periksa-draft',
        data: { reason: 'Lampiran pagu belum sesuai', to: 'draft-laporan' },
      }),
    ]);
    expect(instance.events.at(-1)?.type).toBe('instance-completed');
    // The requester heard of the end, and their card says it is done.
    const toRequester = h.outbox.prompts().filter((p) => p.to === 'ulp-biro-umum');
    expect(toRequester.slice(-2).map((p) => [p.kind, p.lines.at(-1)?.key])).toEqual([
      ['notice', 'notice-instance-completed'],
      ['card', 'card-completed'],
    ]);
  });

  test('every step run records when it started and ended, and timed steps carry a due time', async () => {
    const h = createEngineHarness();
    const instance = await h.start();
    h.clock.advance(3 * 60_000);
    await h.act(instance, { type: 'complete' });
    const saved = await h.current(instance);
    const register = saved.runs.find((r) => r.stepId === 'agenda-surat-masuk');
    expect(register).toMatchObject({
      startedAt: '2026-11-23T02:00:00.000Z',
      dueAt: '2026-11-23T02:05:00.000Z',
      endedAt: '2026-11-23T02:03:00.000Z',
      actorId: 'tuti',
      outcome: 'registered',
    });
    expect(saved.runs.find((r) => r.stepId === 'nota-dinas-masuk')?.dueAt).toBeNull();
  });
});
