/**
 * Builds PPK list fixtures at run time: XLSX with ExcelJS, CSV as strings, and raw zips by hand (for zip
 * bombs and other archives no spreadsheet program would write). Nothing here is committed as a binary.
 */
import { crc32, createDeflateRaw, deflateRawSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import { PPK_COLUMNS } from '../../../src/files/ppk/columns.js';
import type { PpkField } from '../../../src/files/ppk/types.js';

/** "Today" for every check in the tests, so NIP and fiscal-year rules do not drift with the calendar. */
export const TODAY = new Date(Date.UTC(2025, 5, 15));
export const OPTIONS = { today: TODAY };

export const HEADERS: string[] = PPK_COLUMNS.map((column) => column.header);

export type Row = Record<PpkField, string | number>;

/** Four people, five rows, two packages (pagu Rp 1.500.000.000 and Rp 750.000.000), one PA without package. */
export function validRows(): Row[] {
  return [
    {
      nip: '198503302010011002',
      name: 'Budi Santoso',
      position: 'Kepala Subbagian Perencanaan',
      role: 'PPK',
      email: 'Budi.Santoso@kemendagri.go.id',
      phone: '0812-3456-7890',
      workUnit: 'Biro Umum',
      packageName: 'Pengadaan Perangkat Jaringan',
      pagu: 'Rp 1.500.000.000',
      fiscalYear: '2025',
      decreeNumber: '027/101/SJ/2025',
    },
    {
      nip: '199001152015032001',
      name: 'Siti Aminah',
      position: 'Analis Pengadaan',
      role: 'pokja pemilihan',
      email: 'siti.aminah@kemendagri.go.id',
      phone: '+62 813 1111 2222',
      workUnit: 'Biro Umum',
      packageName: 'Pengadaan Perangkat Jaringan',
      pagu: '1500000000',
      fiscalYear: '2025',
      decreeNumber: '027/102/SJ/2025',
    },
    {
      nip: '198807072012121003',
      name: 'Agus Wibowo',
      position: 'Pranata Komputer',
      role: 'Pokja Pemilihan',
      email: 'agus.wibowo@kemendagri.go.id',
      phone: '6285712345678',
      workUnit: 'Biro Umum',
      packageName: 'Pengadaan Perangkat Jaringan',
      pagu: 'Rp1.500.000.000,00',
      fiscalYear: '2025',
      decreeNumber: '027/102/SJ/2025',
    },
    {
      nip: '198807072012121003',
      name: 'Agus Wibowo',
      position: 'Pranata Komputer',
      role: 'PPK',
      email: 'agus.wibowo@kemendagri.go.id',
      phone: '6285712345678',
      workUnit: 'Biro Umum',
      packageName: 'Pemeliharaan Gedung Kantor',
      pagu: '750.000.000',
      fiscalYear: '2025',
      decreeNumber: '027/103/SJ/2025',
    },
    {
      nip: '197002021995031001',
      name: 'Drs. Hendra Gunawan, M.Si.',
      position: 'Kepala Biro Umum',
      role: 'KPA',
      email: 'hendra.gunawan@kemendagri.go.id',
      phone: '0811 234 567',
      workUnit: 'Biro Umum',
      packageName: '',
      pagu: '',
      fiscalYear: '2025',
      decreeNumber: '027/100/SJ/2025',
    },
  ];
}

export function toArrays(
  rows: readonly Row[],
  fields: readonly PpkField[] = PPK_COLUMNS.map((c) => c.field),
) {
  return rows.map((row) => fields.map((field) => row[field]));
}

export interface SheetSpec {
  headers: readonly string[];
  rows: ReadonlyArray<ReadonlyArray<ExcelJS.CellValue>>;
  /** Row number of the header (default 1). */
  headerRow?: number;
  extraSheets?: Array<{ name: string; rows: ReadonlyArray<ReadonlyArray<ExcelJS.CellValue>> }>;
  /** Called before writing, to tweak cells. */
  edit?: (sheet: ExcelJS.Worksheet) => void;
}

export async function makeXlsx(spec: SheetSpec): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Daftar');
  const start = spec.headerRow ?? 1;
  sheet.getRow(start).values = [...spec.headers];
  spec.rows.forEach((row, index) => {
    sheet.getRow(start + 1 + index).values = [...row];
  });
  for (const extra of spec.extraSheets ?? []) {
    const other = workbook.addWorksheet(extra.name);
    extra.rows.forEach((row) => other.addRow([...row]));
  }
  spec.edit?.(sheet);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

export type CsvCell = string | number | null | undefined;

function csvCell(value: CsvCell, delimiter: string): string {
  const text = value === null || value === undefined ? '' : String(value);
  return text.includes(delimiter) || /["\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvText(
  headers: readonly string[],
  rows: ReadonlyArray<ReadonlyArray<CsvCell>>,
  options: { delimiter?: string; bom?: boolean; eol?: string } = {},
): string {
  const delimiter = options.delimiter ?? ',';
  const eol = options.eol ?? '\r\n';
  const lines = [headers, ...rows].map((row) => row.map((cell) => csvCell(cell, delimiter)).join(delimiter));
  return `${options.bom ? '\ufeff' : ''}${lines.join(eol)}${eol}`;
}

export function makeCsv(...args: Parameters<typeof csvText>): Uint8Array {
  return new TextEncoder().encode(csvText(...args));
}

// ---------------------------------------------------------------------------------------------------------
// Zips by hand

export interface ZipEntrySpec {
  name: string;
  /** Data as stored in the archive (already deflated when method is 8). */
  stored: Buffer;
  method: 0 | 8;
  crc: number;
  uncompressedSize: number;
  /** General purpose flag (bit 0 = encrypted). */
  flags?: number;
}

/** An entry from its plain content, deflated. */
export function deflatedEntry(name: string, content: string | Buffer): ZipEntrySpec {
  const data = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
  return { name, stored: deflateRawSync(data), method: 8, crc: crc32(data), uncompressedSize: data.length };
}

export function storedEntry(name: string, content: string | Buffer): ZipEntrySpec {
  const data = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
  return { name, stored: data, method: 0, crc: crc32(data), uncompressedSize: data.length };
}

/** `size` zero bytes, deflated chunk by chunk so the test never holds them in memory. */
export async function deflatedZeros(name: string, size: number): Promise<ZipEntrySpec> {
  const chunk = Buffer.alloc(1024 * 1024);
  const deflate = createDeflateRaw({ level: 9 });
  const parts: Buffer[] = [];
  deflate.on('data', (part: Buffer) => parts.push(part));
  const done = new Promise<void>((resolve, reject) => {
    deflate.on('end', resolve);
    deflate.on('error', reject);
  });
  let crc = 0;
  for (let written = 0; written < size; written += chunk.length) {
    const piece = chunk.subarray(0, Math.min(chunk.length, size - written));
    crc = crc32(piece, crc);
    if (!deflate.write(piece)) await new Promise((resolve) => deflate.once('drain', resolve));
  }
  deflate.end();
  await done;
  return { name, stored: Buffer.concat(parts), method: 8, crc, uncompressedSize: size };
}

export function buildZip(entries: readonly ZipEntrySpec[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name, 'utf8');
    const flags = (entry.flags ?? 0) | 0x0800; // UTF-8 names
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(flags, 6);
    local.writeUInt16LE(entry.method, 8);
    local.writeUInt32LE(0, 10); // time, date
    local.writeUInt32LE(entry.crc, 14);
    local.writeUInt32LE(entry.stored.length, 18);
    local.writeUInt32LE(entry.uncompressedSize, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28);
    locals.push(local, name, entry.stored);

    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(flags, 8);
    central.writeUInt16LE(entry.method, 10);
    central.writeUInt32LE(0, 12);
    central.writeUInt32LE(entry.crc, 16);
    central.writeUInt32LE(entry.stored.length, 20);
    central.writeUInt32LE(entry.uncompressedSize, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt16LE(0, 30);
    central.writeUInt16LE(0, 32);
    central.writeUInt16LE(0, 34);
    central.writeUInt16LE(0, 36);
    central.writeUInt32LE(0, 38);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, name);
    offset += local.length + name.length + entry.stored.length;
  }
  const centralSize = centrals.reduce((sum, part) => sum + part.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(0, 4);
  end.writeUInt16LE(0, 6);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(centralSize, 12);
  end.writeUInt32LE(offset, 16);
  end.writeUInt16LE(0, 20);
  return Buffer.concat([...locals, ...centrals, end]);
}

/** The two parts that make a zip look like an XLSX to the content check. */
export function xlsxMarkerEntries(): ZipEntrySpec[] {
  return [
    deflatedEntry(
      '[Content_Types].xml',
      '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
    ),
    deflatedEntry('xl/workbook.xml', '<?xml version="1.0" encoding="UTF-8"?><workbook/>'),
  ];
}
