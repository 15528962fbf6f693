import { parse } from 'csv-parse/sync';
import {
  ArchiveIntegrityError,
  buildArchiveBundle,
  type ArchiveBundle,
} from '../../../../src/files/paper/archive-bundle.js';
import type { ArchiveManifest } from '../../../../src/files/paper/archive-manifest.js';
import { sha256Hex } from '../../../../src/files/paper/sha256.js';
import {
  INCOMING_AGENDA,
  MARK,
  OUTGOING_AGENDA,
  archiveFiles,
  archiveInput,
  archiveSteps,
} from '../../../support/paper-fixtures.js';
import { readPdf } from './read-pdf.js';
import { readZipEntries } from './read-zip.js';

describe('the archive bundle', () => {
  let bundle: ArchiveBundle;
  let entries: Map<string, Buffer>;
  let manifest: ArchiveManifest;
  beforeAll(async () => {
    bundle = await buildArchiveBundle(archiveInput(), MARK);
    entries = await readZipEntries(bundle.zip);
    manifest = JSON.parse(entries.get('manifest.json')?.toString('utf8') ?? 'null') as ArchiveManifest;
  });

  test('has manifest.json at its root, listing every other entry; the checksums recomputed from the ZIP match', () => {
    expect([...entries.keys()][0]).toBe('manifest.json');
    const listed = manifest.entries.map((entry) => entry.path);
    expect(new Set(listed)).toEqual(new Set([...entries.keys()].filter((path) => path !== 'manifest.json')));
    for (const entry of manifest.entries) {
      const bytes = entries.get(entry.path);
      expect(bytes).toBeDefined();
      expect(sha256Hex(bytes ?? new Uint8Array())).toBe(entry.sha256);
      expect(bytes?.byteLength).toBe(entry.bytes);
    }
    expect(manifest).toEqual(bundle.manifest);
  });

  test('holds every version of every file, with kind, step, version, uploader and time', () => {
    const files = manifest.entries.filter((entry) => entry.kind === 'output' || entry.kind === 'attachment');
    expect(files.map((entry) => entry.path)).toEqual([
      'berkas/01-nota-dinas-masuk/v1/nota-dinas-ulp.pdf',
      'berkas/05-input-data/v1/daftar-ppk.csv',
      'berkas/05-input-data/v2/daftar-ppk.csv',
      'berkas/08-draft-laporan/v1/_.._etc_laporan kesiapan.docx',
    ]);
    expect(files[2]).toMatchObject({
      kind: 'output',
      step: { number: 5, id: 'input-data' },
      version: 2,
      uploadedBy: 'Dewi Lestari',
      generated: false,
      time: '2026-11-23T03:10:00Z',
    });
    const originals = archiveFiles();
    expect(entries.get(files[2]?.path ?? '')?.equals(Buffer.from(originals[2]?.bytes ?? []))).toBe(true);
    expect(manifest.entries.find((entry) => entry.path === 'ringkasan.pdf')).toMatchObject({
      kind: 'summary',
      generated: true,
      uploadedBy: null,
    });
  });

  test('carries the klasifikasi and the JRA retention counted from the year it closed', () => {
    expect(manifest.klasifikasi).toEqual({
      code: '027.1',
      name: expect.objectContaining({ id: 'Pengadaan secara elektronik (SPSE/e-Proc)' }) as unknown,
    });
    expect(manifest.retention).toEqual({
      activeYears: 2,
      inactiveYears: 8,
      disposition: 'musnah',
      activeUntilYear: 2028,
      inactiveUntilYear: 2036,
    });
    expect(manifest.instance.agendaNumbers).toEqual({ incoming: INCOMING_AGENDA, outgoing: OUTGOING_AGENDA });
  });

  test('the audit trail: CSV with formulas neutralised, and JSON as given', () => {
    const csv = entries.get('audit-trail.csv')?.toString('utf8') ?? '';
    const rows: string[][] = parse(csv.replace(/^\ufeff/, ''));
    expect(rows[0]).toEqual(['seq', 'at', 'type', 'actor', 'onBehalfOf', 'channel', 'step', 'data']);
    expect(rows[2]?.[3]).toBe('\'=HYPERLINK("http://evil.example","klik")');
    expect(rows[3]?.[7]).toBe('{"note":"+62 koordinasikan"}');
    const json = JSON.parse(entries.get('audit-trail.json')?.toString('utf8') ?? '[]') as unknown;
    expect(json).toEqual(archiveInput().auditEvents);
  });

  test('the one-page summary shows the riwayat: every step, who, when, within standard or late', async () => {
    const pdf = await readPdf(entries.get('ringkasan.pdf') ?? new Uint8Array());
    expect(pdf.pageCount).toBe(1);
    expect(pdf.lines).toContain('RINGKASAN ARSIP');
    expect(pdf.text).toContain(`Nomor agenda masuk : ${INCOMING_AGENDA}`);
    expect(pdf.text).toContain(
      'Retensi (JRA) : aktif 2 tahun (s.d. 2028), inaktif 8 tahun (s.d. 2036), lalu musnah',
    );
    const verify = pdf.lines.find((line) => line.startsWith('6 Memverifikasi')) ?? '';
    expect(verify).toContain('Bambang Susilo');
    expect(verify).toContain('23-11-2026 09:28 23-11-2026 09:50 15 menit Terlambat');
    expect(pdf.lines.filter((line) => line.includes('Tepat waktu'))).toHaveLength(9);
    expect(pdf.text).toContain('Tanpa standar');
    expect(pdf.qrPayloads).toEqual([MARK.verifyUrl]);
  });

  test('the summary stays on one page however long the riwayat', async () => {
    const steps = Array.from({ length: 5 }, () => archiveSteps()).flat();
    const { summaryPdf } = await buildArchiveBundle(archiveInput({ steps }), MARK);
    const pdf = await readPdf(summaryPdf);
    expect(pdf.pageCount).toBe(1);
    expect(pdf.text).toMatch(/… dan \d+ baris lagi: riwayat lengkap di audit-trail\.csv\./);
  });

  test('a file whose bytes do not match its recorded SHA-256 stops the export', async () => {
    const files = archiveFiles();
    const tampered = files.map((file, index) =>
      index === 1 ? { ...file, sha256: sha256Hex('something else') } : file,
    );
    await expect(buildArchiveBundle(archiveInput({ files: tampered }), MARK)).rejects.toBeInstanceOf(
      ArchiveIntegrityError,
    );
    const honest = files.map((file) => ({ ...file, sha256: sha256Hex(file.bytes).toUpperCase() }));
    await expect(buildArchiveBundle(archiveInput({ files: honest }), MARK)).resolves.toBeDefined();
  });

  test('two files with one name in one folder both survive', async () => {
    const files = archiveFiles();
    const twin = { ...files[1]!, bytes: new TextEncoder().encode('the other one') };
    const { manifest: twins } = await buildArchiveBundle(archiveInput({ files: [files[1]!, twin] }), MARK);
    expect(twins.entries.slice(0, 2).map((entry) => entry.path)).toEqual([
      'berkas/05-input-data/v1/daftar-ppk.csv',
      'berkas/05-input-data/v1/daftar-ppk (2).csv',
    ]);
  });
});
