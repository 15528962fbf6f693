import type { PpkFileErrorCode, PpkRowErrorCode } from './error-codes.js';
import type { PpkField, PpkIssue, PpkIssueParams } from './types.js';

export function fileIssue(code: PpkFileErrorCode, params: PpkIssueParams = {}): PpkIssue {
  return { row: null, column: null, field: null, code, params };
}

export function cellIssue(
  row: number,
  column: string,
  field: PpkField | null,
  code: PpkRowErrorCode,
  params: PpkIssueParams = {},
): PpkIssue {
  return { row, column, field, code, params };
}

/** Row order, then column order as given, file-level issues first. */
export function compareIssues(a: PpkIssue, b: PpkIssue): number {
  return (a.row ?? 0) - (b.row ?? 0);
}
