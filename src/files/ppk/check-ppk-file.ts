/**
 * The one entry point for a PPK list, used by the chat upload and by `pandu ppk check`: bytes in, either
 * the validated entries with their summary, or every problem found (file-level or per row).
 */
import { matchColumns } from './columns.js';
import { fileIssue } from './issues.js';
import type { PpkLimits } from './limits.js';
import { parseSpreadsheet } from './parse-spreadsheet.js';
import type { SpreadsheetType } from './parse-spreadsheet.js';
import type { PpkEntry, PpkIssue } from './types.js';
import { validateRows } from './validate-rows.js';
import type { PpkSummary, ValidateOptions } from './validate-rows.js';

export interface PpkCheckValid {
  valid: true;
  fileName: string | null;
  fileType: SpreadsheetType;
  entries: PpkEntry[];
  summary: PpkSummary;
  /** Headers in the file that are not template columns (they were not read). */
  ignoredColumns: string[];
}

export interface PpkCheckInvalid {
  valid: false;
  fileName: string | null;
  /** Null when the file was refused before its type was known. */
  fileType: SpreadsheetType | null;
  /** Data rows read (0 when the file was refused before its rows were read). */
  rows: number;
  errors: PpkIssue[];
}

export type PpkCheckResult = PpkCheckValid | PpkCheckInvalid;

/**
 * `fileName` is only carried into the result: the type is decided by content, never by name.
 * `limits` overrides the defaults in limits.ts; `options` sets "today" and the accepted fiscal years.
 */
export async function checkPpkFile(
  bytes: Uint8Array,
  fileName?: string,
  limits?: Partial<PpkLimits>,
  options?: ValidateOptions,
): Promise<PpkCheckResult> {
  const name = fileName ?? null;
  const parsed = await parseSpreadsheet(bytes, limits);
  if (!parsed.ok)
    return { valid: false, fileName: name, fileType: parsed.fileType, rows: 0, errors: parsed.issues };

  const { fileType, sheet } = parsed.value;
  const rows = sheet.rows.length;
  const matched = matchColumns(sheet.headers);
  if (!matched.ok) return { valid: false, fileName: name, fileType, rows, errors: matched.issues };
  if (rows === 0)
    return { valid: false, fileName: name, fileType, rows, errors: [fileIssue('no-data-rows')] };

  const validated = validateRows(sheet, matched.value.columns, options);
  if (!validated.valid) return { valid: false, fileName: name, fileType, rows, errors: validated.errors };
  return {
    valid: true,
    fileName: name,
    fileType,
    entries: validated.entries,
    summary: validated.summary,
    ignoredColumns: matched.value.ignored,
  };
}
