/**
 * Pagu anggaran: a positive whole number of Rupiah. Accepted, all meaning one and a half billion:
 *
 *   1500000000   1.500.000.000   Rp 1.500.000.000   Rp1.500.000.000,00   Rp 1.500.000.000,-   IDR 1.500.000.000
 *
 * and an XLSX number cell. Refused, each with its own reason, because a wrong guess would change the
 * amount by orders of magnitude:
 *
 *   1.5 M, 1,5 miliar, 750 jt      abbreviations and words        pagu-abbreviation
 *   1,500.000  1,500,000  1.5      separators that could be read two ways   pagu-ambiguous
 *   1.500.000,50                   non-zero cents                  pagu-cents
 *   -1.000.000  (1.000.000)        negative                        pagu-negative
 *   0  Rp 0,00                     zero                            pagu-zero
 */
import { formatRupiah } from './rupiah.js';
import type { FieldResult } from './types.js';

/** Rp 1.000 triliun: larger than any one package; anything above is a typing slip. */
export const MAX_PAGU = 1_000_000_000_000_000;

/** A formula result like 1650000000.0000002 is a whole amount for our purposes. */
const WHOLE_TOLERANCE = 1e-6;

export interface PaguInput {
  text: string;
  number?: number;
}

function checkAmount(value: number): FieldResult<number> {
  if (value < 0) return { ok: false, code: 'pagu-negative' };
  if (value === 0) return { ok: false, code: 'pagu-zero' };
  if (value > MAX_PAGU) return { ok: false, code: 'pagu-too-large', params: { max: formatRupiah(MAX_PAGU) } };
  return { ok: true, value };
}

function fromNumberCell(value: number): FieldResult<number> {
  if (!Number.isFinite(value)) return { ok: false, code: 'pagu-not-number' };
  const whole = Math.round(value);
  if (Math.abs(value - whole) > WHOLE_TOLERANCE) {
    return value < 0 ? { ok: false, code: 'pagu-negative' } : { ok: false, code: 'pagu-cents' };
  }
  return checkAmount(whole);
}

const PLAIN = /^\d+$/;
const DOT_GROUPED = /^\d{1,3}(?:\.\d{3})+$/;

export function parsePagu(input: PaguInput): FieldResult<number> {
  if (input.number !== undefined) return fromNumberCell(input.number);

  let text = input.text.replace(/\s+/g, ' ').trim();
  let negative = false;
  // A sign or accounting brackets may stand before or after the currency: "-Rp 5", "Rp -5", "(Rp 5)".
  for (let pass = 0; pass < 2; pass += 1) {
    const bracketed = /^\((.*)\)$/.exec(text);
    if (bracketed !== null) {
      negative = true;
      text = (bracketed[1] ?? '').trim();
    }
    if (/^[-\u2212]/.test(text)) {
      negative = true;
      text = text.slice(1).trim();
    }
    text = text.replace(/^(?:rp\.?|idr)\s*/i, '');
  }
  text = text.replace(/,-$/, '');

  if (/\p{L}/u.test(text)) {
    return /\d/.test(text)
      ? { ok: false, code: 'pagu-abbreviation' }
      : { ok: false, code: 'pagu-not-number' };
  }
  if (!/^[\d.,]+$/.test(text) || !/\d/.test(text)) return { ok: false, code: 'pagu-not-number' };

  let integer = text;
  const decimalComma = /^(.*),(\d{1,2})$/.exec(text);
  if (decimalComma !== null) {
    integer = decimalComma[1] ?? '';
    if (!/^0+$/.test(decimalComma[2] ?? '')) {
      return PLAIN.test(integer) || DOT_GROUPED.test(integer)
        ? { ok: false, code: 'pagu-cents' }
        : { ok: false, code: 'pagu-ambiguous' };
    }
  }
  if (!PLAIN.test(integer) && !DOT_GROUPED.test(integer)) return { ok: false, code: 'pagu-ambiguous' };

  const digits = integer.replace(/\./g, '');
  if (negative)
    return /^0+$/.test(digits) ? { ok: false, code: 'pagu-zero' } : { ok: false, code: 'pagu-negative' };
  // Compare as text first: a long digit string must not lose precision on the way to a number.
  const trimmed = digits.replace(/^0+(?=\d)/, '');
  if (trimmed.length > String(MAX_PAGU).length)
    return { ok: false, code: 'pagu-too-large', params: { max: formatRupiah(MAX_PAGU) } };
  return checkAmount(Number(trimmed));
}
