import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { App } from '../../src/app.js';
import type { Command } from '../../src/core/engine/commands.js';
import { checklistItems } from '../../src/core/engine/task-prompts.js';
import type { Instance, Prompt } from '../../src/core/engine/types.js';
import { stepTypeSpec } from '../../src/core/flow/step-types.js';
import { sha256Hex } from '../../src/files/paper/index.js';
import { editLetter } from '../../src/features/paper/letter.js';
import { paperFeature } from '../../src/features/paper/index.js';
import { startTestApp } from '../support/app-rig.js';
import { readPdf } from '../unit/files/paper/read-pdf.js';
import { docxParagraphs, readZipEntries } from '../unit/files/paper/read-zip.js';

const DISPOSE_TO: Record<string, string> = { 'disposisi-kapus': 'sari', 'disposisi-kabid': 'dewi' };
const PUBLIC_URL = 'https://pandu.example.go.id';

describe('the paper feature in the running service', () => {
  let app: App;
  let dir: string;
  let keys = 0;
  const paper = () => {
    const api = app.feature(paperFeature());
    if (!api) throw new Error('the paper feature is not installed');
    return api;
  };

  beforeAll(async () => {
    app = await startTestApp({ features: [paperFeature()], env: { PUBLIC_URL } });
    dir = await mkdtemp(join(tmpdir(), 'pandu-paper-'));
  });

  afterAll(async () => {
    await app?.stop();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  const put = (name: string, text: string, by: string) =>
    app.storage.files.put(Buffer.from(text), {
      name,
      mimeType: 'application/octet-stream',
      uploadedBy: by,
      uploadedAt: new Date(),
    });

  async function act(instance: Instance, command: Record<string, unknown>): Promise<void> {
    const latest = (await app.service.get(instance.id)) as Instance;
    const run = latest.runs.find((r) => !r.endedAt);
    if (!run) throw new Error('no open run');
    const result = await app.service.act({
      instanceId: latest.id,
      runId: run.runId,
      actorId: run.assigneeId ?? '',
      channel: 'telegram',
      idempotencyKey: `k${++keys}`,
      ...command,
    } as Command);
    if (!result.ok) throw new Error(`${command['type'] as string} refused: ${result.refusal.code}`);
  }

  /** Does the open step the plain way; returns the step it did. */
  async function doOpenStep(instance: Instance): Promise<string> {
    const latest = (await app.service.get(instance.id)) as Instance;
    const run = latest.runs.find((r) => !r.endedAt);
    const flow = app.service.flow(latest.flowId);
    const step = flow?.steps.find((s) => s.id === run?.stepId);
    if (!run || !step) throw new Error('nothing open');
    const spec = stepTypeSpec(step.type);
    if (spec.accepts.includes('dispose'))
      await act(latest, {
        type: 'dispose',
        recipientIds: [DISPOSE_TO[step.id] ?? ''],
        instructionId: 'tindak-lanjut',
        note: `Catatan ${step.id}`,
      });
    else if (spec.accepts.includes('approve')) await act(latest, { type: 'approve' });
    else if (step.type === 'checklist')
      for (const item of checklistItems(latest, step))
        await act(latest, { type: 'check', itemId: item.id, checked: true });
    else {
      if (spec.awaits === 'file')
        await act(latest, {
          type: 'attach',
          file: await put(
            `${step.id}.${step.output.file?.accept[0] ?? 'pdf'}`,
            `isi ${step.id}`,
            run.assigneeId ?? '',
          ),
        });
      await act(latest, { type: 'complete' });
    }
    // Documents are made after the command answers: wait for them.
    await paper().idle();
    return step.id;
  }

  const seen: Prompt[] = [];
  /** Every prompt queued so far (no channel runs here: the outbox keeps what would be sent). */
  async function prompts(): Promise<Prompt[]> {
    const leased = await app.storage.outbox.lease(1000, 3_600_000, new Date(Date.now() + 86_400_000));
    seen.push(...leased.map((e) => e.prompt));
    return seen;
  }

  test('the walk files a lembar disposisi per disposition, the nota dinas drafted then numbered, both agenda books and a verifiable archive', async () => {
    const memo = await put('nota-dinas.pdf', '%PDF-1.4 nota dinas', 'ulp-biro-umum');
    const started = await app.service.start({
      flowId: 'spse-eproc',
      requesterId: 'ulp-biro-umum',
      subject: 'Permohonan pemanfaatan SPSE TA 2027',
      attachment: memo,
      channel: 'telegram',
      idempotencyKey: 'paper-walk',
    });
    if (!started.ok) throw new Error('not started');
    const instance = started.instance;
    const { deps, store } = paper();

    // The requester and TU are asked for sifat and derajat, with buttons (default biasa).
    const asked = (await prompts()).filter((p) => p.id.includes(':letter:'));
    expect(asked.map((p) => p.to).sort()).toEqual(['tuti', 'ulp-biro-umum']);
    expect(asked[0]?.actions.map((a) => a.id)).toEqual(
      expect.arrayContaining(['paper-sifat:biasa', 'paper-sifat:rahasia', 'paper-derajat:sangat-segera']),
    );
    expect(asked[0]?.actions.find((a) => a.id === 'paper-sifat:biasa')?.checked).toBe(true);

    // A value outside its list is refused with the allowed values and changes nothing.
    const bad = await editLetter(deps, instance.id, 'ulp-biro-umum', { sifat: 'penting' });
    expect(bad.ok).toBe(false);
    expect(await store.letter(instance.id)).toBeUndefined();
    // The requester gives the rest; TU confirms the klasifikasi.
    expect(
      (
        await editLetter(deps, instance.id, 'ulp-biro-umum', {
          derajat: 'segera',
          senderNumber: '027/1184/BU',
          senderDate: '2026-11-20',
          lampiran: '1',
          tembusan: [{ name: 'Sekretaris Jenderal', personId: 'sekjen' }, { name: 'Inspektorat Jenderal' }],
        })
      ).ok,
    ).toBe(true);
    expect((await editLetter(deps, instance.id, 'tuti', { klasifikasi: '027.1' }, true)).ok).toBe(true);

    // Step 2 and the two dispositions.
    expect(await doOpenStep(instance)).toBe('agenda-surat-masuk');
    const registered = (await app.service.get(instance.id)) as Instance;
    const incoming = registered.agendaNumbers.incoming ?? '';
    expect(incoming).toMatch(/^001\/ND-M\/PUSDATINKOMTEL\//);
    expect(await doOpenStep(instance)).toBe('disposisi-kapus');
    expect(await doOpenStep(instance)).toBe('disposisi-kabid');

    const lembar = (await store.documentsOf(instance.id)).filter((d) => d.kind === 'lembar-disposisi');
    expect(lembar.map((d) => [d.version, d.stepId])).toEqual([
      [1, 'disposisi-kapus'],
      [2, 'disposisi-kabid'],
    ]);
    const lembarFile = await app.storage.files.get(lembar[1]?.fileId ?? '');
    expect(sha256Hex(lembarFile?.bytes ?? Buffer.alloc(0))).toBe(lembar[1]?.sha256);
    const sheet = await readPdf(lembarFile?.bytes ?? Buffer.alloc(0));
    expect(sheet.text).toContain('LEMBAR DISPOSISI');
    expect(sheet.text).toContain(incoming);
    expect(sheet.text).toContain('027/1184/BU');
    expect(sheet.text).toContain('Catatan disposisi-kapus');
    expect(sheet.text).toContain('Catatan disposisi-kabid');
    expect(sheet.text).toContain('Sari Handayani');
    expect(sheet.ticked).toEqual(expect.arrayContaining(['Segera', 'Biasa']));
    expect(sheet.qrPayloads).toEqual([`${PUBLIC_URL}/verify/${lembar[1]?.id ?? ''}`]);
    // Sent to the disposer and the recipient of each disposition.
    const sheets = (await prompts()).filter((p) => p.id.includes(':lembar-disposisi:'));
    expect(sheets.map((p) => p.to).sort()).toEqual(['dewi', 'hendra', 'sari', 'sari']);

    // Walk to the approval: the draft nota dinas (KONSEP, no number) goes to the Kapus.
    let next = '';
    while (next !== 'periksa-draft') next = await doOpenStep(instance);
    const drafts = (await store.documentsOf(instance.id)).filter((d) => d.kind === 'nota-dinas');
    expect(drafts).toHaveLength(1);
    const draftPdf = await readPdf(
      (await app.storage.files.get(drafts[0]?.fileId ?? ''))?.bytes ?? Buffer.alloc(0),
    );
    expect(draftPdf.text).toContain('KONSEP');
    expect(draftPdf.text).toContain('(diisi saat registrasi)');
    expect((await prompts()).filter((p) => p.id.includes('nota-dinas-draft')).map((p) => p.to)).toEqual([
      'hendra',
      'hendra',
    ]);

    expect(await doOpenStep(instance)).toBe('persetujuan-kapus');
    expect(await doOpenStep(instance)).toBe('agenda-surat-keluar');
    const done = (await app.service.get(instance.id)) as Instance;
    expect(done.status).toBe('completed');
    const outgoing = done.agendaNumbers.outgoing ?? '';
    expect(outgoing).toMatch(/^001\/ND-K\/PUSDATINKOMTEL\//);

    // At completion the archive itself is filed, holding the numbered nota dinas.
    await paper().idle();
    const filed = (await store.documentsOf(instance.id)).filter((d) => d.kind === 'archive');
    expect(filed).toHaveLength(1);
    const filedZip = await readZipEntries(
      (await app.storage.files.get(filed[0]?.fileId ?? ''))?.bytes ?? Buffer.alloc(0),
    );
    const filedManifest = JSON.parse(filedZip.get('manifest.json')?.toString() ?? '{}') as {
      entries: Array<{ documentKind: string | null; path: string }>;
    };
    expect(filedManifest.entries.filter((e) => e.documentKind === 'nota-dinas').length).toBeGreaterThan(0);
    expect(filedManifest.entries.some((e) => e.documentKind === 'archive')).toBe(false);

    // The numbered nota dinas: filed as step 11's output, sent to the requester; its DOCX opens.
    const notas = (await store.documentsOf(instance.id)).filter((d) => d.kind === 'nota-dinas');
    const final = notas.at(-1);
    expect(final?.stepId).toBe('agenda-surat-keluar');
    const finalBytes = (await app.storage.files.get(final?.fileId ?? ''))?.bytes ?? Buffer.alloc(0);
    const finalPdf = await readPdf(finalBytes);
    expect(finalPdf.text).toContain(outgoing);
    expect(finalPdf.text).not.toContain('KONSEP');
    expect(finalPdf.text).toContain('Hendra Wijaya');
    const docx = (await store.documentsOf(instance.id)).filter((d) => d.kind === 'nota-dinas-docx').at(-1);
    const docxZip = await readZipEntries(
      (await app.storage.files.get(docx?.fileId ?? ''))?.bytes ?? Buffer.alloc(0),
    );
    const paragraphs = docxParagraphs(docxZip.get('word/document.xml')?.toString() ?? '');
    expect(paragraphs.join('\n')).toContain(outgoing);
    expect(paragraphs.join('\n')).toContain('Permohonan pemanfaatan SPSE TA 2027');
    const toRequester = (await prompts()).find(
      (p) => p.to === 'ulp-biro-umum' && p.file?.fileId === final?.fileId,
    );
    expect(toRequester?.lines[0]?.params?.['number']).toBe(outgoing);
    // The copies: the person in the org copied got the letter, then the numbered nota dinas; the
    // nota dinas names both copies.
    expect(finalPdf.text).toContain('Inspektorat Jenderal');
    const copies = (await prompts()).filter((p) => p.to === 'sekjen');
    expect(copies.map((p) => [p.lines[0]?.key, p.file?.fileId])).toEqual([
      ['paper-tembusan-incoming', memo.fileId],
      ['paper-tembusan-outgoing', final?.fileId],
    ]);
    // The letter question lost its buttons when TU numbered the letter.
    expect(
      (await prompts()).filter((p) => p.kind === 'task-closed' && p.id.includes('letter-close')),
    ).toHaveLength(2);

    // The verify page: the facts, nothing of the content; an unknown id is a plain 404.
    const base = `http://127.0.0.1:${app.port()}`;
    const page = await fetch(`${base}/verify/${final?.id ?? ''}`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain(outgoing);
    expect(html).toContain(final?.sha256 ?? '-');
    expect(html).toContain('versi terkini');
    expect(html).not.toContain('Permohonan pemanfaatan');
    const old = await (await fetch(`${base}/verify/${lembar[0]?.id ?? ''}`)).text();
    expect(old).toContain('sudah digantikan');
    const unknown = await fetch(`${base}/verify/ZZZZZZZZZZZZZZZZZZZZ`);
    expect(unknown.status).toBe(404);
    expect(await unknown.text()).toBe('Not found\n');

    // The CLI: verify the file, then a changed copy; the agenda books; the archive.
    const cli = (group: string) => app.cliCommands().find((c) => c.group === group);
    const lines: string[] = [];
    const out = { stdout: (l: string) => lines.push(l), stderr: (l: string) => lines.push(`ERR ${l}`) };
    const finalFile = join(dir, 'nota-dinas.pdf');
    await writeFile(finalFile, finalBytes);
    expect(await cli('verify')?.run([finalFile], out, { locale: 'id' })).toBe(0);
    const changed = Buffer.from(finalBytes);
    changed[changed.length - 10] = (changed[changed.length - 10] ?? 0) ^ 1;
    await writeFile(join(dir, 'changed.pdf'), changed);
    expect(await cli('verify')?.run([join(dir, 'changed.pdf')], out, { locale: 'id' })).toBe(1);
    expect(lines.at(-1)).toContain('TIDAK sama');

    const year = outgoing.slice(-4);
    for (const book of ['incoming', 'outgoing']) {
      const file = join(dir, `${book}.xlsx`);
      expect(
        await cli('agenda')?.run(['export', '--book', book, '--year', year, '--out', file], out, {
          locale: 'id',
        }),
      ).toBe(0);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load((await readFile(file)) as unknown as ArrayBuffer);
      const rows = workbook.worksheets[0]?.getSheetValues() ?? [];
      const text = JSON.stringify(rows);
      expect(text).toContain(book === 'incoming' ? incoming : outgoing);
      expect(text).toContain('Permohonan pemanfaatan SPSE TA 2027');
      if (book === 'incoming') expect(text).toContain('027.1');
    }
    expect(
      await cli('agenda')?.run(['export', '--book', 'sideways', '--year', year], out, { locale: 'id' }),
    ).toBe(2);

    const zipFile = join(dir, 'arsip.zip');
    expect(await cli('archive')?.run(['export', incoming, '--out', zipFile], out, { locale: 'id' })).toBe(0);
    const entries = await readZipEntries(await readFile(zipFile));
    const manifest = JSON.parse(entries.get('manifest.json')?.toString() ?? '{}') as {
      klasifikasi: { code: string } | null;
      retention: unknown;
      entries: Array<{ path: string; sha256: string; kind: string; documentKind: string | null }>;
    };
    expect(manifest.klasifikasi?.code).toBe('027.1');
    expect(manifest.retention).not.toBeNull();
    for (const entry of manifest.entries)
      expect([entry.path, sha256Hex(entries.get(entry.path) ?? Buffer.alloc(0))]).toEqual([
        entry.path,
        entry.sha256,
      ]);
    expect(manifest.entries.filter((e) => e.documentKind === 'lembar-disposisi')).toHaveLength(2);
    expect(manifest.entries.some((e) => e.documentKind === 'nota-dinas')).toBe(true);
    expect(entries.has('audit-trail.csv')).toBe(true);
    const summary = await readPdf(entries.get('ringkasan.pdf') ?? Buffer.alloc(0));
    expect(summary.text).toContain(incoming);
    expect(await cli('archive')?.run(['export', 'TIDAK/ADA'], out, { locale: 'id' })).toBe(1);
  });
});
