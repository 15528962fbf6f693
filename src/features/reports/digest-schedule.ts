import { nextOfficeInstant, type AnyOfficeCalendar } from '../../core/time/index.js';
import { isoWeekKey, mondayOf } from './iso-weeks.js';
import { addDays, localDate, startOfLocalDate } from './report-period.js';

export interface WeeklySlot {
  /** The ISO week (`2026-W05`): the key to send one digest per leader per week by. */
  week: string;
  /** Its first office instant. */
  at: Date;
}

/**
 * The first office instant of the ISO week (Monday to Sunday, in the calendar's zone) that
 * contains `at`: the opening of its first working day (a Monday that is a holiday gives the
 * Tuesday's opening). Undefined for a week without any office time (all of it leave).
 */
export function firstOfficeHourOfWeek(calendar: AnyOfficeCalendar, at: Date): WeeklySlot | undefined {
  const monday = mondayOf(localDate(at, calendar.timeZone));
  const start = startOfLocalDate(monday, calendar.timeZone);
  const end = startOfLocalDate(addDays(monday, 7), calendar.timeZone);
  const first = nextOfficeInstant(calendar, start);
  return first.getTime() < end.getTime() ? { week: isoWeekKey(monday), at: first } : undefined;
}

/**
 * When the next weekly digest is due, strictly after `after`: this week's first office instant if
 * it is still ahead, else the next week's (weeks without office time are skipped, up to a year).
 * A scheduler sets one job for this instant keyed by the week, and on running sets the next.
 */
export function nextWeeklyDigest(calendar: AnyOfficeCalendar, after: Date): WeeklySlot {
  let probe = after;
  for (let weeks = 0; weeks <= 53; weeks++) {
    const slot = firstOfficeHourOfWeek(calendar, probe);
    if (slot && slot.at.getTime() > after.getTime()) return slot;
    const monday = mondayOf(localDate(probe, calendar.timeZone));
    probe = startOfLocalDate(addDays(monday, 7), calendar.timeZone);
  }
  throw new RangeError('no office time in the coming year: check the office calendar');
}
