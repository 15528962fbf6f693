import { deflateRawSync } from 'node:zlib';
import { checkPpkFile } from '../../../src/files/ppk/check-ppk-file.js';
import { guardZip } from '../../../src/files/ppk/zip-guard.js';
import {
  HEADERS,
  OPTIONS,
  buildZip,
  deflatedEntry,
  deflatedZeros,
  makeXlsx,
  storedEntry,
  toArrays,
  validRows,
  xlsxMarkerEntries,
} from './ppk-fixtures.js';
import type { ZipEntrySpec } from './ppk-fixtures.js';

const MIB = 1024 * 1024;

const codes = (outcome: Awaited<ReturnType<typeof guardZip>>) =>
  outcome.ok ? [] : outcome.issues.map((i) => i.code);

describe('guardZip', () => {
  it('passes a real workbook and reports its directory', async () => {
    const xlsx = await makeXlsx({ headers: HEADERS, rows: toArrays(validRows()) });
    const outcome = await guardZip(xlsx);
    expect(outcome.ok).toBe(true);
    expect(outcome.ok && outcome.value.entries).toBeGreaterThan(3);
  });

  it('refuses more than 1,000 entries from the end-of-directory count, before reading any entry', async () => {
    const entries = [...xlsxMarkerEntries()];
    for (let i = 0; i < 1_000; i += 1) entries.push(storedEntry(`xl/media/x${i}.txt`, 'x'));
    const outcome = await guardZip(buildZip(entries));
    expect(outcome).toEqual({
      ok: false,
      issues: [
        expect.objectContaining({ code: 'zip-too-many-entries', params: { count: 1_002, limit: 1_000 } }),
      ],
    });
  });

  it('lets each limit be overridden', async () => {
    const xlsx = await makeXlsx({ headers: HEADERS, rows: toArrays(validRows()) });
    expect(codes(await guardZip(xlsx, { maxZipEntries: 3 }))).toEqual(['zip-too-many-entries']);
    expect(codes(await guardZip(xlsx, { maxZipUncompressedBytes: 100 }))).toEqual(['zip-too-large']);
  });

  it('refuses a zip bomb (one 200 MB entry) from its directory', async () => {
    const bomb = buildZip([
      ...xlsxMarkerEntries(),
      await deflatedZeros('xl/worksheets/sheet1.xml', 200 * MIB),
    ]);
    expect(bomb.length).toBeLessThan(1 * MIB);
    const outcome = await guardZip(bomb);
    expect(codes(outcome)).toEqual(['zip-too-large']);
    expect(!outcome.ok && outcome.issues[0]?.params).toEqual({ sizeMb: 200, limitMb: 100 });
  });

  it('refuses before unpacking: an entry declared as 200 MB whose data is not even valid deflate', async () => {
    // Were the entry inflated, this would fail as a damaged zip (zip-invalid); it is refused on size alone.
    const garbage: ZipEntrySpec = {
      name: 'xl/worksheets/sheet1.xml',
      stored: Buffer.from('this is not deflate data'),
      method: 8,
      crc: 0,
      uncompressedSize: 200 * MIB,
    };
    expect(codes(await guardZip(buildZip([...xlsxMarkerEntries(), garbage])))).toEqual(['zip-too-large']);
  });

  it('refuses many entries that only add up to too much', async () => {
    const entries = [...xlsxMarkerEntries()];
    const part = await deflatedZeros('xl/media/part0.bin', 900 * 1024);
    for (let i = 0; i < 120; i += 1) entries.push({ ...part, name: `xl/media/part${i}.bin` });
    expect(codes(await guardZip(buildZip(entries)))).toEqual(['zip-too-large']);
  });

  it('refuses an entry compressed more than 200 times, even below the size limit', async () => {
    const outcome = await guardZip(
      buildZip([...xlsxMarkerEntries(), await deflatedZeros('xl/sharedStrings.xml', 5 * MIB)]),
    );
    expect(codes(outcome)).toEqual(['zip-compression-ratio']);
    const params = outcome.ok ? {} : (outcome.issues[0]?.params ?? {});
    expect(params.entry).toBe('xl/sharedStrings.xml');
    expect(Number(params.ratio)).toBeGreaterThan(200);
  });

  it('does not hold tiny entries to the ratio', async () => {
    const outcome = await guardZip(
      buildZip([...xlsxMarkerEntries(), await deflatedZeros('xl/styles.xml', 64 * 1024)]),
    );
    expect(outcome.ok).toBe(true);
  });

  it('catches an archive that lies about its sizes when inflating, and only then', async () => {
    const content = Buffer.alloc(3 * MIB, 'a');
    const liar: ZipEntrySpec = {
      name: 'xl/worksheets/sheet1.xml',
      stored: deflateRawSync(content),
      method: 8,
      crc: 0,
      uncompressedSize: 1_000, // claims 1 KB, holds 3 MB
    };
    const zip = buildZip([...xlsxMarkerEntries(), liar]);
    expect(codes(await guardZip(zip))).toEqual(['zip-invalid']);
    expect((await guardZip(zip, {}, { verifyDeclaredSizes: false })).ok).toBe(true);
  });

  it.each(['xl/vbaProject.bin', 'xl/macrosheets/sheet1.xml', 'xl/activeX/activeX1.bin'])(
    'refuses a workbook with the macro part %s',
    async (name) => {
      const outcome = await guardZip(buildZip([...xlsxMarkerEntries(), deflatedEntry(name, 'macro')]));
      expect(outcome).toEqual({
        ok: false,
        issues: [expect.objectContaining({ code: 'zip-macro', params: { entry: name } })],
      });
    },
  );

  it('refuses encrypted entries', async () => {
    const encrypted = { ...deflatedEntry('xl/worksheets/sheet1.xml', '<worksheet/>'), flags: 1 };
    expect(codes(await guardZip(buildZip([...xlsxMarkerEntries(), encrypted])))).toEqual(['zip-encrypted']);
  });

  it('refuses a truncated zip', async () => {
    const xlsx = await makeXlsx({ headers: HEADERS, rows: [] });
    expect(codes(await guardZip(xlsx.subarray(0, xlsx.length - 30)))).toEqual(['zip-invalid']);
  });

  it('refuses a zip whose directory lacks the workbook parts', async () => {
    const zip = buildZip([
      storedEntry('[Content_Types].xml', '<Types/>'),
      storedEntry('word/document.xml', '<w/>'),
    ]);
    expect(codes(await guardZip(zip))).toEqual(['file-type-zip-not-xlsx']);
  });
});

describe('checkPpkFile with hostile archives', () => {
  it('refuses the zip bomb as a file-level error', async () => {
    const bomb = buildZip([
      ...xlsxMarkerEntries(),
      await deflatedZeros('xl/worksheets/sheet1.xml', 200 * MIB),
    ]);
    const result = await checkPpkFile(bomb, 'daftar.xlsx', undefined, OPTIONS);
    expect(result).toMatchObject({
      valid: false,
      fileType: 'xlsx',
      rows: 0,
      errors: [{ row: null, column: null, code: 'zip-too-large' }],
    });
  });

  it('refuses a macro-enabled workbook named .xlsx', async () => {
    const xlsm = buildZip([...xlsxMarkerEntries(), deflatedEntry('xl/vbaProject.bin', 'Attribute VB_Name')]);
    const result = await checkPpkFile(xlsm, 'daftar.xlsx', undefined, OPTIONS);
    expect(result.valid === false && result.errors.map((e) => e.code)).toEqual(['zip-macro']);
  });
});
