/**
 * Tahun anggaran: four digits, from five years back to next year by default (lists are drawn up for the
 * running budget year, and in the last months of a year already for the next one).
 */
import type { FieldResult } from './types.js';

export const FISCAL_YEARS_BACK = 5;
export const FISCAL_YEARS_AHEAD = 1;

export interface FiscalYearRange {
  min: number;
  max: number;
}

export function defaultFiscalYearRange(today: Date): FiscalYearRange {
  const year = today.getUTCFullYear();
  return { min: year - FISCAL_YEARS_BACK, max: year + FISCAL_YEARS_AHEAD };
}

export function parseFiscalYear(text: string, range: FiscalYearRange): FieldResult<number> {
  const compact = text.replace(/\s+/g, '');
  if (!/^\d{4}$/.test(compact)) return { ok: false, code: 'year-invalid' };
  const year = Number(compact);
  if (year < range.min || year > range.max) {
    return { ok: false, code: 'year-range', params: { min: String(range.min), max: String(range.max) } };
  }
  return { ok: true, value: year };
}
