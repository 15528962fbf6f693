/** Limits on an uploaded PPK list. Each can be overridden (tests, or an admin with a reason). */

const MIB = 1024 * 1024;

/** Telegram bots cannot download more than 20 MB; the same bound holds for Slack and the CLI. */
export const MAX_FILE_BYTES = 20 * MIB;
/** Data rows (the header not counted). */
export const MAX_DATA_ROWS = 10_000;
/** `<row>` elements ExcelJS may read from one sheet, empty formatted ones included (a memory bound). */
export const MAX_SHEET_ROW_ELEMENTS = 100_000;
/** Entries in an XLSX zip (a real workbook has a few dozen). */
export const MAX_ZIP_ENTRIES = 1_000;
/** Sum of the uncompressed sizes of every entry. */
export const MAX_ZIP_UNCOMPRESSED_BYTES = 100 * MIB;
/** Uncompressed / compressed size of one entry. */
export const MAX_ZIP_COMPRESSION_RATIO = 200;
/** Entries smaller than this (uncompressed) are not held to the ratio: they cannot hurt. */
export const ZIP_RATIO_EXEMPT_BELOW_BYTES = 1 * MIB;

export interface PpkLimits {
  maxFileBytes: number;
  maxDataRows: number;
  maxSheetRowElements: number;
  maxZipEntries: number;
  maxZipUncompressedBytes: number;
  maxZipCompressionRatio: number;
  zipRatioExemptBelowBytes: number;
}

export const DEFAULT_PPK_LIMITS: Readonly<PpkLimits> = Object.freeze({
  maxFileBytes: MAX_FILE_BYTES,
  maxDataRows: MAX_DATA_ROWS,
  maxSheetRowElements: MAX_SHEET_ROW_ELEMENTS,
  maxZipEntries: MAX_ZIP_ENTRIES,
  maxZipUncompressedBytes: MAX_ZIP_UNCOMPRESSED_BYTES,
  maxZipCompressionRatio: MAX_ZIP_COMPRESSION_RATIO,
  zipRatioExemptBelowBytes: ZIP_RATIO_EXEMPT_BELOW_BYTES,
});

export function resolveLimits(overrides?: Partial<PpkLimits>): PpkLimits {
  return { ...DEFAULT_PPK_LIMITS, ...overrides };
}

/** Bytes as megabytes with one decimal, for messages. */
export function toMegabytes(bytes: number): number {
  return Math.round((bytes / MIB) * 10) / 10;
}
