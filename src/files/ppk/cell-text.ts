/**
 * Turns an ExcelJS cell value into the text the user sees, without ever evaluating anything: a formula
 * cell gives the result Excel cached when the file was saved (or nothing), rich text its plain text, a
 * date an ISO string.
 */
import type { CellValue } from 'exceljs';

export interface CellText {
  text: string;
  /** Set when the cell (or a formula's cached result) is a number. */
  number?: number;
}

type Scalar = number | string | boolean | Date | { error: string } | null | undefined;

function isoDate(date: Date): string {
  if (Number.isNaN(date.getTime())) return '';
  const iso = date.toISOString();
  return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso;
}

function scalarText(value: Scalar): CellText {
  if (value === null || value === undefined) return { text: '' };
  if (typeof value === 'number')
    return Number.isFinite(value) ? { text: String(value), number: value } : { text: '' };
  if (typeof value === 'string') return { text: value };
  if (typeof value === 'boolean') return { text: value ? 'TRUE' : 'FALSE' };
  if (value instanceof Date) return { text: isoDate(value) };
  return { text: value.error };
}

function richText(parts: ReadonlyArray<{ text?: unknown }>): string {
  return parts.map((part) => (typeof part.text === 'string' ? part.text : '')).join('');
}

export function cellText(value: CellValue): CellText {
  if (value === null || value === undefined) return { text: '' };
  if (typeof value !== 'object' || value instanceof Date) return scalarText(value);
  if ('formula' in value || 'sharedFormula' in value) return scalarText(value.result);
  if ('richText' in value) return { text: richText(value.richText) };
  if ('hyperlink' in value) {
    // A hyperlink's text may itself be rich text.
    const text: unknown = value.text;
    if (typeof text === 'string') return { text };
    if (text && typeof text === 'object' && 'richText' in text && Array.isArray(text.richText)) {
      return { text: richText(text.richText as Array<{ text?: unknown }>) };
    }
    return { text: '' };
  }
  if ('error' in value) return { text: value.error };
  return { text: '' };
}
