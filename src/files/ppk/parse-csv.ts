/** Reads CSV text (already decoded from UTF-8) with csv-parse, the delimiter guessed from the header line. */
import { CsvError, parse } from 'csv-parse/sync';
import { fileIssue } from './issues.js';
import { SheetBuilder, TooManyRowsError } from './sheet-builder.js';
import type { Outcome, ParsedSheet } from './types.js';

export type CsvDelimiter = ',' | ';' | '\t';
const DELIMITERS: readonly CsvDelimiter[] = [',', ';', '\t'];

/**
 * Counts each candidate outside quotes on the first non-empty line; the most frequent wins, ties in the
 * order `,` `;` tab. Excel in an Indonesian locale saves `;`, elsewhere `,`; "Unicode text" uses tabs.
 */
export function detectDelimiter(text: string): CsvDelimiter {
  const counts = new Map<string, number>(DELIMITERS.map((d) => [d, 0]));
  let inQuotes = false;
  let sawContent = false;
  for (const char of text) {
    if (char === '"') inQuotes = !inQuotes;
    else if (!inQuotes && (char === '\n' || char === '\r')) {
      if (sawContent) break;
    } else if (!inQuotes && counts.has(char)) counts.set(char, (counts.get(char) ?? 0) + 1);
    if (char.trim() !== '') sawContent = true;
  }
  let best: CsvDelimiter = ',';
  for (const delimiter of DELIMITERS) {
    if ((counts.get(delimiter) ?? 0) > (counts.get(best) ?? 0)) best = delimiter;
  }
  return best;
}

export function parseCsvText(text: string, maxDataRows: number): Outcome<ParsedSheet> {
  const builder = new SheetBuilder(maxDataRows);
  let recordNumber = 0;
  try {
    parse(text, {
      delimiter: detectDelimiter(text),
      bom: true,
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: false,
      on_record: (record: string[]) => {
        // Every physical record is a row in Excel, blank ones included, so count them all.
        recordNumber += 1;
        builder.add(
          recordNumber,
          record.map((value) => ({ text: value })),
        );
        return null;
      },
    });
  } catch (error) {
    if (error instanceof TooManyRowsError) {
      return { ok: false, issues: [fileIssue('too-many-rows', { limit: error.limit })] };
    }
    if (error instanceof CsvError) {
      const line = error.lines;
      return { ok: false, issues: [fileIssue('csv-invalid', { line: typeof line === 'number' ? line : 0 })] };
    }
    throw error;
  }
  const sheet = builder.build();
  if (sheet === null) return { ok: false, issues: [fileIssue('sheet-empty')] };
  return { ok: true, value: sheet };
}
