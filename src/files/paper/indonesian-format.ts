/** How dates, times and counts are written on Indonesian official documents. */
import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns/format';
import { id as idLocale } from 'date-fns/locale/id';
import { zoneAbbreviation } from '../../core/time/zones.js';

export const DEFAULT_DOCUMENT_ZONE = 'Asia/Jakarta';

/** `2026-11-23` → `23 November 2026`. */
export function formatTanggal(isoDate: string): string {
  const [y, m, d] = isoDate.split('-').map(Number);
  if (y === undefined || m === undefined || d === undefined) return isoDate;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (Number.isNaN(date.getTime())) return isoDate;
  return format(new TZDate(date.getTime(), 'UTC'), 'd MMMM yyyy', { locale: idLocale });
}

/** An instant's calendar date in `timeZone`: `23 November 2026`. */
export function formatTanggalAt(instant: string | Date, timeZone = DEFAULT_DOCUMENT_ZONE): string {
  const at = new Date(instant);
  return format(new TZDate(at.getTime(), timeZone), 'd MMMM yyyy', { locale: idLocale });
}

/** `23 Nov 2026 14:35 WIB`. */
export function formatWaktu(instant: string | Date, timeZone = DEFAULT_DOCUMENT_ZONE): string {
  const at = new Date(instant);
  const text = format(new TZDate(at.getTime(), timeZone), 'd MMM yyyy HH:mm', { locale: idLocale });
  return `${text} ${zoneAbbreviation(timeZone, at)}`;
}

/** `23-11-2026`: the compact form used in agenda-book columns. */
export function formatTanggalPendek(instant: string | Date, timeZone = DEFAULT_DOCUMENT_ZONE): string {
  return format(new TZDate(new Date(instant).getTime(), timeZone), 'dd-MM-yyyy');
}

/** `23-11-2026 09:05`: for table cells whose header names the zone. */
export function formatTanggalJam(instant: string | Date, timeZone = DEFAULT_DOCUMENT_ZONE): string {
  return format(new TZDate(new Date(instant).getTime(), timeZone), 'dd-MM-yyyy HH:mm');
}

/** `WIB`, `WITA`, `WIT` (or the zone's own abbreviation) at that instant. */
export function zoneLabel(instant: string | Date, timeZone = DEFAULT_DOCUMENT_ZONE): string {
  return zoneAbbreviation(timeZone, new Date(instant));
}

const UNITS = [
  '',
  'satu',
  'dua',
  'tiga',
  'empat',
  'lima',
  'enam',
  'tujuh',
  'delapan',
  'sembilan',
  'sepuluh',
  'sebelas',
];

/** A whole number from 0 to 999,999 in Indonesian words: 21 → `dua puluh satu`. */
export function terbilang(value: number): string {
  if (!Number.isInteger(value) || value < 0 || value > 999_999) throw new RangeError(`cannot spell ${value}`);
  if (value === 0) return 'nol';
  const words = (n: number): string => {
    if (n < 12) return UNITS[n] ?? '';
    if (n < 20) return `${UNITS[n - 10] ?? ''} belas`;
    if (n < 100) return `${UNITS[Math.floor(n / 10)] ?? ''} puluh ${words(n % 10)}`.trim();
    if (n < 200) return `seratus ${words(n - 100)}`.trim();
    if (n < 1000) return `${UNITS[Math.floor(n / 100)] ?? ''} ratus ${words(n % 100)}`.trim();
    if (n < 2000) return `seribu ${words(n - 1000)}`.trim();
    return `${words(Math.floor(n / 1000))} ribu ${words(n % 1000)}`.trim();
  };
  return words(value);
}

/** The Lampiran line of a letter: `-` or `1 (satu) berkas`. */
export function lampiranText(count: number): string {
  return count === 0 ? '-' : `${count} (${terbilang(count)}) berkas`;
}
