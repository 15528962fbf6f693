/**
 * Bytes in, one sheet out: size limit, type by content, zip guard for XLSX, then the format's reader.
 * Nothing is unpacked or parsed before the checks in front of it have passed.
 */
import { detectFileType } from './detect-file-type.js';
import { fileIssue } from './issues.js';
import { resolveLimits, toMegabytes } from './limits.js';
import type { PpkLimits } from './limits.js';
import { parseCsvText } from './parse-csv.js';
import { parseXlsxBytes } from './parse-xlsx.js';
import type { ParsedSheet, PpkIssue } from './types.js';
import { guardZip } from './zip-guard.js';

export type SpreadsheetType = 'xlsx' | 'csv';

export interface ParsedSpreadsheet {
  fileType: SpreadsheetType;
  sheet: ParsedSheet;
}

export type SpreadsheetOutcome =
  | { ok: true; value: ParsedSpreadsheet }
  | { ok: false; fileType: SpreadsheetType | null; issues: PpkIssue[] };

export async function parseSpreadsheet(
  bytes: Uint8Array,
  limits?: Partial<PpkLimits>,
): Promise<SpreadsheetOutcome> {
  const max = resolveLimits(limits);
  if (bytes.byteLength > max.maxFileBytes) {
    return {
      ok: false,
      fileType: null,
      issues: [
        fileIssue('file-too-large', {
          sizeMb: toMegabytes(bytes.byteLength),
          limitMb: toMegabytes(max.maxFileBytes),
        }),
      ],
    };
  }

  const detected = detectFileType(bytes);
  if (detected.kind === 'refused') return { ok: false, fileType: null, issues: [fileIssue(detected.code)] };

  if (detected.kind === 'csv') {
    const parsed = parseCsvText(detected.text, max.maxDataRows);
    return parsed.ok
      ? { ok: true, value: { fileType: 'csv', sheet: parsed.value } }
      : { ok: false, fileType: 'csv', issues: parsed.issues };
  }

  const guarded = await guardZip(bytes, max);
  if (!guarded.ok) return { ok: false, fileType: 'xlsx', issues: guarded.issues };
  const parsed = await parseXlsxBytes(bytes, max);
  return parsed.ok
    ? { ok: true, value: { fileType: 'xlsx', sheet: parsed.value } }
    : { ok: false, fileType: 'xlsx', issues: parsed.issues };
}
