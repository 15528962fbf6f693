import { join } from 'node:path';
import { loadKlasifikasiFile } from '../../../../src/config/klasifikasi-file.js';
import type { KlasifikasiList } from '../../../../src/files/paper/klasifikasi.js';
import {
  DERAJAT_VALUES,
  derajatRank,
  isConfidential,
  type Derajat,
} from '../../../../src/files/paper/letter-metadata.js';
import { parseDerajat, parseSifat } from '../../../../src/files/paper/parse-choice.js';
import {
  validateLetterMetadata,
  type MetadataCheck,
} from '../../../../src/files/paper/validate-letter-metadata.js';
import { loadTranslator } from '../../../../src/i18n/translator.js';
import { FLOWS_DIR, LOCALES_DIR } from '../../../support/paths.js';

const translator = loadTranslator(LOCALES_DIR);
const ID = { locale: 'id', timeZone: 'Asia/Jakarta' } as const;
const EN = { locale: 'en', timeZone: 'Asia/Jakarta' } as const;

let klasifikasi: KlasifikasiList;
beforeAll(async () => {
  klasifikasi = await loadKlasifikasiFile(join(FLOWS_DIR, 'arsip', 'klasifikasi.yaml'));
});

function refusals(check: MetadataCheck, reader: typeof ID | typeof EN = ID): string[] {
  if (check.ok) throw new Error('expected refusals');
  return check.refusals.map((ref) => translator.format(ref, reader));
}

describe('letter metadata', () => {
  test('defaults: biasa, biasa, no lampiran, no tembusan', () => {
    expect(validateLetterMetadata({}, { klasifikasi })).toEqual({
      ok: true,
      value: { sifat: 'biasa', derajat: 'biasa', lampiran: 0, tembusan: [] },
    });
  });

  test('a full incoming letter as TU registers it', () => {
    const check = validateLetterMetadata(
      {
        sifat: 'Sangat Rahasia',
        derajat: 'sangat_segera',
        klasifikasi: ' 000.8.3.3 ',
        senderNumber: ' 027/1184/BU ',
        senderDate: '2026-11-20',
        lampiran: '2',
        tembusan: ['Sekretaris Jenderal', { name: 'Sari Handayani', personId: 'sari' }],
      },
      { klasifikasi, requireKlasifikasi: true, requireSender: true, today: '2026-11-23' },
    );
    expect(check).toEqual({
      ok: true,
      value: {
        sifat: 'sangat-rahasia',
        derajat: 'sangat-segera',
        klasifikasi: '000.8.3.3',
        senderNumber: '027/1184/BU',
        senderDate: '2026-11-20',
        lampiran: 2,
        tembusan: [{ name: 'Sekretaris Jenderal' }, { name: 'Sari Handayani', personId: 'sari' }],
      },
    });
  });

  test('a sifat or derajat outside the list is refused with the allowed values, in both languages', () => {
    const check = validateLetterMetadata({ sifat: 'penting', derajat: 'kilat' }, { klasifikasi });
    expect(refusals(check)).toEqual([
      'Sifat surat “penting” tidak dikenal. Pilih salah satu: Biasa (biasa), Terbatas (terbatas), Rahasia (rahasia), Sangat Rahasia (sangat-rahasia).',
      'Derajat surat “kilat” tidak dikenal. Pilih salah satu: Biasa (biasa), Segera (segera), Sangat Segera (sangat-segera).',
    ]);
    expect(refusals(check, EN)[0]).toBe(
      '“penting” is not a known sifat (security grading). Choose one of: Ordinary (biasa), Restricted (terbatas), Confidential (rahasia), Top secret (sangat-rahasia).',
    );
  });

  test('an unknown klasifikasi code lists the codes near it; a missing one is refused only when required', () => {
    const unknown = refusals(validateLetterMetadata({ klasifikasi: '027.9' }, { klasifikasi }));
    expect(unknown).toEqual([
      'Kode klasifikasi arsip “027.9” tidak ada dalam daftar. Kode yang tersedia: 027, 027.1 (dan 8 kode lain).',
    ]);
    const missing = validateLetterMetadata({}, { klasifikasi, requireKlasifikasi: true });
    expect(refusals(missing, EN)[0]).toMatch(
      /^An archive classification code is required .* Example codes: 000, 000\.1,/,
    );
    expect(validateLetterMetadata({}, { klasifikasi }).ok).toBe(true);
  });

  test('the sender’s number and date: required for incoming letters, a real date, not after today', () => {
    expect(refusals(validateLetterMetadata({}, { klasifikasi, requireSender: true }))).toEqual([
      'Nomor surat dari pengirim wajib diisi.',
      'Tanggal surat dari pengirim wajib diisi (format TTTT-BB-HH, misalnya 2026-11-23).',
    ]);
    expect(
      refusals(
        validateLetterMetadata({ senderNumber: 'x'.repeat(101), senderDate: '2026-02-30' }, { klasifikasi }),
      ),
    ).toEqual([
      'Nomor surat terlalu panjang, paling banyak 100 karakter.',
      'Tanggal surat “2026-02-30” bukan tanggal yang sah. Tulis dengan format TTTT-BB-HH, misalnya 2026-11-23.',
    ]);
    expect(
      refusals(validateLetterMetadata({ senderDate: '2026-12-01' }, { klasifikasi, today: '2026-11-23' })),
    ).toEqual(['Tanggal surat 2026-12-01 jatuh setelah hari ini (2026-11-23). Mohon periksa kembali.']);
  });

  test('lampiran and tembusan limits', () => {
    expect(refusals(validateLetterMetadata({ lampiran: '-1' }, { klasifikasi }))).toEqual([
      'Jumlah lampiran “-1” tidak sah. Tulis bilangan bulat dari 0 sampai 999.',
    ]);
    expect(refusals(validateLetterMetadata({ lampiran: 2.5 }, { klasifikasi }))).toHaveLength(1);
    const tembusan = refusals(
      validateLetterMetadata({ tembusan: ['Sekjen', ' ', 'sekjen', 'y'.repeat(201)] }, { klasifikasi }),
    );
    expect(tembusan).toEqual([
      'Penerima tembusan ke-2 kosong. Tulis nama orang atau unit kerja.',
      'sekjen tercantum lebih dari sekali dalam tembusan.',
      'Nama penerima tembusan ke-4 terlalu panjang, paling banyak 200 karakter.',
    ]);
    const many = Array.from({ length: 21 }, (_, n) => `Unit ${n}`);
    expect(refusals(validateLetterMetadata({ tembusan: many }, { klasifikasi }))).toEqual([
      'Tembusan berisi 21 penerima, melebihi batas 20.',
    ]);
  });

  test('labels are read in either language and any spacing; derajat orders task lists', () => {
    expect(parseSifat('top secret')).toBe('sangat-rahasia');
    expect(parseSifat('TERBATAS')).toBe('terbatas');
    expect(parseSifat('rahasia negara')).toBeUndefined();
    expect(parseDerajat('Very urgent')).toBe('sangat-segera');
    const sorted = [...DERAJAT_VALUES].sort((a: Derajat, b: Derajat) => derajatRank(a) - derajatRank(b));
    expect(sorted).toEqual(['sangat-segera', 'segera', 'biasa']);
    expect(['biasa', 'terbatas', 'rahasia', 'sangat-rahasia'].map((s) => isConfidential(s as never))).toEqual(
      [false, false, true, true],
    );
  });
});
