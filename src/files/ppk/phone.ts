/**
 * Indonesian mobile numbers: 08…, +628… or 628…, with spaces, dashes, dots or brackets as the user likes;
 * normalised to +628…. After the 8, mobile numbers have 8 to 11 more digits (0811-234-567 up to
 * 0812-3456-78901). A number cell in XLSX loses its leading 0 (812…), so for number cells a leading 8 is
 * read as 08.
 */
import type { FieldResult } from './types.js';

export const MOBILE_MIN_DIGITS_AFTER_8 = 8;
export const MOBILE_MAX_DIGITS_AFTER_8 = 11;

export interface PhoneInput {
  text: string;
  number?: number;
}

export function parsePhone(input: PhoneInput): FieldResult<string> {
  const compact = input.text.replace(/[\s\-.()/]+/g, '');
  let national: string;
  if (/^\+62\d+$/.test(compact)) national = compact.slice(3);
  else if (/^62\d+$/.test(compact)) national = compact.slice(2);
  else if (/^0\d+$/.test(compact)) national = compact.slice(1);
  else if (input.number !== undefined && /^8\d+$/.test(compact)) national = compact;
  else return { ok: false, code: 'phone-invalid' };
  // "+62 0812…" is a frequent slip for +62 812….
  if (national.startsWith('08') && !compact.startsWith('0')) national = national.slice(1);

  if (!national.startsWith('8')) return { ok: false, code: 'phone-not-mobile' };
  const after8 = national.length - 1;
  if (after8 < MOBILE_MIN_DIGITS_AFTER_8 || after8 > MOBILE_MAX_DIGITS_AFTER_8) {
    return { ok: false, code: 'phone-length', params: { digits: national.length + 1 } };
  }
  return { ok: true, value: `+62${national}` };
}

/** +628… as Indonesians write it, 08…; no leading + that a spreadsheet could take for a formula. */
export function phoneForDisplay(normalised: string): string {
  return normalised.startsWith('+62') ? `0${normalised.slice(3)}` : normalised;
}
