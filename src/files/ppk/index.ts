/** The PPK list module: platform-free parsing, validation, templates, exports and diffs. */
export { checkPpkFile } from './check-ppk-file.js';
export type { PpkCheckInvalid, PpkCheckResult, PpkCheckValid } from './check-ppk-file.js';
export { PPK_COLUMNS, columnFor, headerKey, matchColumns } from './columns.js';
export type { ColumnMap, MatchedColumns, PpkColumn } from './columns.js';
export { detectFileType } from './detect-file-type.js';
export type { DetectedFileType, RefusedFileType } from './detect-file-type.js';
export { COMPARED_FIELDS, diffPpkLists, findRegisterDuplicates } from './diff.js';
export type { PpkChange, PpkDiff, RegisterDuplicate, RegisterEntry } from './diff.js';
export {
  PPK_ERROR_CODES,
  PPK_FILE_ERROR_CODES,
  PPK_ROW_ERROR_CODES,
  ppkErrorMessageId,
} from './error-codes.js';
export type { PpkErrorCode, PpkFileErrorCode, PpkRowErrorCode } from './error-codes.js';
export {
  PPK_COLUMN_WIDTHS,
  csvField,
  exportCsv,
  exportCsvText,
  exportXlsx,
  neutraliseCell,
  ppkEntriesTable,
} from './export.js';
export type { CsvExportOptions, ExportCell, ExportColumn, ExportTable } from './export.js';
export { DEFAULT_PPK_LIMITS, resolveLimits } from './limits.js';
export type { PpkLimits } from './limits.js';
export { errorLines, issueLine, issueMessage, summaryLines } from './messages.js';
export type { Translate } from './messages.js';
export { nipParts, parseNip } from './nip.js';
export { parsePagu } from './pagu.js';
export { parseSpreadsheet } from './parse-spreadsheet.js';
export type { ParsedSpreadsheet, SpreadsheetOutcome, SpreadsheetType } from './parse-spreadsheet.js';
export { parsePhone, phoneForDisplay } from './phone.js';
export { PACKAGE_ROLES, PPK_ROLES, normaliseRole, roleNeedsPackage } from './roles.js';
export type { PpkRole } from './roles.js';
export { formatRupiah } from './rupiah.js';
export { TEMPLATE_FILE_NAMES, buildTemplateCsv, buildTemplateXlsx, templateExampleRow } from './template.js';
export { PPK_FIELDS } from './types.js';
export type { ParsedRow, ParsedSheet, PpkEntry, PpkField, PpkIssue } from './types.js';
export { entryKey, packageKey, summarise, validateRows } from './validate-rows.js';
export type { PpkSummary, ValidateOptions, ValidationResult } from './validate-rows.js';
export { guardZip } from './zip-guard.js';
