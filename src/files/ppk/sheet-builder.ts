/**
 * Builds a ParsedSheet from raw rows, whatever the format: the first non-empty row is the header, fully
 * empty rows are skipped (they keep their place in the numbering), and the data-row limit is enforced as
 * rows arrive so that reading can stop early.
 */
import type { CellText } from './cell-text.js';
import type { ParsedRow, ParsedSheet } from './types.js';

export class TooManyRowsError extends Error {
  constructor(readonly limit: number) {
    super(`more than ${limit} data rows`);
    this.name = 'TooManyRowsError';
  }
}

/** Trims and folds line breaks and runs of spaces (Excel headers often hold Alt+Enter breaks). */
export function cleanHeader(text: string): string {
  return text.replace(/[\s\u200b\ufeff]+/g, ' ').trim();
}

export function cleanCell(text: string): string {
  return text.replace(/[\u200b\ufeff]/g, '').trim();
}

export class SheetBuilder {
  private headers: string[] | null = null;
  /** Column index → header text, first occurrence of a header only. */
  private readonly columns = new Map<number, string>();
  private readonly rows: ParsedRow[] = [];

  constructor(private readonly maxDataRows: number) {}

  /** `cells[i]` is the cell in column i (any base, as long as it is the same for every row). */
  add(rowNumber: number, cells: ReadonlyArray<CellText | undefined>): void {
    if (this.headers === null) {
      const texts = cells.map((cell) => cleanHeader(cell?.text ?? ''));
      if (texts.every((text) => text === '')) return;
      this.headers = [];
      const seen = new Set<string>();
      texts.forEach((text, index) => {
        if (text === '') return;
        this.headers?.push(text);
        if (!seen.has(text)) {
          seen.add(text);
          this.columns.set(index, text);
        }
      });
      return;
    }

    const row: ParsedRow = { rowNumber, cells: {} };
    let empty = true;
    for (const [index, header] of this.columns) {
      const cell = cells[index];
      const text = cleanCell(cell?.text ?? '');
      row.cells[header] = text;
      if (text !== '') empty = false;
      if (cell?.number !== undefined) {
        row.numbers ??= {};
        row.numbers[header] = cell.number;
      }
    }
    if (empty) return;
    if (this.rows.length >= this.maxDataRows) throw new TooManyRowsError(this.maxDataRows);
    this.rows.push(row);
  }

  /** Null when the sheet had no non-empty row at all. */
  build(): ParsedSheet | null {
    if (this.headers === null) return null;
    return { headers: this.headers, rows: this.rows };
  }
}
