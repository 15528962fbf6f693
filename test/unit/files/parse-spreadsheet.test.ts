import ExcelJS from 'exceljs';
import { parseSpreadsheet } from '../../../src/files/ppk/parse-spreadsheet.js';
import type { SpreadsheetOutcome } from '../../../src/files/ppk/parse-spreadsheet.js';
import { detectDelimiter } from '../../../src/files/ppk/parse-csv.js';
import type { ParsedSheet } from '../../../src/files/ppk/types.js';
import { makeCsv, makeXlsx } from './ppk-fixtures.js';

function sheetOf(outcome: SpreadsheetOutcome): ParsedSheet {
  if (!outcome.ok) throw new Error(`expected a sheet, got ${JSON.stringify(outcome.issues)}`);
  return outcome.value.sheet;
}

const codesOf = (outcome: SpreadsheetOutcome) =>
  outcome.ok ? [] : outcome.issues.map((issue) => issue.code);

describe('parseSpreadsheet: XLSX', () => {
  it('reads the header and rows with the row numbers the user sees, skipping empty rows', async () => {
    const xlsx = await makeXlsx({
      headers: ['NIP', 'Nama'],
      rows: [['198503302010011002', '  Budi  '], [], [null, 'Siti']],
    });
    const outcome = await parseSpreadsheet(xlsx);
    expect(outcome.ok && outcome.value.fileType).toBe('xlsx');
    expect(sheetOf(outcome)).toEqual({
      headers: ['NIP', 'Nama'],
      rows: [
        { rowNumber: 2, cells: { NIP: '198503302010011002', Nama: 'Budi' } },
        { rowNumber: 4, cells: { NIP: '', Nama: 'Siti' } },
      ],
    });
  });

  it('starts at the first non-empty row and keeps sheet numbering', async () => {
    const xlsx = await makeXlsx({ headers: ['NIP', 'Nama'], rows: [['1', 'Budi']], headerRow: 3 });
    const sheet = sheetOf(await parseSpreadsheet(xlsx));
    expect(sheet.rows.map((row) => row.rowNumber)).toEqual([4]);
  });

  it('uses only the cached result of a formula and never evaluates it', async () => {
    const xlsx = await makeXlsx({
      headers: ['Nama', 'Pagu', 'Kosong'],
      rows: [
        [
          // The cached value deliberately disagrees with the formula: evaluating would give "Budi".
          { formula: 'CONCATENATE("Bu","di")', result: 'Siti' },
          { formula: '1+1', result: 1_500_000_000 },
          { formula: 'NOW()' },
        ],
      ],
    });
    const [row] = sheetOf(await parseSpreadsheet(xlsx)).rows;
    expect(row?.cells).toEqual({ Nama: 'Siti', Pagu: '1500000000', Kosong: '' });
    expect(row?.numbers).toEqual({ Pagu: 1_500_000_000 });
  });

  it('turns rich text, hyperlinks, dates, booleans and errors into plain text', async () => {
    const xlsx = await makeXlsx({
      headers: ['Nama', 'Email', 'Tanggal', 'Waktu', 'Aktif', 'Galat'],
      rows: [
        [
          { richText: [{ text: 'Budi ' }, { text: 'Santoso', font: { bold: true } }] },
          { text: 'budi@kemendagri.go.id', hyperlink: 'mailto:budi@kemendagri.go.id' },
          new Date(Date.UTC(2025, 0, 15)),
          new Date(Date.UTC(2025, 0, 15, 8, 30)),
          true,
          { error: '#DIV/0!' },
        ],
      ],
    });
    const [row] = sheetOf(await parseSpreadsheet(xlsx)).rows;
    expect(row?.cells).toEqual({
      Nama: 'Budi Santoso',
      Email: 'budi@kemendagri.go.id',
      Tanggal: '2025-01-15',
      Waktu: '2025-01-15T08:30:00.000Z',
      Aktif: 'TRUE',
      Galat: '#DIV/0!',
    });
  });

  it('folds line breaks in header cells (Alt+Enter) and keeps the first of two equal headers', async () => {
    const xlsx = await makeXlsx({
      headers: ['Pagu Anggaran\n(Rp)', 'Nama', 'Nama'],
      rows: [['1', 'a', 'b']],
    });
    const sheet = sheetOf(await parseSpreadsheet(xlsx));
    expect(sheet.headers).toEqual(['Pagu Anggaran (Rp)', 'Nama', 'Nama']);
    expect(sheet.rows[0]?.cells).toEqual({ 'Pagu Anggaran (Rp)': '1', Nama: 'a' });
  });

  it('reads only the first worksheet', async () => {
    const xlsx = await makeXlsx({
      headers: ['Nama'],
      rows: [['Budi']],
      extraSheets: [{ name: 'Lain', rows: [['Nama'], ['Bukan ini']] }],
    });
    expect(sheetOf(await parseSpreadsheet(xlsx)).rows).toHaveLength(1);
  });

  it('never reads the parts ExcelJS would expand cell by cell (data validations, merges over huge ranges)', async () => {
    // ExcelJS turns a validation over A1:XFD1048576 into 17 billion entries; the reader must skip the node.
    type Load = (this: unknown, data: unknown, options?: { ignoreNodes?: string[] }) => Promise<unknown>;
    const xlsxPrototype = Object.getPrototypeOf(new ExcelJS.Workbook().xlsx) as { load: Load };
    const original = xlsxPrototype.load;
    const seen: Array<string[] | undefined> = [];
    xlsxPrototype.load = function (this: unknown, data, options) {
      seen.push(options?.ignoreNodes);
      return original.call(this, data, options);
    };
    try {
      const xlsx = await makeXlsx({
        headers: ['Nama'],
        rows: [['Budi']],
        edit: (sheet) => {
          const validations = Reflect.get(sheet, 'dataValidations') as {
            add: (range: string, rule: object) => void;
          };
          validations.add('A1:Z40000', { type: 'list', allowBlank: true, formulae: ['"a,b"'] });
        },
      });
      expect(sheetOf(await parseSpreadsheet(xlsx)).rows).toHaveLength(1);
      expect(seen).toEqual([
        expect.arrayContaining(['dataValidations', 'mergeCells', 'conditionalFormatting']),
      ]);
    } finally {
      xlsxPrototype.load = original;
    }
  });

  it('refuses an empty first sheet', async () => {
    expect(codesOf(await parseSpreadsheet(await makeXlsx({ headers: [], rows: [] })))).toEqual([
      'sheet-empty',
    ]);
  });

  it('refuses more data rows than the limit, counting only non-empty rows', async () => {
    const rows = Array.from({ length: 6 }, (_, i) => [`Orang ${i}`]);
    const xlsx = await makeXlsx({ headers: ['Nama'], rows: [...rows.slice(0, 3), [], [], ...rows.slice(3)] });
    expect(codesOf(await parseSpreadsheet(xlsx, { maxDataRows: 5 }))).toEqual(['too-many-rows']);
    expect(sheetOf(await parseSpreadsheet(xlsx, { maxDataRows: 6 })).rows).toHaveLength(6);
  });

  it('stops reading a sheet with too many row elements, empty formatted ones included', async () => {
    const xlsx = await makeXlsx({
      headers: ['Nama'],
      rows: [['Budi']],
      edit: (sheet) => {
        for (let r = 3; r < 50; r += 1) sheet.getRow(r).height = 20;
      },
    });
    expect(codesOf(await parseSpreadsheet(xlsx, { maxSheetRowElements: 20 }))).toEqual(['too-many-rows']);
  });
});

describe('parseSpreadsheet: CSV', () => {
  it('reads a comma CSV with BOM, trims cells and numbers rows like Excel, blank lines included', async () => {
    const csv = makeCsv(['NIP', 'Nama'], [['1', ' Budi '], [], ['2', 'Siti, S.E.']], { bom: true });
    const outcome = await parseSpreadsheet(csv);
    expect(outcome.ok && outcome.value.fileType).toBe('csv');
    expect(sheetOf(outcome)).toEqual({
      headers: ['NIP', 'Nama'],
      rows: [
        { rowNumber: 2, cells: { NIP: '1', Nama: 'Budi' } },
        { rowNumber: 4, cells: { NIP: '2', Nama: 'Siti, S.E.' } },
      ],
    });
  });

  it('detects a semicolon delimiter (Excel in an Indonesian locale)', async () => {
    const csv = makeCsv(['NIP', 'Pagu'], [['1', '1.500.000,00']], { delimiter: ';' });
    expect(sheetOf(await parseSpreadsheet(csv)).rows[0]?.cells).toEqual({ NIP: '1', Pagu: '1.500.000,00' });
  });

  it('detects a tab delimiter', async () => {
    const csv = makeCsv(['NIP', 'Nama'], [['1', 'Budi, S.Kom.']], { delimiter: '\t', eol: '\n' });
    expect(sheetOf(await parseSpreadsheet(csv)).rows[0]?.cells).toEqual({ NIP: '1', Nama: 'Budi, S.Kom.' });
  });

  it('counts a quoted line break as one row, as Excel does', async () => {
    const csv = makeCsv(
      ['Nama', 'Jabatan'],
      [
        ['Budi', 'Kepala\nSubbagian'],
        ['Siti', 'Analis'],
      ],
    );
    expect(sheetOf(await parseSpreadsheet(csv)).rows.map((row) => row.rowNumber)).toEqual([2, 3]);
  });

  it('reports where a CSV breaks', async () => {
    const csv = new TextEncoder().encode('Nama,Jabatan\nBudi,Analis\n"Siti,Analis\n');
    const outcome = await parseSpreadsheet(csv);
    expect(codesOf(outcome)).toEqual(['csv-invalid']);
    expect(!outcome.ok && outcome.issues[0]?.params.line).toBeGreaterThanOrEqual(3);
  });

  it('accepts exactly 10,000 data rows and refuses 10,001', async () => {
    const rows = (n: number) => Array.from({ length: n }, (_, i) => [String(i), 'Nama']);
    expect(sheetOf(await parseSpreadsheet(makeCsv(['NIP', 'Nama'], rows(10_000)))).rows).toHaveLength(10_000);
    const outcome = await parseSpreadsheet(makeCsv(['NIP', 'Nama'], rows(10_001)));
    expect(outcome).toMatchObject({
      ok: false,
      issues: [{ code: 'too-many-rows', params: { limit: 10_000 } }],
    });
  });

  it('refuses a 25 MB file before looking at its content', async () => {
    const big = Buffer.alloc(25 * 1024 * 1024, 'a,b\r\n');
    const outcome = await parseSpreadsheet(big);
    expect(outcome).toEqual({
      ok: false,
      fileType: null,
      issues: [expect.objectContaining({ code: 'file-too-large', params: { sizeMb: 25, limitMb: 20 } })],
    });
  });
});

describe('detectDelimiter', () => {
  it.each([
    ['NIP,Nama\n1,2', ','],
    ['NIP;Nama;Peran\n1;2;3', ';'],
    ['NIP\tNama\n1\t2', '\t'],
    ['"Nama, lengkap";NIP\n', ';'],
    ['\n\nNIP;Nama\n', ';'],
    ['Nama\n', ','],
  ])('%j → %j', (text, expected) => {
    expect(detectDelimiter(text)).toBe(expected);
  });
});
