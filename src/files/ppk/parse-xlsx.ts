/**
 * Reads the first worksheet of an XLSX with ExcelJS. Call only after `guardZip` has passed the bytes.
 * ExcelJS never evaluates formulas; parts that could make it allocate without bound (data validations and
 * merges over whole-sheet ranges, conditional formats, drawings) are not read at all.
 */
import { excelJs } from '../../lazy-libraries.js';
import type { XlsxReadOptions } from 'exceljs';
import { cellText } from './cell-text.js';
import type { CellText } from './cell-text.js';
import { fileIssue } from './issues.js';
import type { PpkLimits } from './limits.js';
import { SheetBuilder, TooManyRowsError } from './sheet-builder.js';
import type { Outcome, ParsedSheet } from './types.js';

const IGNORED_NODES = [
  'dataValidations',
  'mergeCells',
  'conditionalFormatting',
  'hyperlinks',
  'drawing',
  'picture',
  'tableParts',
  'extLst',
];

/** Cells per row ExcelJS may read. */
const MAX_CELLS_PER_ROW = 1_000;

export async function parseXlsxBytes(
  bytes: Uint8Array,
  limits: Pick<PpkLimits, 'maxDataRows' | 'maxSheetRowElements'>,
): Promise<Outcome<ParsedSheet>> {
  const workbook = new (await excelJs()).Workbook();
  // maxRows/maxCols are honoured by ExcelJS's sheet reader but missing from its type declarations.
  const options: Partial<XlsxReadOptions> & { maxRows: number; maxCols: number } = {
    ignoreNodes: IGNORED_NODES,
    maxRows: limits.maxSheetRowElements,
    maxCols: MAX_CELLS_PER_ROW,
  };
  try {
    // ExcelJS declares its own `Buffer` as an ArrayBuffer; JSZip reads either. Copy into a plain ArrayBuffer.
    await workbook.xlsx.load(new Uint8Array(bytes).buffer, options);
  } catch (error) {
    if (error instanceof Error && /^Max row count/.test(error.message)) {
      return { ok: false, issues: [fileIssue('too-many-rows', { limit: limits.maxDataRows })] };
    }
    return { ok: false, issues: [fileIssue('xlsx-invalid')] };
  }

  const worksheet = workbook.worksheets[0];
  if (worksheet === undefined) return { ok: false, issues: [fileIssue('xlsx-no-worksheet')] };

  const builder = new SheetBuilder(limits.maxDataRows);
  try {
    worksheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
      const cells: CellText[] = [];
      row.eachCell({ includeEmpty: false }, (cell, column) => {
        cells[column] = cellText(cell.value);
      });
      builder.add(rowNumber, cells);
    });
  } catch (error) {
    if (error instanceof TooManyRowsError) {
      return { ok: false, issues: [fileIssue('too-many-rows', { limit: error.limit })] };
    }
    throw error;
  }
  const sheet = builder.build();
  if (sheet === null) return { ok: false, issues: [fileIssue('sheet-empty')] };
  return { ok: true, value: sheet };
}
