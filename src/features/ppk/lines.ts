/**
 * The PPK list in words, as message references (locales/<lang>/ppk.ftl): the summary the uploader
 * gets, the lines the verifier sees at step 6 (summary, diff, register duplicates), and errors.
 */
import type { MessageRef } from '../../core/i18n.js';
import { PPK_COLUMNS } from '../../files/ppk/columns.js';
import { issueLine, type Translate } from '../../files/ppk/messages.js';
import { phoneForDisplay } from '../../files/ppk/phone.js';
import { formatRupiah } from '../../files/ppk/rupiah.js';
import type { PpkEntry, PpkField, PpkIssue } from '../../files/ppk/types.js';
import type { Translator } from '../../i18n/translator.js';
import type { PpkListContent, StoredDiff, StoredDuplicate, StoredSummary } from './content.js';

/** Rows of each kind (added, removed, changed, duplicates) named one by one; the rest are counted. */
export const LINES_PER_KIND = 10;
/** Errors written in the chat message; a longer list also comes as a report file. */
export const ERRORS_IN_MESSAGE = 15;

/** The summary the uploader gets for a valid list, with what the verifier will see in short. */
export function uploadSummaryLines(content: PpkListContent): MessageRef[] {
  const { summary, diff, duplicates } = content;
  const lines: MessageRef[] = [{ key: 'ppk-summary-title' }, ...summaryCounts(summary)];
  lines.push(
    diff.basis
      ? {
          key: 'ppk-upload-diff',
          params: { added: diff.added.length, removed: diff.removed.length, changed: diff.changed.length },
        }
      : { key: 'ppk-upload-diff-first' },
  );
  if (duplicates.length > 0)
    lines.push({ key: 'ppk-upload-duplicates', params: { count: duplicates.length } });
  return lines;
}

function summaryCounts(summary: StoredSummary): MessageRef[] {
  return [
    { key: 'ppk-summary-rows', params: { rows: summary.rows } },
    { key: 'ppk-summary-people', params: { people: summary.people } },
    ...summary.peopleByRole.map(({ role, count }) => ({ key: 'ppk-summary-role', params: { role, count } })),
    { key: 'ppk-summary-packages', params: { packages: summary.packages } },
    { key: 'ppk-summary-total-pagu', params: { total: formatRupiah(BigInt(summary.totalPagu)) } },
    { key: 'ppk-summary-fiscal-years', params: { years: summary.fiscalYears.join(', ') } },
  ];
}

/** What the verifier reads in the step-6 task: which version, its summary, the diff, the duplicates. */
export function reviewLines(
  content: Omit<PpkListContent, 'lines' | 'checklist'>,
  file: { name: string; uploadedAt: string; uploaderName: string },
): MessageRef[] {
  return [
    {
      key: 'ppk-review-file',
      params: {
        version: content.version,
        name: file.name,
        by: file.uploaderName,
        at: { instant: file.uploadedAt, style: 'datetime' },
      },
    },
    ...summaryCounts(content.summary),
    ...previewLines(content.entries),
    ...diffLines(content.diff, content.entries),
    ...duplicateLines(content.duplicates),
  ];
}

/** Rows of the list the verifier reads in the task itself; the whole list comes as a file. */
export const PREVIEW_ROWS = 8;

/** The first rows in a compact layout (row, NIP, name, role, package, pagu), then how many more. */
export function previewLines(entries: readonly PpkEntry[]): MessageRef[] {
  if (entries.length === 0) return [];
  const shown = entries.slice(0, PREVIEW_ROWS);
  return [
    { key: 'ppk-preview-title', params: { shown: shown.length, rows: entries.length } },
    ...shown.map((entry) => ({
      key: 'ppk-preview-row',
      params: {
        row: entry.rowNumber,
        nip: entry.nip,
        name: entry.name,
        role: entry.role,
        package: packageText(entry),
        pagu: entry.pagu === null ? '–' : formatRupiah(BigInt(entry.pagu)),
      },
    })),
    ...(entries.length > shown.length
      ? [{ key: 'ppk-preview-more', params: { more: entries.length - shown.length } }]
      : []),
  ];
}

function packageText(entry: Pick<PpkEntry, 'packageName'>): string {
  return entry.packageName ?? '–';
}

function diffLines(diff: StoredDiff, entries: readonly PpkEntry[]): MessageRef[] {
  if (!diff.basis) return [{ key: 'ppk-diff-first', params: { rows: entries.length } }];
  const lines: MessageRef[] = [
    {
      key: 'ppk-diff-title',
      params: {
        at: { instant: diff.basis.verifiedAt, style: 'datetime' },
        agenda: diff.basis.agendaNumber ?? '-',
        added: diff.added.length,
        removed: diff.removed.length,
        changed: diff.changed.length,
        unchanged: diff.unchanged,
      },
    },
  ];
  const byRow = new Map(entries.map((entry) => [entry.rowNumber, entry]));
  let shown = 0;
  for (const added of diff.added.slice(0, LINES_PER_KIND)) {
    const entry = byRow.get(added.row);
    if (!entry) continue;
    shown += 1;
    lines.push({
      key: 'ppk-diff-added',
      params: {
        row: added.row,
        name: entry.name,
        nip: entry.nip,
        role: entry.role,
        package: packageText(entry),
      },
    });
  }
  for (const entry of diff.removed.slice(0, LINES_PER_KIND)) {
    shown += 1;
    lines.push({
      key: 'ppk-diff-removed',
      params: { name: entry.name, nip: entry.nip, role: entry.role, package: packageText(entry) },
    });
  }
  for (const change of diff.changed.slice(0, LINES_PER_KIND)) {
    const entry = byRow.get(change.row);
    if (!entry) continue;
    shown += 1;
    const changes = change.fields
      .map(
        (field) =>
          `${header(field)}: ${shownValue(field, change.before[field] ?? null)} → ${shownValue(field, entry[field])}`,
      )
      .join('; ');
    lines.push({
      key: 'ppk-diff-changed',
      params: { row: change.row, name: entry.name, nip: entry.nip, role: entry.role, changes },
    });
  }
  const total = diff.added.length + diff.removed.length + diff.changed.length;
  if (total > shown) lines.push({ key: 'ppk-diff-more', params: { count: total - shown } });
  return lines;
}

function duplicateLines(duplicates: readonly StoredDuplicate[]): MessageRef[] {
  if (duplicates.length === 0) return [{ key: 'ppk-duplicates-none' }];
  const lines: MessageRef[] = [{ key: 'ppk-duplicates-title', params: { count: duplicates.length } }];
  for (const d of duplicates.slice(0, LINES_PER_KIND)) {
    lines.push({
      key: 'ppk-duplicate',
      params: { row: d.row, name: d.name, nip: d.nip, role: d.role, unit: d.otherUnitName },
    });
  }
  if (duplicates.length > LINES_PER_KIND)
    lines.push({ key: 'ppk-diff-more', params: { count: duplicates.length - LINES_PER_KIND } });
  return lines;
}

/** The template's column header for a field (the list's own words, in Indonesian). */
export function header(field: PpkField): string {
  return PPK_COLUMNS.find((column) => column.field === field)?.header ?? field;
}

function shownValue(field: PpkField, value: string | number | null): string {
  if (value === null || value === '') return '–';
  if (field === 'pagu' && typeof value === 'number') return formatRupiah(value);
  if (field === 'phone' && typeof value === 'string') return phoneForDisplay(value);
  return String(value);
}

/** A Translate (the PPK module's) for one language, through the app's translator. */
export function translateIn(
  translator: Translator,
  locale: 'id' | 'en',
  timeZone = 'Asia/Jakarta',
): Translate {
  return (key, params) => translator.format({ key, ...(params ? { params } : {}) }, { locale, timeZone });
}

/**
 * Every error, as lines: the title, then one line per problem (the first ERRORS_IN_MESSAGE when
 * the list is long, with a note that the report file has them all). Each line is written in both
 * languages so that it reads right whoever gets it.
 */
export function errorLines(errors: readonly PpkIssue[], translator: Translator): MessageRef[] {
  const id = translateIn(translator, 'id');
  const en = translateIn(translator, 'en');
  const shown = errors.length > ERRORS_IN_MESSAGE ? errors.slice(0, ERRORS_IN_MESSAGE) : errors;
  const lines: MessageRef[] = [
    { key: 'ppk-errors-title', params: { count: errors.length } },
    ...shown.map((issue) => ({
      key: 'ppk-line',
      params: { text: { text: { id: issueLine(issue, id), en: issueLine(issue, en) } } },
    })),
  ];
  if (errors.length > shown.length)
    lines.push({ key: 'ppk-errors-more', params: { count: errors.length - shown.length } });
  return lines;
}
