/**
 * NIP (Nomor Induk Pegawai), 18 digits, as issued by BKN to PNS and PPPK:
 *
 *   YYYYMMDD  YYYYMM  G  NNN
 *   birth     TMT     |  sequence
 *   date      (appointment year and month)
 *                     gender: 1 = male, 2 = female
 *
 * Checks: the birth date is a real calendar date with a year from 1940 up to this year; the appointment
 * month is a real month, at least 18 years after birth (the lowest age for appointment, PP 11/2017 art. 23),
 * and at most 12 months after the current month (a NIP can be issued before the appointment takes effect);
 * the gender digit is 1 or 2. Spaces are allowed (the official display form is "19850330 201001 1 002").
 */
import type { FieldResult } from './types.js';

export const NIP_MIN_BIRTH_YEAR = 1940;
export const NIP_MIN_AGE_AT_APPOINTMENT = 18;
export const NIP_MAX_MONTHS_AHEAD = 12;

export interface NipParts {
  birthDate: string; // YYYY-MM-DD
  appointment: string; // YYYY-MM
  gender: 'male' | 'female';
  sequence: string;
}

function isRealDate(year: number, month: number, day: number): boolean {
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

const monthIndex = (year: number, month: number): number => year * 12 + (month - 1);

export interface NipInput {
  text: string;
  /** Set when the XLSX cell was a number: Excel keeps 15 significant digits, so an 18-digit NIP is lost. */
  number?: number;
}

export function parseNip(input: NipInput, today: Date): FieldResult<string> {
  if (input.number !== undefined && !Number.isSafeInteger(input.number))
    return { ok: false, code: 'nip-number-cell' };
  // "1.98503E+17" is what Excel shows for, and writes to CSV from, an 18-digit number.
  if (/^\d+(?:[.,]\d+)?e\+?\d+$/i.test(input.text.trim())) return { ok: false, code: 'nip-number-cell' };
  const nip = input.text.replace(/\s+/g, '');
  if (!/^\d+$/.test(nip)) return { ok: false, code: 'nip-not-digits' };
  if (nip.length !== 18) return { ok: false, code: 'nip-length', params: { length: nip.length } };

  const birthYear = Number(nip.slice(0, 4));
  const birthMonth = Number(nip.slice(4, 6));
  const birthDay = Number(nip.slice(6, 8));
  if (!isRealDate(birthYear, birthMonth, birthDay)) {
    return { ok: false, code: 'nip-birth-date', params: { value: nip.slice(0, 8) } };
  }
  const thisYear = today.getUTCFullYear();
  if (birthYear < NIP_MIN_BIRTH_YEAR || birthYear > thisYear) {
    return {
      ok: false,
      code: 'nip-birth-year',
      params: { year: String(birthYear), min: String(NIP_MIN_BIRTH_YEAR), max: String(thisYear) },
    };
  }

  const appointmentYear = Number(nip.slice(8, 12));
  const appointmentMonth = Number(nip.slice(12, 14));
  if (appointmentMonth < 1 || appointmentMonth > 12 || appointmentYear < NIP_MIN_BIRTH_YEAR) {
    return { ok: false, code: 'nip-appointment-date', params: { value: nip.slice(8, 14) } };
  }
  const appointment = monthIndex(appointmentYear, appointmentMonth);
  if (appointment < monthIndex(birthYear + NIP_MIN_AGE_AT_APPOINTMENT, birthMonth)) {
    return { ok: false, code: 'nip-appointment-too-early', params: { minAge: NIP_MIN_AGE_AT_APPOINTMENT } };
  }
  if (appointment > monthIndex(thisYear, today.getUTCMonth() + 1) + NIP_MAX_MONTHS_AHEAD) {
    return { ok: false, code: 'nip-appointment-future', params: { value: nip.slice(8, 14) } };
  }

  const gender = nip.charAt(14);
  if (gender !== '1' && gender !== '2') return { ok: false, code: 'nip-gender', params: { digit: gender } };
  return { ok: true, value: nip };
}

/** The parts of a NIP that `parseNip` accepted. */
export function nipParts(nip: string): NipParts {
  return {
    birthDate: `${nip.slice(0, 4)}-${nip.slice(4, 6)}-${nip.slice(6, 8)}`,
    appointment: `${nip.slice(8, 12)}-${nip.slice(12, 14)}`,
    gender: nip.charAt(14) === '1' ? 'male' : 'female',
    sequence: nip.slice(15),
  };
}
