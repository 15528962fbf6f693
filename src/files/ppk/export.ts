/**
 * Writes a table (a PPK list, a register, anything) to XLSX and CSV so that no cell can run as a formula
 * when the file is opened: every text cell that begins with = + - @ tab or carriage return gets a leading
 * apostrophe (OWASP, "CSV Injection"). Numbers stay numbers in XLSX; CSV fields are quoted per RFC 4180.
 */
import { excelJs } from '../../lazy-libraries.js';
import { PPK_COLUMNS } from './columns.js';
import { phoneForDisplay } from './phone.js';
import type { PpkEntry, PpkField } from './types.js';

export type ExportCell = string | number | bigint | boolean | Date | null | undefined;

export interface ExportColumn {
  key: string;
  header: string;
  /** Width in characters (XLSX only). */
  width?: number;
  /** Excel number format for the column (XLSX only), e.g. '#,##0'. */
  numFmt?: string;
}

export interface ExportTable {
  sheetName?: string;
  columns: readonly ExportColumn[];
  rows: ReadonlyArray<Readonly<Record<string, ExportCell>>>;
}

const FORMULA_TRIGGER = /^[=+\-@\t\r]/;

/** Prefixes an apostrophe when the text could be read as a formula. */
export function neutraliseCell(text: string): string {
  return FORMULA_TRIGGER.test(text) ? `'${text}` : text;
}

function isoDate(date: Date): string {
  const iso = date.toISOString();
  return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso;
}

type XlsxValue = string | number | boolean | Date | null;

function xlsxValue(cell: ExportCell): XlsxValue {
  if (cell === null || cell === undefined) return null;
  if (typeof cell === 'string') return neutraliseCell(cell);
  if (typeof cell === 'bigint') {
    return cell <= BigInt(Number.MAX_SAFE_INTEGER) && cell >= BigInt(Number.MIN_SAFE_INTEGER)
      ? Number(cell)
      : cell.toString();
  }
  if (typeof cell === 'number') return Number.isFinite(cell) ? cell : null;
  return cell;
}

/** Excel sheet names: at most 31 characters, none of : \ / ? * [ ]. */
function sheetName(name: string | undefined): string {
  const cleaned = (name ?? 'Data')
    .replace(/[:\\/?*[\]]/g, ' ')
    .trim()
    .slice(0, 31);
  return cleaned === '' ? 'Data' : cleaned;
}

export async function exportXlsx(table: ExportTable): Promise<Uint8Array> {
  const workbook = new (await excelJs()).Workbook();
  const sheet = workbook.addWorksheet(sheetName(table.sheetName), {
    views: [{ state: 'frozen', ySplit: 1 }],
  });
  sheet.columns = table.columns.map((column) => ({
    key: column.key,
    header: neutraliseCell(column.header),
    width: column.width ?? Math.max(10, column.header.length + 2),
    ...(column.numFmt === undefined ? {} : { style: { numFmt: column.numFmt } }),
  }));
  sheet.getRow(1).font = { bold: true };
  for (const row of table.rows) {
    sheet.addRow(table.columns.map((column) => xlsxValue(row[column.key])));
  }
  const buffer = await workbook.xlsx.writeBuffer();
  return new Uint8Array(buffer);
}

function csvText(cell: ExportCell): string {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'string') return neutraliseCell(cell);
  if (typeof cell === 'number') return Number.isFinite(cell) ? String(cell) : '';
  if (typeof cell === 'bigint') return cell.toString();
  if (typeof cell === 'boolean') return cell ? 'TRUE' : 'FALSE';
  return isoDate(cell);
}

/** Quotes a field when it holds the delimiter, a quote, a line break, or leading/trailing spaces. */
export function csvField(text: string, delimiter: string): string {
  const needsQuotes = text.includes(delimiter) || /["\r\n]/.test(text) || text !== text.trim();
  return needsQuotes ? `"${text.replace(/"/g, '""')}"` : text;
}

export interface CsvExportOptions {
  delimiter?: ',' | ';' | '\t';
  /** UTF-8 byte-order mark so that Excel reads the file as UTF-8. Default true. */
  bom?: boolean;
}

export function exportCsvText(table: ExportTable, options: CsvExportOptions = {}): string {
  const delimiter = options.delimiter ?? ',';
  const line = (cells: readonly string[]): string =>
    cells.map((cell) => csvField(cell, delimiter)).join(delimiter);
  const lines = [line(table.columns.map((column) => neutraliseCell(column.header)))];
  for (const row of table.rows) lines.push(line(table.columns.map((column) => csvText(row[column.key]))));
  return `${lines.join('\r\n')}\r\n`;
}

export function exportCsv(table: ExportTable, options: CsvExportOptions = {}): Uint8Array {
  const text = exportCsvText(table, options);
  return new TextEncoder().encode((options.bom ?? true) ? `\ufeff${text}` : text);
}

const PAGU_FORMAT = '"Rp" #,##0';

/** Column widths for the PPK list, shared with the template. */
export const PPK_COLUMN_WIDTHS: Record<PpkField, number> = {
  nip: 22,
  name: 30,
  position: 30,
  role: 20,
  email: 32,
  phone: 18,
  workUnit: 32,
  packageName: 40,
  pagu: 22,
  fiscalYear: 16,
  decreeNumber: 26,
};

/**
 * A PPK list as a table with the template's headers, so an export can be uploaded again as it is. Phones are
 * written 08… (as people write them; +62… would need the formula apostrophe).
 */
export function ppkEntriesTable(entries: readonly PpkEntry[], sheetName = 'Daftar PPK'): ExportTable {
  return {
    sheetName,
    columns: PPK_COLUMNS.map((column) => ({
      key: column.field,
      header: column.header,
      width: PPK_COLUMN_WIDTHS[column.field],
      ...(column.field === 'pagu' ? { numFmt: PAGU_FORMAT } : {}),
    })),
    rows: entries.map((entry) => ({
      nip: entry.nip,
      name: entry.name,
      position: entry.position,
      role: entry.role,
      email: entry.email,
      phone: phoneForDisplay(entry.phone),
      workUnit: entry.workUnit,
      packageName: entry.packageName,
      pagu: entry.pagu,
      fiscalYear: entry.fiscalYear,
      decreeNumber: entry.decreeNumber,
    })),
  };
}
