import type { PpkErrorCode, PpkRowErrorCode } from './error-codes.js';
import type { PpkRole } from './roles.js';

/** The template's columns, by a stable key (the Indonesian headers live in `columns.ts`). */
export const PPK_FIELDS = [
  'nip',
  'name',
  'position',
  'role',
  'email',
  'phone',
  'workUnit',
  'packageName',
  'pagu',
  'fiscalYear',
  'decreeNumber',
] as const;
export type PpkField = (typeof PPK_FIELDS)[number];

/** Parameters given to a locale message. Strings for anything that must not be number-formatted (years, NIP). */
export type PpkIssueParams = Record<string, string | number>;

/** One problem found in an uploaded list: file-level (row and column null) or about one cell or row. */
export interface PpkIssue {
  /** Row as the user sees it in the sheet (header = row 1); null for a file-level problem. */
  row: number | null;
  /** Column header as written in the file (the template's name for a missing column); null if no column. */
  column: string | null;
  /** The template field the problem is about, when there is one. */
  field: PpkField | null;
  code: PpkErrorCode;
  params: PpkIssueParams;
}

/** What a single-field parser returns: the normalised value, or an error code with its parameters. */
export type FieldResult<T> =
  { ok: true; value: T } | { ok: false; code: PpkRowErrorCode; params?: PpkIssueParams };

export type Outcome<T> = { ok: true; value: T } | { ok: false; issues: PpkIssue[] };

/** One validated row of the list. */
export interface PpkEntry {
  /** Row in the uploaded sheet (header = row 1). */
  rowNumber: number;
  /** 18 digits, no spaces. */
  nip: string;
  name: string;
  /** Jabatan. */
  position: string;
  role: PpkRole;
  /** Lower-cased. */
  email: string;
  /** Normalised to +628… */
  phone: string;
  workUnit: string;
  /** Null only for a role not tied to a package (PA, KPA, PPSPM, Admin Agency, Auditor) left blank. */
  packageName: string | null;
  /** Whole Rupiah, null exactly when packageName is null. */
  pagu: number | null;
  fiscalYear: number;
  /** Nomor SK penetapan. */
  decreeNumber: string;
}

/** A sheet as read from a file: header texts and the non-empty data rows. */
export interface ParsedSheet {
  headers: string[];
  rows: ParsedRow[];
}

export interface ParsedRow {
  /** Row as the user sees it in the sheet (header = row 1 when the header is the first row). */
  rowNumber: number;
  /** Cell text by header (trimmed; formula cells give their cached result; dates give ISO strings). */
  cells: Record<string, string>;
  /** For XLSX number cells only: the raw number by header (lets NIP, phone and pagu see what Excel stored). */
  numbers?: Record<string, number>;
}
