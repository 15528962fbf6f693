/**
 * Turns issues and summaries into text through a translator (Fluent in the app, a stub in tests). Message
 * ids live in locales/<lang>/ppk.ftl: `ppk-error-<code>` for each error, `ppk-summary-*` for summaries.
 */
import { ppkErrorMessageId } from './error-codes.js';
import { formatRupiah } from './rupiah.js';
import type { PpkIssue } from './types.js';
import type { PpkSummary } from './validate-rows.js';

export type Translate = (key: string, params?: Record<string, string | number>) => string;

/** What is wrong, without saying where. */
export function issueMessage(issue: PpkIssue, translate: Translate): string {
  const params: Record<string, string | number> = { ...issue.params };
  if (issue.row !== null) params.row = issue.row;
  if (issue.column !== null) params.column = issue.column;
  return translate(ppkErrorMessageId(issue.code), params);
}

/** "Baris 5, kolom NIP: …" or just the message for a file-level problem. */
export function issueLine(issue: PpkIssue, translate: Translate): string {
  const message = issueMessage(issue, translate);
  if (issue.row !== null && issue.column !== null) {
    return translate('ppk-error-line-cell', { row: issue.row, column: issue.column, message });
  }
  if (issue.row !== null) return translate('ppk-error-line-row', { row: issue.row, message });
  // File-level messages name their column themselves when they have one (a missing column, say).
  return translate('ppk-error-line-file', { message });
}

export function errorLines(errors: readonly PpkIssue[], translate: Translate): string[] {
  return [
    translate('ppk-errors-title', { count: errors.length }),
    ...errors.map((e) => issueLine(e, translate)),
  ];
}

export function summaryLines(
  summary: PpkSummary,
  translate: Translate,
  ignoredColumns: readonly string[] = [],
): string[] {
  const lines = [
    translate('ppk-summary-title'),
    translate('ppk-summary-rows', { rows: summary.rows }),
    translate('ppk-summary-people', { people: summary.people }),
    ...summary.peopleByRole.map(({ role, count }) => translate('ppk-summary-role', { role, count })),
    translate('ppk-summary-packages', { packages: summary.packages }),
    translate('ppk-summary-total-pagu', { total: formatRupiah(summary.totalPagu) }),
    translate('ppk-summary-fiscal-years', { years: summary.fiscalYears.join(', ') }),
  ];
  if (ignoredColumns.length > 0) {
    lines.push(translate('ppk-summary-ignored-columns', { columns: ignoredColumns.join(', ') }));
  }
  return lines;
}
