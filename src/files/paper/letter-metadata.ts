/**
 * The metadata every official letter carries under Tata Naskah Dinas: its sifat (security grading),
 * derajat (urgency), klasifikasi arsip code, the sender's own number and date, the number of lampiran
 * and who gets a tembusan (copy). Codes are stable ids; labels are in Bahasa Indonesia and English.
 */
import type { LocalizedText } from '../../core/i18n.js';

export const SIFAT_VALUES = ['biasa', 'terbatas', 'rahasia', 'sangat-rahasia'] as const;
export type Sifat = (typeof SIFAT_VALUES)[number];

export const DERAJAT_VALUES = ['biasa', 'segera', 'sangat-segera'] as const;
export type Derajat = (typeof DERAJAT_VALUES)[number];

export const SIFAT_LABELS: Readonly<Record<Sifat, LocalizedText>> = {
  biasa: { id: 'Biasa', en: 'Ordinary' },
  terbatas: { id: 'Terbatas', en: 'Restricted' },
  rahasia: { id: 'Rahasia', en: 'Confidential' },
  'sangat-rahasia': { id: 'Sangat Rahasia', en: 'Top secret' },
};

export const DERAJAT_LABELS: Readonly<Record<Derajat, LocalizedText>> = {
  biasa: { id: 'Biasa', en: 'Routine' },
  segera: { id: 'Segera', en: 'Urgent' },
  'sangat-segera': { id: 'Sangat Segera', en: 'Very urgent' },
};

/** A person or unit copied on a letter. `personId` is set when the copy goes to someone in the org. */
export interface TembusanEntry {
  name: string;
  personId?: string;
}

/** A letter's metadata after validation. */
export interface LetterMetadata {
  sifat: Sifat;
  derajat: Derajat;
  /** Klasifikasi arsip code from the configured list, e.g. `000.8.3.3`; absent until TU sets it. */
  klasifikasi?: string;
  /** Incoming letters: the number the sender gave the letter. */
  senderNumber?: string;
  /** Incoming letters: the date on the letter, `YYYY-MM-DD`. */
  senderDate?: string;
  /** How many lampiran (attachments) the letter has. */
  lampiran: number;
  tembusan: TembusanEntry[];
}

export const DEFAULT_LETTER_METADATA: Readonly<LetterMetadata> = {
  sifat: 'biasa',
  derajat: 'biasa',
  lampiran: 0,
  tembusan: [],
};

/** Rahasia and sangat rahasia letters: subject and files only for the people who act on them. */
export function isConfidential(sifat: Sifat): boolean {
  return sifat === 'rahasia' || sifat === 'sangat-rahasia';
}

/** Sorting rank for task lists: sangat segera (0) before segera (1) before biasa (2). */
export function derajatRank(derajat: Derajat): number {
  return DERAJAT_VALUES.length - 1 - DERAJAT_VALUES.indexOf(derajat);
}
