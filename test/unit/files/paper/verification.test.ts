import PDFDocument from 'pdfkit';
import {
  formatTanggal,
  formatWaktu,
  lampiranText,
  terbilang,
} from '../../../../src/files/paper/indonesian-format.js';
import { readVerificationId } from '../../../../src/files/paper/read-verification-id.js';
import { matchesSha256, sha256Hex } from '../../../../src/files/paper/sha256.js';
import {
  VERIFICATION_ID_PATTERN,
  newVerificationId,
  normaliseShortCode,
  shortCodeFor,
  verificationMark,
} from '../../../../src/files/paper/verification.js';

async function plainPdf(keywords?: string): Promise<Uint8Array> {
  const doc = new PDFDocument(keywords ? { info: { Keywords: keywords } } : {});
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Uint8Array>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  doc.text('no mark here');
  doc.end();
  return done;
}

describe('verification marks', () => {
  test('ids are 20 base32 characters; the short code is their first eight, typed forgivingly', () => {
    const ids = new Set(Array.from({ length: 50 }, () => newVerificationId()));
    expect(ids.size).toBe(50);
    for (const id of ids) expect(id).toMatch(VERIFICATION_ID_PATTERN);
    expect(newVerificationId((size) => new Uint8Array(size).fill(33))).toBe('1'.repeat(20));
    expect(shortCodeFor('K7QM3XPA9D2H5RNB8W4C')).toBe('K7QM-3XPA');
    expect(normaliseShortCode(' k7qm 3xpa ')).toBe('K7QM3XPA');
    expect(normaliseShortCode('IOL-0')).toBe('1010');
  });

  test('the verify URL is PUBLIC_URL/verify/<id>', () => {
    expect(verificationMark('https://pandu.example/', 'K7QM3XPA9D2H5RNB8W4C')).toEqual({
      id: 'K7QM3XPA9D2H5RNB8W4C',
      verifyUrl: 'https://pandu.example/verify/K7QM3XPA9D2H5RNB8W4C',
      shortCode: 'K7QM-3XPA',
    });
    expect(() => verificationMark('https://pandu.example', '../../etc')).toThrow(RangeError);
  });

  test('a file that is not a PDF, or a PDF without a mark, says so', async () => {
    await expect(readVerificationId(new TextEncoder().encode('hello'))).resolves.toEqual({
      found: false,
      reason: 'not-a-pdf',
    });
    await expect(readVerificationId(await plainPdf())).resolves.toEqual({ found: false, reason: 'no-mark' });
    await expect(readVerificationId(await plainPdf('pandu-verify:not-an-id'))).resolves.toEqual({
      found: false,
      reason: 'no-mark',
    });
    await expect(
      readVerificationId(await plainPdf('arsip pandu-verify:K7QM3XPA9D2H5RNB8W4C')),
    ).resolves.toEqual({
      found: true,
      id: 'K7QM3XPA9D2H5RNB8W4C',
    });
  });

  test('SHA-256 helpers', () => {
    expect(sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(
      matchesSha256(
        new TextEncoder().encode('abc'),
        ' BA7816BF8F01CFEA414140DE5DAE2223B00361A396177A9CB410FF61F20015AD',
      ),
    ).toBe(true);
    expect(matchesSha256(new TextEncoder().encode('abd'), sha256Hex('abc'))).toBe(false);
  });
});

describe('Indonesian document formats', () => {
  test('numbers in words, as in "Lampiran: 1 (satu) berkas"', () => {
    expect([0, 1, 11, 12, 19, 20, 21, 100, 115, 999, 1000, 1001, 2024, 10_500].map(terbilang)).toEqual([
      'nol',
      'satu',
      'sebelas',
      'dua belas',
      'sembilan belas',
      'dua puluh',
      'dua puluh satu',
      'seratus',
      'seratus lima belas',
      'sembilan ratus sembilan puluh sembilan',
      'seribu',
      'seribu satu',
      'dua ribu dua puluh empat',
      'sepuluh ribu lima ratus',
    ]);
    expect(lampiranText(0)).toBe('-');
    expect(lampiranText(3)).toBe('3 (tiga) berkas');
    expect(() => terbilang(-1)).toThrow(RangeError);
  });

  test('dates and times', () => {
    expect(formatTanggal('2026-08-17')).toBe('17 Agustus 2026');
    expect(formatWaktu('2026-11-23T02:12:00Z', 'Asia/Jakarta')).toBe('23 Nov 2026 09:12 WIB');
    expect(formatWaktu('2026-11-23T02:12:00Z', 'Asia/Jayapura')).toBe('23 Nov 2026 11:12 WIT');
  });
});
