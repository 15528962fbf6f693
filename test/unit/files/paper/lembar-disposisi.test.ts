import { writeLembarDisposisi } from '../../../../src/files/paper/lembar-disposisi.js';
import { readVerificationId } from '../../../../src/files/paper/read-verification-id.js';
import { sha256Hex } from '../../../../src/files/paper/sha256.js';
import {
  INCOMING_AGENDA,
  KABID,
  KAPUS,
  KASUBBID,
  MARK,
  STAF,
  lembarDisposisiData,
} from '../../../support/paper-fixtures.js';
import { readPdf } from './read-pdf.js';

describe('the lembar disposisi', () => {
  let bytes: Uint8Array;
  beforeAll(async () => {
    bytes = await writeLembarDisposisi(lembarDisposisiData(), MARK);
  });

  test('carries the kop from the data, the title and the letter particulars', async () => {
    const pdf = await readPdf(bytes);
    expect(pdf.pageCount).toBe(1);
    expect(pdf.lines.slice(0, 3)).toEqual([
      'KEMENTERIAN DALAM NEGERI',
      'SEKRETARIAT JENDERAL',
      'PUSAT DATA DAN INFORMASI KOMUNIKASI DAN TELEKOMUNIKASI',
    ]);
    expect(pdf.lines).toContain('LEMBAR DISPOSISI');
    expect(pdf.text).toContain(`Nomor agenda : ${INCOMING_AGENDA}`);
    expect(pdf.text).toContain('Nomor surat : 027/1184/BU');
    expect(pdf.text).toContain('Tanggal surat : 20 November 2026');
    expect(pdf.text).toContain('Diterima tgl. : 23 Nov 2026 09:05 WIB');
    expect(pdf.text).toContain('Surat dari : ULP Biro Umum Sekretariat');
    expect(pdf.text).toContain('Perihal : Permohonan fasilitasi pemanfaatan SPSE/e-Proc');
    expect(pdf.text).toContain('Klasifikasi : 027.1');
  });

  test('ticks the sifat and derajat given, and no other', async () => {
    const pdf = await readPdf(bytes);
    expect(pdf.ticked.slice(0, 2)).toEqual(['Biasa', 'Segera']);
    const secret = await readPdf(
      await writeLembarDisposisi(
        lembarDisposisiData({ sifat: 'sangat-rahasia', derajat: 'sangat-segera' }),
        MARK,
      ),
    );
    expect(secret.ticked.slice(0, 2)).toEqual(['Sangat Rahasia', 'Sangat Segera']);
  });

  test('shows every disposition: from, to, the ticked instructions, the note and the paraf', async () => {
    const pdf = await readPdf(bytes);
    expect(pdf.text).toContain(`Disposisi 1 — dari ${KAPUS.position} (${KAPUS.name})`);
    expect(pdf.text).toContain(`Disposisi 2 — dari ${KABID.position} (${KABID.name})`);
    expect(pdf.text).toContain(
      'Catatan : Koordinasikan dengan ULP Biro Umum; laporkan kesiapan paling lambat Jumat.',
    );
    expect(pdf.text).toContain('Catatan : Mohon data PPK diverifikasi sebelum otentifikasi.');
    expect(pdf.text).toContain(`Paraf: ${KAPUS.name}, 23 Nov 2026 09:12 WIB`);
    expect(pdf.text).toContain(`Paraf: ${KABID.name}, 23 Nov 2026 09:40 WIB`);
    for (const person of [KABID, KASUBBID, STAF]) expect(pdf.text.replace(/\n/g, ' ')).toContain(person.name);
    // Each instruction is listed once per block; the chosen ones carry the tick.
    expect(pdf.ticked).toEqual([
      'Biasa',
      'Segera',
      'Untuk ditindaklanjuti',
      'Untuk dipelajari dan dilaporkan',
      'Untuk diproses sesuai ketentuan',
    ]);
    expect(pdf.text.match(/Untuk dibicarakan dengan saya/g)).toHaveLength(2);
  });

  test('carries a QR code that decodes to the verify URL, the short code, and the id in its metadata', async () => {
    const pdf = await readPdf(bytes);
    expect(pdf.qrPayloads).toEqual([MARK.verifyUrl]);
    expect(pdf.text).toContain(`Kode verifikasi: ${MARK.shortCode}`);
    expect(pdf.text).toContain(MARK.verifyUrl);
    expect(pdf.info.Keywords).toBe(`pandu-verify:${MARK.id}`);
    expect(pdf.info.Custom?.PanduVerificationId).toBe(MARK.id);
    expect(pdf.info.Subject).toBe('lembar-disposisi');
    await expect(readVerificationId(bytes)).resolves.toEqual({
      found: true,
      id: MARK.id,
      kind: 'lembar-disposisi',
    });
  });

  test('embeds the DejaVu font (no standard-14 font stands in)', () => {
    const raw = Buffer.from(bytes).toString('latin1');
    expect(raw).toMatch(/\/BaseFont \/[A-Z]{6}\+DejaVuSans/);
    expect(raw).toContain('/FontFile2');
    expect(raw).not.toMatch(/\/BaseFont \/Helvetica/);
  });

  test('the same data gives the same bytes', async () => {
    expect(sha256Hex(await writeLembarDisposisi(lembarDisposisiData(), MARK))).toBe(sha256Hex(bytes));
  });

  test('before any disposition: an empty block, nothing ticked but the sifat and derajat', async () => {
    const pdf = await readPdf(await writeLembarDisposisi(lembarDisposisiData({ dispositions: [] }), MARK));
    expect(pdf.text).toContain('(belum ada disposisi)');
    expect(pdf.ticked).toEqual(['Biasa', 'Segera']);
  });

  test('many dispositions continue on further pages, each page with its QR code', async () => {
    const many = Array.from({ length: 7 }, (_, index) => ({
      from: KAPUS,
      to: [{ name: `Penerima ${index + 1}`, position: 'Kepala Bidang' }],
      instructionIds: ['diketahui'],
      note: `Catatan nomor ${index + 1}`,
      at: `2026-11-23T0${index + 2}:00:00Z`,
    }));
    const pdf = await readPdf(await writeLembarDisposisi(lembarDisposisiData({ dispositions: many }), MARK));
    expect(pdf.pageCount).toBeGreaterThan(1);
    for (let n = 1; n <= 7; n += 1) expect(pdf.text).toContain(`Catatan nomor ${n}`);
    expect(pdf.text).toContain(`LEMBAR DISPOSISI (lanjutan) — Nomor agenda ${INCOMING_AGENDA}`);
    expect(pdf.qrPayloads).toHaveLength(pdf.pageCount);
    expect(pdf.text).toContain(`Halaman ${pdf.pageCount} dari ${pdf.pageCount}`);
  });
});
