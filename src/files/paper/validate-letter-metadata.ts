/**
 * Checks a letter's metadata as given at /ajukan or corrected by TU at registration. Every value outside
 * its list is refused with a message (a Fluent MessageRef) that lists the allowed values; nothing is
 * half-applied: the result is either the whole valid metadata or the refusals.
 */
import type { MessageRef } from '../../core/i18n.js';
import { isIsoDate } from '../../core/time/office-calendar.js';
import { findKlasifikasi, normaliseKlasifikasiCode, type KlasifikasiList } from './klasifikasi.js';
import {
  DEFAULT_LETTER_METADATA,
  DERAJAT_LABELS,
  DERAJAT_VALUES,
  SIFAT_LABELS,
  SIFAT_VALUES,
  type LetterMetadata,
  type TembusanEntry,
} from './letter-metadata.js';
import { allowedChoices, parseDerajat, parseSifat } from './parse-choice.js';

/** Metadata as it arrives from a person or a form: every field optional, text where a person types. */
export interface LetterMetadataInput {
  sifat?: string;
  derajat?: string;
  klasifikasi?: string;
  senderNumber?: string;
  senderDate?: string;
  lampiran?: number | string;
  tembusan?: ReadonlyArray<string | TembusanEntry>;
}

export interface LetterMetadataRules {
  klasifikasi: KlasifikasiList;
  /** TU's registration: the klasifikasi code must be given. */
  requireKlasifikasi?: boolean;
  /** Incoming letters: the sender's number and date must be given. */
  requireSender?: boolean;
  /** Today's date (`YYYY-MM-DD`, the office's zone): a sender's date after it is refused. */
  today?: string;
}

export type MetadataCheck = { ok: true; value: LetterMetadata } | { ok: false; refusals: MessageRef[] };

export const LETTER_LIMITS = {
  senderNumberLength: 100,
  lampiranMax: 999,
  tembusanMax: 20,
  tembusanNameLength: 200,
  /** How many codes a refusal of an unknown klasifikasi lists. */
  klasifikasiSuggestions: 12,
} as const;

function klasifikasiSuggestions(list: KlasifikasiList, code: string): { allowed: string; more: number } {
  const top = code.slice(0, 3);
  const near = list.entries.filter((entry) => entry.code.startsWith(top));
  const pool = near.length > 0 ? near : list.entries;
  const shown = pool.slice(0, LETTER_LIMITS.klasifikasiSuggestions);
  return { allowed: shown.map((entry) => entry.code).join(', '), more: list.entries.length - shown.length };
}

function checkKlasifikasi(input: string | undefined, rules: LetterMetadataRules, refusals: MessageRef[]) {
  const code = normaliseKlasifikasiCode(input ?? '');
  if (code === '') {
    if (rules.requireKlasifikasi) {
      const { allowed, more } = klasifikasiSuggestions(rules.klasifikasi, '');
      refusals.push({ key: 'paper-refusal-klasifikasi-missing', params: { allowed, more } });
    }
    return undefined;
  }
  const entry = findKlasifikasi(rules.klasifikasi, code);
  if (!entry) {
    const { allowed, more } = klasifikasiSuggestions(rules.klasifikasi, code);
    refusals.push({ key: 'paper-refusal-klasifikasi-unknown', params: { value: code, allowed, more } });
  }
  return entry?.code;
}

function checkSender(input: LetterMetadataInput, rules: LetterMetadataRules, refusals: MessageRef[]) {
  const senderNumber = input.senderNumber?.trim() ?? '';
  const senderDate = input.senderDate?.trim() ?? '';
  if (senderNumber === '' && rules.requireSender) {
    refusals.push({ key: 'paper-refusal-sender-number-missing' });
  } else if (senderNumber.length > LETTER_LIMITS.senderNumberLength) {
    refusals.push({
      key: 'paper-refusal-sender-number-too-long',
      params: { max: LETTER_LIMITS.senderNumberLength },
    });
  }
  if (senderDate === '') {
    if (rules.requireSender) refusals.push({ key: 'paper-refusal-sender-date-missing' });
  } else if (!isIsoDate(senderDate)) {
    refusals.push({ key: 'paper-refusal-sender-date-invalid', params: { value: senderDate } });
  } else if (rules.today !== undefined && senderDate > rules.today) {
    refusals.push({
      key: 'paper-refusal-sender-date-future',
      params: { value: senderDate, today: rules.today },
    });
  }
  return {
    ...(senderNumber === '' ? {} : { senderNumber }),
    ...(senderDate === '' ? {} : { senderDate }),
  };
}

function checkLampiran(input: number | string | undefined, refusals: MessageRef[]): number {
  if (input === undefined || (typeof input === 'string' && input.trim() === '')) return 0;
  const count = typeof input === 'number' ? input : Number(input.trim());
  if (!Number.isInteger(count) || count < 0 || count > LETTER_LIMITS.lampiranMax) {
    refusals.push({
      key: 'paper-refusal-lampiran',
      params: { value: String(input), max: LETTER_LIMITS.lampiranMax },
    });
    return 0;
  }
  return count;
}

function checkTembusan(input: LetterMetadataInput['tembusan'], refusals: MessageRef[]): TembusanEntry[] {
  const entries = (input ?? []).map((item) =>
    typeof item === 'string' ? { name: item.trim() } : { ...item, name: item.name.trim() },
  );
  if (entries.length > LETTER_LIMITS.tembusanMax) {
    refusals.push({
      key: 'paper-refusal-tembusan-too-many',
      params: { count: entries.length, max: LETTER_LIMITS.tembusanMax },
    });
  }
  const seen = new Set<string>();
  entries.forEach((entry, index) => {
    if (entry.name === '') {
      refusals.push({ key: 'paper-refusal-tembusan-empty', params: { position: index + 1 } });
    } else if (entry.name.length > LETTER_LIMITS.tembusanNameLength) {
      refusals.push({
        key: 'paper-refusal-tembusan-too-long',
        params: { position: index + 1, max: LETTER_LIMITS.tembusanNameLength },
      });
    }
    const key = entry.personId ?? entry.name.toLowerCase();
    if (entry.name !== '' && seen.has(key)) {
      refusals.push({ key: 'paper-refusal-tembusan-duplicate', params: { name: entry.name } });
    }
    seen.add(key);
  });
  return entries;
}

/** Validates every field; sifat and derajat default to biasa, lampiran to 0, tembusan to none. */
export function validateLetterMetadata(
  input: LetterMetadataInput,
  rules: LetterMetadataRules,
): MetadataCheck {
  const refusals: MessageRef[] = [];
  let sifat = DEFAULT_LETTER_METADATA.sifat;
  if (input.sifat !== undefined && input.sifat.trim() !== '') {
    const parsed = parseSifat(input.sifat);
    if (parsed) sifat = parsed;
    else {
      refusals.push({
        key: 'paper-refusal-sifat',
        params: { value: input.sifat.trim(), allowed: { text: allowedChoices(SIFAT_VALUES, SIFAT_LABELS) } },
      });
    }
  }
  let derajat = DEFAULT_LETTER_METADATA.derajat;
  if (input.derajat !== undefined && input.derajat.trim() !== '') {
    const parsed = parseDerajat(input.derajat);
    if (parsed) derajat = parsed;
    else {
      refusals.push({
        key: 'paper-refusal-derajat',
        params: {
          value: input.derajat.trim(),
          allowed: { text: allowedChoices(DERAJAT_VALUES, DERAJAT_LABELS) },
        },
      });
    }
  }
  const klasifikasi = checkKlasifikasi(input.klasifikasi, rules, refusals);
  const sender = checkSender(input, rules, refusals);
  const lampiran = checkLampiran(input.lampiran, refusals);
  const tembusan = checkTembusan(input.tembusan, refusals);
  if (refusals.length > 0) return { ok: false, refusals };
  return {
    ok: true,
    value: {
      sifat,
      derajat,
      ...(klasifikasi === undefined ? {} : { klasifikasi }),
      ...sender,
      lampiran,
      tembusan,
    },
  };
}
