import { TZDate } from '@date-fns/tz';
import { isIsoDate, localDate } from '../../core/time/index.js';
import { ReportInputError } from './report-errors.js';

/** Earliest date a report may start on: Pandu keeps no older records. */
export const EARLIEST_REPORT_DATE = '2000-01-01';
/** A report may end at most this many days after today (e.g. "this year" in June). */
export const MAX_DAYS_AHEAD = 366;
/** Longest period one report covers. */
export const MAX_PERIOD_DAYS = 1096;
/** Without --from: this many days up to and including the last day. */
export const DEFAULT_PERIOD_DAYS = 30;

const DAY_MS = 86_400_000;

/**
 * A report's period: whole local days `fromDate`…`toDate` (both included) in the office's zone,
 * as the instants `[from, to)`: local midnight at the start of `fromDate` up to local midnight
 * after `toDate`.
 */
export interface ReportPeriod {
  fromDate: string;
  toDate: string;
  timeZone: string;
  from: Date;
  to: Date;
}

/** The local date (`YYYY-MM-DD`) of an instant in a zone. */
export { localDate };

/** Local midnight at the start of a `YYYY-MM-DD` date in a zone. */
export function startOfLocalDate(date: string, timeZone: string): Date {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(new TZDate(y, m - 1, d, timeZone).getTime());
}

/** A `YYYY-MM-DD` date moved by whole days (calendar arithmetic, no zone involved). */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

/**
 * The period from optional `YYYY-MM-DD` dates. `to` defaults to today, `from` to 29 days before
 * `to` (30 days in all). Refused with a ReportInputError: a text that is not a real date, a date
 * before 2000-01-01 or more than 366 days after today, `from` after `to`, more than 1096 days.
 */
export function parseReportPeriod(
  input: { from?: string | undefined; to?: string | undefined },
  timeZone: string,
  now: Date,
): ReportPeriod {
  const today = localDate(now, timeZone);
  const latest = addDays(today, MAX_DAYS_AHEAD);
  const check = (option: 'from' | 'to', value: string): string => {
    if (!isIsoDate(value)) throw new ReportInputError('bad-date', { option: `--${option}`, value });
    if (value < EARLIEST_REPORT_DATE || value > latest) {
      throw new ReportInputError('date-out-of-range', {
        option: `--${option}`,
        value,
        earliest: EARLIEST_REPORT_DATE,
        latest,
      });
    }
    return value;
  };
  const toDate = input.to === undefined ? today : check('to', input.to);
  const defaultFrom = addDays(toDate, 1 - DEFAULT_PERIOD_DAYS);
  const fromDate =
    input.from === undefined
      ? defaultFrom < EARLIEST_REPORT_DATE
        ? EARLIEST_REPORT_DATE
        : defaultFrom
      : check('from', input.from);
  if (fromDate > toDate) throw new ReportInputError('from-after-to', { from: fromDate, to: toDate });
  const days = daysBetween(fromDate, toDate) + 1;
  if (days > MAX_PERIOD_DAYS) {
    throw new ReportInputError('period-too-long', { days, max: MAX_PERIOD_DAYS });
  }
  return {
    fromDate,
    toDate,
    timeZone,
    from: startOfLocalDate(fromDate, timeZone),
    to: startOfLocalDate(addDays(toDate, 1), timeZone),
  };
}
