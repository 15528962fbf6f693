/**
 * The PPK list template, in Indonesian, as XLSX (styled header, one example row, column widths, NIP and
 * phone columns formatted as text, a drop-down list for Peran, a second sheet of instructions) and as CSV
 * (header and example row, UTF-8 with a byte-order mark so that Excel shows the characters right).
 */
import type * as ExcelJS from 'exceljs';
import { excelJs } from '../../lazy-libraries.js';
import { PPK_COLUMNS } from './columns.js';
import { PPK_COLUMN_WIDTHS, exportCsv } from './export.js';
import type { CsvExportOptions } from './export.js';
import { MAX_DATA_ROWS } from './limits.js';
import { PPK_ROLES } from './roles.js';
import type { PpkField } from './types.js';

export const TEMPLATE_FILE_NAMES = {
  xlsx: 'templat-daftar-ppk.xlsx',
  csv: 'templat-daftar-ppk.csv',
} as const;

export const TEMPLATE_SHEET_NAME = 'Daftar PPK';

export interface TemplateOptions {
  /** Sets the example's tahun anggaran. */
  today?: Date;
}

/**
 * The example row. The NIP is written in its official spaced form and the phone with dashes: both stay text
 * when Excel opens a CSV (a bare 18-digit NIP would be turned into 1,98503E+17 and lose digits).
 */
export function templateExampleRow(today: Date = new Date()): Record<PpkField, string | number> {
  const year = today.getUTCFullYear();
  return {
    nip: '19850330 201001 1 002',
    name: 'Budi Santoso, S.Kom.',
    position: 'Kepala Subbagian Perencanaan',
    role: 'PPK',
    email: 'budi.santoso@kemendagri.go.id',
    phone: '0812-3456-7890',
    workUnit: 'Biro Umum Sekretariat Jenderal',
    packageName: 'Pengadaan Perangkat Jaringan Kantor Pusat',
    pagu: 1_500_000_000,
    fiscalYear: year,
    decreeNumber: `027/123/SJ/${year}`,
  };
}

const INSTRUCTIONS: Record<PpkField, string> = {
  nip: '18 angka (boleh dengan spasi: 19850330 201001 1 002). Kolom ini berformat teks; jangan diubah menjadi angka.',
  name: 'Nama lengkap beserta gelar.',
  position: 'Jabatan struktural atau fungsional.',
  role: `Pilih dari daftar: ${PPK_ROLES.join(', ')}.`,
  email: 'Alamat email aktif untuk akun SPSE.',
  phone: 'Nomor ponsel: 08…, +628… atau 628….',
  workUnit: 'Unit kerja atau satuan kerja.',
  packageName:
    'Wajib untuk PPK, Pokja Pemilihan, Pejabat Pengadaan, PjPHP dan PPHP; boleh kosong untuk peran lain.',
  pagu: 'Rupiah tanpa sen, misalnya 1500000000 atau Rp 1.500.000.000. Jangan disingkat (1,5 M).',
  fiscalYear: 'Empat angka, misalnya 2025.',
  decreeNumber: 'Nomor SK penetapan sebagai pengelola pengadaan.',
};

const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF1F4E79' } };
const THIN: Partial<ExcelJS.Border> = { style: 'thin', color: { argb: 'FFBFBFBF' } };

function columnLetter(index: number): string {
  let n = index;
  let letters = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    letters = String.fromCharCode(65 + rem) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

/**
 * ExcelJS 4.4 has `worksheet.dataValidations.add(range, rule)`, written as one range, but leaves it out of its
 * type declarations. Setting the rule cell by cell instead would create 10,000 empty cells.
 */
interface RangeValidations {
  add(range: string, rule: ExcelJS.DataValidation): void;
}

function rangeValidations(sheet: ExcelJS.Worksheet): RangeValidations {
  const candidate: unknown = Reflect.get(sheet, 'dataValidations');
  if (
    typeof candidate === 'object' &&
    candidate !== null &&
    'add' in candidate &&
    typeof candidate.add === 'function'
  ) {
    const add = candidate.add as (range: string, rule: ExcelJS.DataValidation) => void;
    return { add: (range, rule) => add.call(candidate, range, rule) };
  }
  throw new Error('ExcelJS worksheet has no dataValidations.add');
}

export async function buildTemplateXlsx(options: TemplateOptions = {}): Promise<Uint8Array> {
  const workbook = new (await excelJs()).Workbook();
  workbook.creator = 'Pandu';
  const sheet = workbook.addWorksheet(TEMPLATE_SHEET_NAME, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = PPK_COLUMNS.map((column) => ({
    key: column.field,
    header: column.header,
    width: PPK_COLUMN_WIDTHS[column.field],
  }));
  // Text format on whole columns: what the user types there stays as typed (leading 0, all 18 digits).
  for (const field of ['nip', 'phone', 'decreeNumber'] as const) sheet.getColumn(field).numFmt = '@';
  sheet.getColumn('pagu').numFmt = '"Rp" #,##0';
  sheet.getColumn('fiscalYear').numFmt = '0';

  const header = sheet.getRow(1);
  header.height = 30;
  header.eachCell((cell) => {
    cell.font = { bold: true, color: { argb: 'FFFFFFFF' } };
    cell.fill = HEADER_FILL;
    cell.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
    cell.border = { top: THIN, left: THIN, bottom: THIN, right: THIN };
  });

  const example = templateExampleRow(options.today);
  sheet.addRow(PPK_COLUMNS.map((column) => example[column.field]));

  const roleColumn = columnLetter(PPK_COLUMNS.findIndex((column) => column.field === 'role') + 1);
  rangeValidations(sheet).add(`${roleColumn}2:${roleColumn}${MAX_DATA_ROWS + 1}`, {
    type: 'list',
    allowBlank: true,
    formulae: [`"${PPK_ROLES.join(',')}"`],
    showErrorMessage: true,
    errorStyle: 'stop',
    errorTitle: 'Peran tidak dikenal',
    error: `Pilih salah satu: ${PPK_ROLES.join(', ')}.`,
  });

  const help = workbook.addWorksheet('Petunjuk');
  help.columns = [
    { header: 'Kolom', key: 'column', width: 24 },
    { header: 'Cara mengisi', key: 'how', width: 100 },
  ];
  help.getRow(1).font = { bold: true };
  for (const column of PPK_COLUMNS) help.addRow({ column: column.header, how: INSTRUCTIONS[column.field] });
  help.addRow({});
  help.addRow({
    column: 'Catatan',
    how: 'Satu baris untuk setiap orang, peran dan paket. Isi lembar pertama saja.',
  });

  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

export function buildTemplateCsv(options: TemplateOptions & CsvExportOptions = {}): Uint8Array {
  const example = templateExampleRow(options.today);
  return exportCsv(
    {
      columns: PPK_COLUMNS.map((column) => ({ key: column.field, header: column.header })),
      rows: [example],
    },
    { delimiter: options.delimiter ?? ',', bom: true },
  );
}
