/**
 * The template's columns (Indonesian headers, in template order) and how a file's headers are matched to
 * them: letter case, spacing and punctuation do not matter, order does not matter, and a few common
 * alternative names are accepted. Extra columns (a "No." column, remarks) are ignored.
 */
import { fileIssue } from './issues.js';
import type { Outcome, PpkField, PpkIssue } from './types.js';

export interface PpkColumn {
  field: PpkField;
  /** Header in the template. */
  header: string;
  aliases: readonly string[];
}

export const PPK_COLUMNS: readonly PpkColumn[] = [
  { field: 'nip', header: 'NIP', aliases: ['NIP Pegawai', 'Nomor Induk Pegawai', 'NIP Baru'] },
  { field: 'name', header: 'Nama', aliases: ['Nama Lengkap', 'Nama Pegawai', 'Nama Pejabat', 'Name'] },
  { field: 'position', header: 'Jabatan', aliases: ['Nama Jabatan', 'Position'] },
  { field: 'role', header: 'Peran', aliases: ['Peran SPSE', 'Role', 'Peran Pengguna'] },
  { field: 'email', header: 'Email', aliases: ['E-mail', 'Alamat Email', 'Surel', 'Alamat Surel'] },
  {
    field: 'phone',
    header: 'Nomor HP',
    aliases: [
      'No HP',
      'No. HP',
      'Nomor Handphone',
      'No Handphone',
      'HP',
      'Nomor Ponsel',
      'No WA',
      'Nomor WhatsApp',
      'Phone',
    ],
  },
  {
    field: 'workUnit',
    header: 'Unit Kerja',
    aliases: ['Satuan Kerja', 'Satker', 'Unit Organisasi', 'Work Unit'],
  },
  {
    field: 'packageName',
    header: 'Nama Paket',
    aliases: ['Paket', 'Nama Paket Pekerjaan', 'Paket Pekerjaan', 'Package'],
  },
  {
    field: 'pagu',
    header: 'Pagu Anggaran (Rp)',
    aliases: ['Pagu', 'Pagu Anggaran', 'Pagu (Rp)', 'Nilai Pagu', 'Pagu Paket', 'Budget Ceiling'],
  },
  {
    field: 'fiscalYear',
    header: 'Tahun Anggaran',
    aliases: ['TA', 'Tahun', 'Tahun Anggaran (TA)', 'Fiscal Year'],
  },
  {
    field: 'decreeNumber',
    header: 'Nomor SK Penetapan',
    aliases: [
      'Nomor SK',
      'No SK',
      'No. SK Penetapan',
      'SK Penetapan',
      'Nomor Surat Keputusan',
      'Decree Number',
    ],
  },
];

export function columnFor(field: PpkField): PpkColumn {
  const column = PPK_COLUMNS.find((c) => c.field === field);
  if (column === undefined) throw new Error(`no column for field ${field}`);
  return column;
}

/** Lower case, letters and digits only: "No. HP" and "no hp" and "NO_HP" all become "nohp". */
export function headerKey(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '');
}

const FIELD_BY_KEY = new Map<string, PpkField>();
for (const column of PPK_COLUMNS) {
  for (const name of [column.header, ...column.aliases]) FIELD_BY_KEY.set(headerKey(name), column.field);
}

/** Which header of the file holds each field. */
export type ColumnMap = Record<PpkField, string>;

export interface MatchedColumns {
  columns: ColumnMap;
  /** Headers that matched no template column. */
  ignored: string[];
}

export function matchColumns(headers: readonly string[]): Outcome<MatchedColumns> {
  const found = new Map<PpkField, string>();
  const ignored: string[] = [];
  const issues: PpkIssue[] = [];
  for (const header of headers) {
    const field = FIELD_BY_KEY.get(headerKey(header));
    if (field === undefined) {
      ignored.push(header);
      continue;
    }
    const first = found.get(field);
    if (first === undefined) {
      found.set(field, header);
    } else {
      issues.push({
        ...fileIssue('column-duplicate', { column: columnFor(field).header, first, second: header }),
        column: header,
        field,
      });
    }
  }
  for (const column of PPK_COLUMNS) {
    if (!found.has(column.field)) {
      issues.push({
        ...fileIssue('column-missing', { column: column.header }),
        column: column.header,
        field: column.field,
      });
    }
  }
  if (issues.length > 0) return { ok: false, issues };
  const header = (field: PpkField): string => found.get(field) ?? columnFor(field).header;
  const columns: ColumnMap = {
    nip: header('nip'),
    name: header('name'),
    position: header('position'),
    role: header('role'),
    email: header('email'),
    phone: header('phone'),
    workUnit: header('workUnit'),
    packageName: header('packageName'),
    pagu: header('pagu'),
    fiscalYear: header('fiscalYear'),
    decreeNumber: header('decreeNumber'),
  };
  return { ok: true, value: { columns, ignored } };
}
