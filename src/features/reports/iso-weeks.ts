import { addDays, startOfLocalDate, type ReportPeriod } from './report-period.js';

const DAY_MS = 86_400_000;

/** An ISO 8601 week (Monday to Sunday) in the office's zone. */
export interface IsoWeek {
  /** `2026-W05`. */
  key: string;
  /** Its Monday, `YYYY-MM-DD`. */
  monday: string;
  /** Local midnight at the start of its Monday, UTC ms. */
  startMs: number;
}

/** The Monday of the ISO week that contains a `YYYY-MM-DD` date. */
export function mondayOf(date: string): string {
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
  return addDays(date, -((weekday + 6) % 7));
}

/** `2026-W05`: the ISO week-numbering year and week of a date (the year its Thursday is in). */
export function isoWeekKey(date: string): string {
  const thursday = addDays(mondayOf(date), 3);
  const year = Number(thursday.slice(0, 4));
  const week = Math.floor((Date.parse(`${thursday}T00:00:00Z`) - Date.UTC(year, 0, 1)) / (7 * DAY_MS)) + 1;
  return `${year}-W${String(week).padStart(2, '0')}`;
}

/** Every ISO week the period touches, in order (the first and last may be partly outside it). */
export function weeksOfPeriod(period: ReportPeriod): IsoWeek[] {
  const weeks: IsoWeek[] = [];
  for (let monday = mondayOf(period.fromDate); monday <= period.toDate; monday = addDays(monday, 7)) {
    weeks.push({
      key: isoWeekKey(monday),
      monday,
      startMs: startOfLocalDate(monday, period.timeZone).getTime(),
    });
  }
  return weeks;
}

/** Index of the week an instant falls in (the last week whose start is at or before it), or -1. */
export function weekIndexOf(weeks: readonly IsoWeek[], ms: number): number {
  let low = 0;
  let high = weeks.length - 1;
  let found = -1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if ((weeks[mid] as IsoWeek).startMs <= ms) {
      found = mid;
      low = mid + 1;
    } else high = mid - 1;
  }
  return found;
}
