import { checkPpkFile } from '../../../src/files/ppk/check-ppk-file.js';
import type { PpkCheckResult, PpkCheckValid } from '../../../src/files/ppk/check-ppk-file.js';
import { matchColumns } from '../../../src/files/ppk/columns.js';
import { PPK_COLUMNS } from '../../../src/files/ppk/columns.js';
import { formatRupiah } from '../../../src/files/ppk/rupiah.js';
import type { PpkField, PpkIssue } from '../../../src/files/ppk/types.js';
import { HEADERS, OPTIONS, makeCsv, makeXlsx, toArrays, validRows } from './ppk-fixtures.js';
import type { Row } from './ppk-fixtures.js';

function expectValid(result: PpkCheckResult): PpkCheckValid {
  if (!result.valid) throw new Error(`expected a valid list, got ${JSON.stringify(result.errors, null, 1)}`);
  return result;
}

/** An 18-digit NIP typed into a number cell: what Excel keeps (precision lost, deliberately). */
const EXCEL_NUMBER_NIP = Number('198503302010011002');

const brief = (errors: readonly PpkIssue[]) => errors.map(({ row, column, code }) => ({ row, column, code }));

function errorsOf(result: PpkCheckResult): PpkIssue[] {
  if (result.valid) throw new Error('expected errors, the list was valid');
  return result.errors;
}

const EXPECTED_ENTRIES = [
  {
    rowNumber: 2,
    nip: '198503302010011002',
    name: 'Budi Santoso',
    position: 'Kepala Subbagian Perencanaan',
    role: 'PPK',
    email: 'budi.santoso@kemendagri.go.id',
    phone: '+6281234567890',
    workUnit: 'Biro Umum',
    packageName: 'Pengadaan Perangkat Jaringan',
    pagu: 1_500_000_000,
    fiscalYear: 2025,
    decreeNumber: '027/101/SJ/2025',
  },
  expect.objectContaining({
    rowNumber: 3,
    role: 'Pokja Pemilihan',
    phone: '+6281311112222',
    pagu: 1_500_000_000,
  }),
  expect.objectContaining({ rowNumber: 4, role: 'Pokja Pemilihan', phone: '+6285712345678' }),
  expect.objectContaining({
    rowNumber: 5,
    role: 'PPK',
    packageName: 'Pemeliharaan Gedung Kantor',
    pagu: 750_000_000,
  }),
  expect.objectContaining({
    rowNumber: 6,
    role: 'KPA',
    packageName: null,
    pagu: null,
    phone: '+62811234567',
  }),
];

const EXPECTED_SUMMARY = {
  rows: 5,
  people: 4,
  peopleByRole: [
    { role: 'KPA', count: 1 },
    { role: 'PPK', count: 2 },
    { role: 'Pokja Pemilihan', count: 2 },
  ],
  packages: 2,
  totalPagu: 2_250_000_000n,
  fiscalYears: [2025],
};

describe('checkPpkFile: valid lists', () => {
  it('accepts a valid XLSX, normalising each field, and summarises it', async () => {
    const xlsx = await makeXlsx({ headers: HEADERS, rows: toArrays(validRows()) });
    const result = expectValid(await checkPpkFile(xlsx, 'daftar.xlsx', undefined, OPTIONS));
    expect(result.fileType).toBe('xlsx');
    expect(result.fileName).toBe('daftar.xlsx');
    expect(result.entries).toEqual(EXPECTED_ENTRIES);
    expect(result.summary).toEqual(EXPECTED_SUMMARY);
    expect(formatRupiah(result.summary.totalPagu)).toBe('Rp 2.250.000.000');
  });

  it('accepts the same list as a semicolon CSV with BOM, with the same result', async () => {
    const csv = makeCsv(HEADERS, toArrays(validRows()), { delimiter: ';', bom: true });
    const result = expectValid(await checkPpkFile(csv, 'daftar.csv', undefined, OPTIONS));
    expect(result.fileType).toBe('csv');
    expect(result.entries).toEqual(EXPECTED_ENTRIES);
    expect(result.summary).toEqual(EXPECTED_SUMMARY);
  });

  it('decides the type by content: a CSV named .xlsx is read as CSV', async () => {
    const csv = makeCsv(HEADERS, toArrays(validRows()));
    expect(expectValid(await checkPpkFile(csv, 'daftar.xlsx', undefined, OPTIONS)).fileType).toBe('csv');
  });

  it('accepts shuffled columns with odd letter case, spacing, aliases and an extra column', async () => {
    const order: PpkField[] = [
      'pagu',
      'email',
      'nip',
      'fiscalYear',
      'role',
      'name',
      'decreeNumber',
      'phone',
      'packageName',
      'workUnit',
      'position',
    ];
    const headers = [
      'PAGU',
      'e-MAIL',
      '  nip ',
      'tahun   ANGGARAN',
      'peran',
      'NaMa',
      'No. SK Penetapan',
      'no hp',
      'nama paket',
      'UNIT KERJA',
      'jabatan',
      'Keterangan',
    ];
    const rows = toArrays(validRows(), order).map((row) => [...row, 'catatan']);
    const xlsx = await makeXlsx({ headers, rows });
    const result = expectValid(await checkPpkFile(xlsx, undefined, undefined, OPTIONS));
    expect(result.entries).toEqual(EXPECTED_ENTRIES);
    expect(result.ignoredColumns).toEqual(['Keterangan']);
  });

  it('reads pagu from XLSX number cells and from formula cells through their cached result only', async () => {
    const rows = toArrays(validRows());
    const paguIndex = PPK_COLUMNS.findIndex((c) => c.field === 'pagu');
    const xlsx = await makeXlsx({
      headers: HEADERS,
      rows: rows.map((row, i) => {
        const copy: unknown[] = [...row];
        if (i === 0) copy[paguIndex] = 1_500_000_000;
        // The formula would give 2; Excel saved 1.5 billion, and that is what counts.
        if (i === 1) copy[paguIndex] = { formula: '1+1', result: 1_500_000_000 };
        return copy as typeof row;
      }),
    });
    const result = expectValid(await checkPpkFile(xlsx, undefined, undefined, OPTIONS));
    expect(result.entries.slice(0, 2).map((e) => e.pagu)).toEqual([1_500_000_000, 1_500_000_000]);
  });

  it('accepts a phone number cell whose leading 0 Excel dropped', async () => {
    const rows = validRows().slice(0, 1);
    const phoneIndex = PPK_COLUMNS.findIndex((c) => c.field === 'phone');
    const arrays = toArrays(rows).map((row) => row.map((cell, i) => (i === phoneIndex ? 81234567890 : cell)));
    const result = expectValid(
      await checkPpkFile(await makeXlsx({ headers: HEADERS, rows: arrays }), undefined, undefined, OPTIONS),
    );
    expect(result.entries[0]?.phone).toBe('+6281234567890');
  });
});

function withRow(changes: Partial<Row>, base: Row = validRows()[0] as Row): Row {
  return { ...base, ...changes };
}

async function checkCsvRows(rows: Row[]) {
  return checkPpkFile(makeCsv(HEADERS, toArrays(rows)), 'daftar.csv', undefined, OPTIONS);
}

describe('checkPpkFile: every error at once', () => {
  it('reports each error kind with its row, column and code, all in one answer', async () => {
    const rows: Row[] = [
      withRow({ nip: '1985033020100110' }), // 2
      withRow({ nip: '198502312010011002', email: 'budi@', phone: '021-555-1234' }), // 3
      withRow({ nip: '198503302010013002', role: 'Bendahara', pagu: '1.5 M' }), // 4
      withRow({ nip: '199001152015032001', name: '', pagu: '1,500.000', fiscalYear: '2019' }), // 5
      withRow({ nip: '199001152015032001', name: 'Siti', pagu: '1.500.000,50', fiscalYear: '25' }), // 6
      withRow({ packageName: 'Paket Lain', pagu: '-5', phone: '0812' }), // 7
      withRow({ packageName: 'Paket Nol', pagu: '0', decreeNumber: '' }), // 8
      withRow({ packageName: '', pagu: '' }), // 9: a PPK needs a package and its pagu
      withRow({}), // 10: the first valid row (rows 2-9 all failed)
      withRow({}), // 11: duplicate of row 10
      withRow({ role: 'Pokja Pemilihan', pagu: '2.000.000.000' }), // 12: package already has another pagu
      withRow({ role: 'KPA', name: 'Budi Santosa', packageName: '', pagu: '' }), // 13: same NIP, other name
      withRow({ role: 'KPA', nip: '197002021995031001', packageName: '', pagu: '5.000.000' }), // 14: pagu without package
    ];
    const result = await checkCsvRows(rows);
    expect(result.valid).toBe(false);
    expect(!result.valid && result.rows).toBe(13);
    expect(brief(errorsOf(result))).toEqual([
      { row: 2, column: 'NIP', code: 'nip-length' },
      { row: 3, column: 'NIP', code: 'nip-birth-date' },
      { row: 3, column: 'Email', code: 'email-invalid' },
      { row: 3, column: 'Nomor HP', code: 'phone-not-mobile' },
      { row: 4, column: 'NIP', code: 'nip-gender' },
      { row: 4, column: 'Peran', code: 'role-unknown' },
      { row: 4, column: 'Pagu Anggaran (Rp)', code: 'pagu-abbreviation' },
      { row: 5, column: 'Nama', code: 'required' },
      { row: 5, column: 'Pagu Anggaran (Rp)', code: 'pagu-ambiguous' },
      { row: 5, column: 'Tahun Anggaran', code: 'year-range' },
      { row: 6, column: 'Pagu Anggaran (Rp)', code: 'pagu-cents' },
      { row: 6, column: 'Tahun Anggaran', code: 'year-invalid' },
      { row: 7, column: 'Nomor HP', code: 'phone-length' },
      { row: 7, column: 'Pagu Anggaran (Rp)', code: 'pagu-negative' },
      { row: 8, column: 'Pagu Anggaran (Rp)', code: 'pagu-zero' },
      { row: 8, column: 'Nomor SK Penetapan', code: 'required' },
      { row: 9, column: 'Nama Paket', code: 'required' },
      { row: 9, column: 'Pagu Anggaran (Rp)', code: 'required' },
      { row: 11, column: 'NIP', code: 'duplicate-row' },
      { row: 12, column: 'Pagu Anggaran (Rp)', code: 'pagu-inconsistent' },
      { row: 13, column: 'Nama', code: 'nip-name-mismatch' },
      { row: 14, column: 'Nama Paket', code: 'required' },
    ]);
  });

  it('names the earlier row in a duplicate and in a conflicting pagu', async () => {
    const errors = errorsOf(
      await checkCsvRows([
        withRow({}),
        withRow({ role: 'Pokja Pemilihan', pagu: '2.000.000.000' }),
        withRow({ email: 'lain@kemendagri.go.id', phone: '081111111111' }),
      ]),
    );
    expect(errors).toEqual([
      {
        row: 3,
        column: 'Pagu Anggaran (Rp)',
        field: 'pagu',
        code: 'pagu-inconsistent',
        params: { otherRow: 2, otherPagu: 'Rp 1.500.000.000', package: 'Pengadaan Perangkat Jaringan' },
      },
      {
        row: 4,
        column: 'NIP',
        field: 'nip',
        code: 'duplicate-row',
        params: { firstRow: 2, nip: '198503302010011002', role: 'PPK' },
      },
    ]);
  });

  it('treats the package name case- and space-insensitively when finding duplicates', async () => {
    const errors = errorsOf(
      await checkCsvRows([withRow({}), withRow({ packageName: '  pengadaan   PERANGKAT jaringan ' })]),
    );
    expect(brief(errors)).toEqual([{ row: 3, column: 'NIP', code: 'duplicate-row' }]);
  });

  it('does not call the same person in the same role for another package a duplicate', async () => {
    const result = await checkCsvRows([
      withRow({}),
      withRow({ packageName: 'Paket Kedua', pagu: '10.000.000' }),
    ]);
    expect(expectValid(result).summary).toMatchObject({
      rows: 2,
      people: 1,
      packages: 2,
      totalPagu: 1_510_000_000n,
    });
  });

  it('gives the parameters the messages need', async () => {
    const errors = errorsOf(
      await checkCsvRows([withRow({ nip: '12345', role: 'Bendahara', fiscalYear: '2030' })]),
    );
    expect(errors).toEqual([
      { row: 2, column: 'NIP', field: 'nip', code: 'nip-length', params: { length: 5 } },
      {
        row: 2,
        column: 'Peran',
        field: 'role',
        code: 'role-unknown',
        params: {
          value: 'Bendahara',
          allowed:
            'PA, KPA, PPK, Pokja Pemilihan, Pejabat Pengadaan, PjPHP, PPHP, PPSPM, Admin Agency, Auditor',
        },
      },
      {
        row: 2,
        column: 'Tahun Anggaran',
        field: 'fiscalYear',
        code: 'year-range',
        params: { min: '2020', max: '2026' },
      },
    ]);
  });

  it('refuses an 18-digit NIP stored in an XLSX number cell', async () => {
    const nipIndex = PPK_COLUMNS.findIndex((c) => c.field === 'nip');
    const arrays = toArrays(validRows().slice(0, 1)).map((row) =>
      row.map((cell, i) => (i === nipIndex ? EXCEL_NUMBER_NIP : cell)),
    );
    const errors = errorsOf(
      await checkPpkFile(await makeXlsx({ headers: HEADERS, rows: arrays }), undefined, undefined, OPTIONS),
    );
    expect(brief(errors)).toEqual([{ row: 2, column: 'NIP', code: 'nip-number-cell' }]);
  });

  it('refuses a Nama that is only a formula without a cached value, as empty', async () => {
    const nameIndex = PPK_COLUMNS.findIndex((c) => c.field === 'name');
    const arrays = toArrays(validRows().slice(0, 1)).map((row) =>
      row.map((cell, i) => (i === nameIndex ? { formula: 'A1' } : cell)),
    );
    const errors = errorsOf(
      await checkPpkFile(await makeXlsx({ headers: HEADERS, rows: arrays }), undefined, undefined, OPTIONS),
    );
    expect(brief(errors)).toEqual([{ row: 2, column: 'Nama', code: 'required' }]);
  });

  it('caps the length of text cells, allowing package names to be longer', async () => {
    const errors = errorsOf(
      await checkCsvRows([
        withRow({ position: 'x'.repeat(256) }),
        withRow({ packageName: 'p'.repeat(1_000) }),
        withRow({ packageName: 'q'.repeat(1_001) }),
      ]),
    );
    expect(errors).toEqual([
      { row: 2, column: 'Jabatan', field: 'position', code: 'too-long', params: { max: 255 } },
      { row: 4, column: 'Nama Paket', field: 'packageName', code: 'too-long', params: { max: 1_000 } },
    ]);
  });
});

describe('checkPpkFile: file-level errors', () => {
  it('reports one error per missing column, using the template names', async () => {
    const keep = HEADERS.filter((h) => h !== 'Email' && h !== 'Nomor SK Penetapan');
    const errors = errorsOf(
      await checkPpkFile(makeCsv(keep, [keep.map(() => 'x')]), undefined, undefined, OPTIONS),
    );
    expect(errors).toEqual([
      { row: null, column: 'Email', field: 'email', code: 'column-missing', params: { column: 'Email' } },
      {
        row: null,
        column: 'Nomor SK Penetapan',
        field: 'decreeNumber',
        code: 'column-missing',
        params: { column: 'Nomor SK Penetapan' },
      },
    ]);
  });

  it('refuses two columns that mean the same field', () => {
    const outcome = matchColumns([...HEADERS, 'No HP']);
    expect(outcome).toEqual({
      ok: false,
      issues: [
        {
          row: null,
          column: 'No HP',
          field: 'phone',
          code: 'column-duplicate',
          params: { column: 'Nomor HP', first: 'Nomor HP', second: 'No HP' },
        },
      ],
    });
  });

  it('refuses a header without data rows', async () => {
    expect(brief(errorsOf(await checkPpkFile(makeCsv(HEADERS, []), undefined, undefined, OPTIONS)))).toEqual([
      { row: null, column: null, code: 'no-data-rows' },
    ]);
  });

  it('refuses a 25 MB file', async () => {
    const big = Buffer.alloc(25 * 1024 * 1024, 'NIP,Nama\r\n');
    const result = await checkPpkFile(big, 'besar.csv', undefined, OPTIONS);
    expect(result).toMatchObject({
      valid: false,
      fileType: null,
      rows: 0,
      errors: [{ code: 'file-too-large' }],
    });
  });

  it('refuses a PDF and an executable whatever their names', async () => {
    const pdf = Buffer.from('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n', 'latin1');
    const exe = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(64)]);
    expect(brief(errorsOf(await checkPpkFile(pdf, 'daftar.xlsx')))).toEqual([
      { row: null, column: null, code: 'file-type-pdf' },
    ]);
    expect(brief(errorsOf(await checkPpkFile(exe, 'daftar.csv')))).toEqual([
      { row: null, column: null, code: 'file-type-executable' },
    ]);
  });

  it('lets limits be overridden per call', async () => {
    const csv = makeCsv(HEADERS, toArrays(validRows()));
    expect(brief(errorsOf(await checkPpkFile(csv, undefined, { maxDataRows: 4 }, OPTIONS)))).toEqual([
      { row: null, column: null, code: 'too-many-rows' },
    ]);
    expect(brief(errorsOf(await checkPpkFile(csv, undefined, { maxFileBytes: 100 }, OPTIONS)))).toEqual([
      { row: null, column: null, code: 'file-too-large' },
    ]);
  });
});
