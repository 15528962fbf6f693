import { TZDate } from '@date-fns/tz';
import type { LocalizedText, MessageRef } from '../i18n.js';
import type { CalendarYearSource, MultiYearCalendar } from './multi-year-calendar.js';
import { isProvisionalYear } from './multi-year-calendar.js';

/** From this local month (November, 0-based 10) on, next year's missing or provisional file is warned about. */
export const NEXT_YEAR_WARNING_MONTH = 10;

/** One year as `/healthz` and `pandu calendar check` show it. */
export interface CalendarYearStatus {
  readonly year: number;
  readonly source: CalendarYearSource;
  readonly provisional: boolean;
  readonly file?: string;
  readonly holidays: number;
  readonly cutiBersama: number;
  /** Holidays the library's rules cannot give for this year (library years only). */
  readonly missing: readonly LocalizedText[];
}

/**
 * The calendar's state at an instant, ready to be sent as JSON (`/healthz`): every year with a file
 * plus the current and the next year; `provisional` when due times this year (or, from 1 November,
 * next year) rest on dates nobody has checked against the SKB; the warnings as messages in `locales/`.
 */
export interface CalendarStatus {
  /** The local date the status was taken on, `YYYY-MM-DD` in the calendar's zone. */
  readonly today: string;
  readonly currentYear: number;
  readonly years: readonly CalendarYearStatus[];
  readonly provisional: boolean;
  readonly warnings: readonly MessageRef[];
}

function yearStatus(calendar: MultiYearCalendar, year: number): CalendarYearStatus {
  const info = calendar.year(year);
  return {
    year,
    source: info.source,
    provisional: isProvisionalYear(info),
    ...(info.file !== undefined && { file: info.file }),
    holidays: info.holidays.length,
    cutiBersama: info.cutiBersama.length,
    missing: info.missing,
  };
}

/** Message keys per year: written out so the locale test finds every key the source uses. */
const WARNING_KEYS = {
  current: {
    missing: { key: 'calendar-warning-current-year-missing' },
    provisional: { key: 'calendar-warning-current-year-provisional' },
  },
  next: {
    missing: { key: 'calendar-warning-next-year-missing' },
    provisional: { key: 'calendar-warning-next-year-provisional' },
  },
} as const;

/**
 * The warnings about one year (`which`: the current or the next) that is provisional. Years are given
 * as text, so Fluent does not group their digits (`2.027`).
 */
function yearWarnings(status: CalendarYearStatus, which: 'current' | 'next'): MessageRef[] {
  const year = String(status.year);
  const keys = WARNING_KEYS[which];
  if (status.source === 'provisional-file') {
    return [{ ...keys.provisional, params: { year, file: status.file ?? '' } }];
  }
  if (status.source !== 'library') return [];
  const warnings: MessageRef[] = [{ ...keys.missing, params: { year } }];
  if (status.missing.length > 0) {
    const holidays = {
      id: status.missing.map((name) => name.id).join(', '),
      en: status.missing.map((name) => name.en).join(', '),
    };
    warnings.push({ key: 'calendar-warning-library-gaps', params: { year, holidays: { text: holidays } } });
  }
  return warnings;
}

/**
 * The calendar's status at `now`: the current year is warned about whenever it has no checked file; the
 * next year from 1 November (local time) on. Years with a file are always listed.
 */
export function calendarStatus(calendar: MultiYearCalendar, now: Date): CalendarStatus {
  const local = new TZDate(now.getTime(), calendar.timeZone);
  const currentYear = local.getFullYear();
  const nextYearDue = local.getMonth() >= NEXT_YEAR_WARNING_MONTH;
  const yearNumbers = [...new Set([...calendar.fileYears(), currentYear, currentYear + 1])].sort(
    (a, b) => a - b,
  );
  const years = yearNumbers.map((year) => yearStatus(calendar, year));
  const current = years.find((year) => year.year === currentYear);
  const next = years.find((year) => year.year === currentYear + 1);
  const warnings = [
    ...(current ? yearWarnings(current, 'current') : []),
    ...(next && nextYearDue ? yearWarnings(next, 'next') : []),
  ];
  const provisional = (current?.provisional ?? true) || (nextYearDue && (next?.provisional ?? true));
  const today = `${currentYear}-${String(local.getMonth() + 1).padStart(2, '0')}-${String(local.getDate()).padStart(2, '0')}`;
  return { today, currentYear, years, provisional, warnings };
}
