/**
 * Every problem the PPK list check can report, as a code. Codes are not sentences: the chat and the CLI
 * render them through the locale files (`locales/<lang>/ppk.ftl`, message id `ppk-error-<code>`).
 */
export const PPK_FILE_ERROR_CODES = [
  'file-empty',
  'file-too-large',
  'file-type-pdf',
  'file-type-legacy-office',
  'file-type-executable',
  'file-type-zip-not-xlsx',
  'file-type-markup',
  'file-type-binary',
  'file-type-not-utf8',
  'zip-invalid',
  'zip-encrypted',
  'zip-too-many-entries',
  'zip-too-large',
  'zip-compression-ratio',
  'zip-macro',
  'xlsx-invalid',
  'xlsx-no-worksheet',
  'csv-invalid',
  'sheet-empty',
  'too-many-rows',
  'no-data-rows',
  'column-missing',
  'column-duplicate',
] as const;

export const PPK_ROW_ERROR_CODES = [
  'required',
  'too-long',
  'nip-not-digits',
  'nip-length',
  'nip-number-cell',
  'nip-birth-date',
  'nip-birth-year',
  'nip-appointment-date',
  'nip-appointment-too-early',
  'nip-appointment-future',
  'nip-gender',
  'nip-name-mismatch',
  'email-invalid',
  'phone-invalid',
  'phone-not-mobile',
  'phone-length',
  'role-unknown',
  'pagu-abbreviation',
  'pagu-ambiguous',
  'pagu-cents',
  'pagu-negative',
  'pagu-zero',
  'pagu-not-number',
  'pagu-too-large',
  'pagu-inconsistent',
  'year-invalid',
  'year-range',
  'duplicate-row',
] as const;

export const PPK_ERROR_CODES = [...PPK_FILE_ERROR_CODES, ...PPK_ROW_ERROR_CODES] as const;

export type PpkFileErrorCode = (typeof PPK_FILE_ERROR_CODES)[number];
export type PpkRowErrorCode = (typeof PPK_ROW_ERROR_CODES)[number];
export type PpkErrorCode = PpkFileErrorCode | PpkRowErrorCode;

/** The Fluent message id for an error code. */
export function ppkErrorMessageId(code: PpkErrorCode): string {
  return `ppk-error-${code}`;
}
