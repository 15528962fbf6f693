/**
 * Reads a sifat or derajat as people write it: the code (`sangat-rahasia`), the Indonesian or English
 * label in any case and spacing (`Sangat Rahasia`, `top secret`, `sangat_rahasia`).
 */
import type { LocalizedText } from '../../core/i18n.js';
import {
  DERAJAT_LABELS,
  DERAJAT_VALUES,
  SIFAT_LABELS,
  SIFAT_VALUES,
  type Derajat,
  type Sifat,
} from './letter-metadata.js';

function fold(text: string): string {
  return text
    .trim()
    .toLowerCase()
    .replace(/[\s_]+/g, '-');
}

function parseChoice<T extends string>(
  text: string,
  values: readonly T[],
  labels: Readonly<Record<T, LocalizedText>>,
): T | undefined {
  const wanted = fold(text);
  return values.find(
    (value) => value === wanted || fold(labels[value].id) === wanted || fold(labels[value].en) === wanted,
  );
}

export function parseSifat(text: string): Sifat | undefined {
  return parseChoice(text, SIFAT_VALUES, SIFAT_LABELS);
}

export function parseDerajat(text: string): Derajat | undefined {
  return parseChoice(text, DERAJAT_VALUES, DERAJAT_LABELS);
}

/** `Biasa (biasa), Terbatas (terbatas), …` in each language: the allowed values for a refusal. */
export function allowedChoices<T extends string>(
  values: readonly T[],
  labels: Readonly<Record<T, LocalizedText>>,
): LocalizedText {
  return {
    id: values.map((value) => `${labels[value].id} (${value})`).join(', '),
    en: values.map((value) => `${labels[value].en} (${value})`).join(', '),
  };
}
