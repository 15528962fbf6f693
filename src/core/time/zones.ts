import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns/format';
import { enUS } from 'date-fns/locale/en-US';
import { id } from 'date-fns/locale/id';
import { zoneOffsetMinutes } from './zone-offset.js';

/** Languages Pandu speaks to people. */
export type TimeLocale = 'id' | 'en';

/** Indonesia's zones by their Indonesian abbreviations (all without daylight saving time). */
const INDONESIAN_ZONES: Readonly<Record<string, string>> = {
  'Asia/Jakarta': 'WIB',
  'Asia/Pontianak': 'WIB',
  'Asia/Makassar': 'WITA',
  'Asia/Ujung_Pandang': 'WITA',
  'Asia/Jayapura': 'WIT',
};

const shortNameFormats = new Map<string, Intl.DateTimeFormat>();

function intlShortName(timeZone: string, at: Date): string | undefined {
  let formatter = shortNameFormats.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'short' });
    shortNameFormats.set(timeZone, formatter);
  }
  return formatter.formatToParts(at).find((part) => part.type === 'timeZoneName')?.value;
}

/** `UTC+05:30`, `UTC-03:00`, `UTC+00:00` for an offset in minutes east of UTC. */
export function utcOffsetLabel(offsetMinutes: number): string {
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  const hh = String(Math.floor(abs / 60)).padStart(2, '0');
  const mm = String(abs % 60).padStart(2, '0');
  return `UTC${sign}${hh}:${mm}`;
}

/**
 * The abbreviation people read next to a time: WIB (Asia/Jakarta, Asia/Pontianak), WITA (Asia/Makassar,
 * Asia/Ujung_Pandang), WIT (Asia/Jayapura); for other zones the `Intl` short name (`UTC`, `EST`, `GMT`)
 * when it is a name, else `UTC±hh:mm`. Throws RangeError for an unknown zone.
 */
export function zoneAbbreviation(timeZone: string, at: Date): string {
  const indonesian = INDONESIAN_ZONES[timeZone];
  if (indonesian) return indonesian;
  const name = intlShortName(timeZone, at);
  if (name && !/^GMT[+-]/.test(name)) return name;
  return utcOffsetLabel(zoneOffsetMinutes(timeZone, at.getTime()));
}

const DATE_FNS_LOCALES = { id, en: enUS } as const;

/** The wall clock in `timeZone` at `at`, as a Date whose UTC fields read it. */
function wallClock(at: Date, timeZone: string): Date {
  return new Date(at.getTime() + zoneOffsetMinutes(timeZone, at.getTime()) * 60_000);
}

const twoDigits = (n: number) => String(n).padStart(2, '0');

/** `14:35 WIB`: the wall-clock time at `at` in `timeZone`, with its abbreviation. */
export function formatLocalTime(at: Date, timeZone: string, _locale: TimeLocale): string {
  const wall = wallClock(at, timeZone);
  const hhmm = `${twoDigits(wall.getUTCHours())}:${twoDigits(wall.getUTCMinutes())}`;
  return `${hhmm} ${zoneAbbreviation(timeZone, at)}`;
}

/**
 * `14:35 WIB` when `at` falls on the reader's today (in their zone), else `Senin, 7 Des 07:50 WIB`:
 * a due time on Monday read on a Friday must not look like today's.
 */
export function formatLocalTimeOrDay(at: Date, now: Date, timeZone: string, locale: TimeLocale): string {
  const [wallAt, wallNow] = [wallClock(at, timeZone), wallClock(now, timeZone)];
  const day = (wall: Date) => Math.floor(wall.getTime() / 86_400_000);
  if (day(wallAt) === day(wallNow)) return formatLocalTime(at, timeZone, locale);
  const local = new TZDate(at.getTime(), timeZone);
  const sameYear = wallAt.getUTCFullYear() === wallNow.getUTCFullYear();
  const pattern = sameYear ? 'EEEE, d MMM HH:mm' : 'EEEE, d MMM yyyy HH:mm';
  return `${format(local, pattern, { locale: DATE_FNS_LOCALES[locale] })} ${zoneAbbreviation(timeZone, at)}`;
}

/** `Senin, 30 Nov 2026 14:35 WIB` (id) or `Monday, 30 Nov 2026 14:35 WIB` (en). */
export function formatLocalDateTime(at: Date, timeZone: string, locale: TimeLocale): string {
  const local = new TZDate(at.getTime(), timeZone);
  const text = format(local, 'EEEE, d MMM yyyy HH:mm', { locale: DATE_FNS_LOCALES[locale] });
  return `${text} ${zoneAbbreviation(timeZone, at)}`;
}

/** The calendar date (`2026-12-03`) of an instant in a zone. */
export function localDate(at: Date | string, timeZone: string): string {
  return format(new TZDate(new Date(at).getTime(), timeZone), 'yyyy-MM-dd');
}
