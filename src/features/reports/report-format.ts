import type { Locale } from '../../core/i18n.js';

const NUMBER_LOCALES: Record<Locale, string> = { id: 'id-ID', en: 'en-GB' };

/** Minutes with at most one decimal in the reader's notation (`3,5` / `3.5`); `–` for none. */
export function formatMinutes(minutes: number | null, locale: Locale): string {
  if (minutes === null) return '–';
  return new Intl.NumberFormat(NUMBER_LOCALES[locale], { maximumFractionDigits: 1 }).format(minutes);
}

/** A share 0..1 as a whole percentage (`75%`); `–` for none. */
export function formatShare(share: number | null, locale: Locale): string {
  if (share === null) return '–';
  return new Intl.NumberFormat(NUMBER_LOCALES[locale], { style: 'percent', maximumFractionDigits: 0 }).format(
    share,
  );
}

export function formatCount(count: number, locale: Locale): string {
  return new Intl.NumberFormat(NUMBER_LOCALES[locale]).format(count);
}

/** Rounds for JSON: minutes to 0.01, shares to 0.0001. */
export function round(value: number | null, decimals: number): number | null {
  if (value === null) return null;
  const factor = 10 ** decimals;
  return Math.round(value * factor) / factor;
}
