import { zoneOffsetMinutes } from './zone-offset.js';
import { NoOfficeTimeError } from './errors.js';
import { MultiYearCalendar } from './multi-year-calendar.js';
import type { DayInterval, OfficeCalendar, OfficeCalendarOverride, Weekday } from './office-calendar.js';
import { mergeCalendar, parseTimeRange } from './office-calendar.js';

/** A one-year calendar (its holiday lists hold for every year) or a calendar of many years. */
export type AnyOfficeCalendar = OfficeCalendar | MultiYearCalendar;

/** Lays a flow's or unit's override over a calendar, over each of its years for a `MultiYearCalendar`. */
export function withCalendarOverride(
  calendar: AnyOfficeCalendar,
  override: OfficeCalendarOverride,
): AnyOfficeCalendar {
  return calendar instanceof MultiYearCalendar
    ? calendar.withOverride(override)
    : mergeCalendar(calendar, override);
}

const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;

/** How many consecutive days without any working time are searched before `NoOfficeTimeError`. */
export const MAX_DAYS_WITHOUT_OFFICE_TIME = 366;

/** `Date#getUTCDay()` order: Sunday first. */
const JS_WEEKDAYS: readonly Weekday[] = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];

interface CompiledCalendar {
  readonly timeZone: string;
  /** Working intervals per `getUTCDay()` index (empty when that weekday is not a workday). */
  readonly intervalsByDay: readonly (readonly DayInterval[])[];
  readonly closedDates: ReadonlySet<string>;
}

function compile(calendar: OfficeCalendar): CompiledCalendar {
  const workdays = new Set(calendar.workdays);
  const intervalsByDay = JS_WEEKDAYS.map((day) => {
    if (!workdays.has(day)) return [];
    const ranges = calendar.hoursByDay[day] ?? calendar.hours;
    return ranges
      .map(parseTimeRange)
      .filter((range): range is DayInterval => range !== undefined)
      .sort((a, b) => a.startMinute - b.startMinute);
  });
  const closedDates = new Set([...calendar.holidays, ...calendar.cutiBersama].map((day) => day.date));
  return { timeZone: calendar.timeZone, intervalsByDay, closedDates };
}

/** Compiled years of multi-year calendars (their year calendars are frozen, so this never goes stale). */
const compiledYears = new WeakMap<OfficeCalendar, CompiledCalendar>();

/** The compiled calendar of each local day (given as its UTC midnight), and the zone days are counted in. */
interface DayCalendars {
  readonly timeZone: string;
  of(dayKey: number): CompiledCalendar;
}

function dayCalendars(calendar: AnyOfficeCalendar): DayCalendars {
  if (!(calendar instanceof MultiYearCalendar)) {
    const compiled = compile(calendar);
    return { timeZone: compiled.timeZone, of: () => compiled };
  }
  return {
    timeZone: calendar.timeZone,
    of(dayKey) {
      const yearCalendar = calendar.calendarOf(new Date(dayKey).getUTCFullYear());
      let compiled = compiledYears.get(yearCalendar);
      if (!compiled) {
        compiled = compile(yearCalendar);
        compiledYears.set(yearCalendar, compiled);
      }
      return compiled;
    },
  };
}

function checkInstant(name: string, at: Date): number {
  const ms = at.getTime();
  if (!Number.isFinite(ms)) throw new RangeError(`${name} is an invalid Date`);
  return ms;
}

/**
 * UTC milliseconds of local wall-clock `minuteOfDay` on the local date `dayKey` (that date's UTC midnight).
 * Same result as `new TZDate(y, m, d, h, min, timeZone)` (a time in a DST gap moves forward, an ambiguous
 * one takes the earlier instant) at a fraction of its cost: two or three offset look-ups.
 */
function localInstant(timeZone: string, dayKey: number, minuteOfDay: number): number {
  const wall = dayKey + minuteOfDay * MINUTE_MS;
  const firstOffset = zoneOffsetMinutes(timeZone, wall);
  const guess = wall - firstOffset * MINUTE_MS;
  const offset = zoneOffsetMinutes(timeZone, guess);
  if (offset === firstOffset) return guess;
  const other = wall - offset * MINUTE_MS;
  if (zoneOffsetMinutes(timeZone, other) === offset) return other;
  return Math.max(guess, other);
}

/** The local date of an instant in `timeZone`, as that date's UTC midnight. */
function localDayKey(timeZone: string, ms: number): number {
  const local = ms + zoneOffsetMinutes(timeZone, ms) * MINUTE_MS;
  return Math.floor(local / DAY_MS) * DAY_MS;
}

/**
 * Working intervals `[start, end)` in UTC milliseconds, in order, beginning with the one that contains
 * `fromMs` (clipped so its start is `fromMs`). Stops after the local day that contains `untilMs`;
 * without a bound, throws `NoOfficeTimeError` after `MAX_DAYS_WITHOUT_OFFICE_TIME` days with none.
 */
function* officeIntervals(
  calendar: AnyOfficeCalendar,
  fromMs: number,
  untilMs = Number.POSITIVE_INFINITY,
): Generator<readonly [number, number]> {
  const days = dayCalendars(calendar);
  const { timeZone } = days;
  let dayKey = localDayKey(timeZone, fromMs);
  let emptyDays = 0;
  for (;;) {
    if (localInstant(timeZone, dayKey, 0) >= untilMs) return;
    const compiled = days.of(dayKey);
    const day = new Date(dayKey);
    const intervals = compiled.closedDates.has(day.toISOString().slice(0, 10))
      ? []
      : (compiled.intervalsByDay[day.getUTCDay()] ?? []);
    let found = false;
    for (const interval of intervals) {
      const start = localInstant(timeZone, dayKey, interval.startMinute);
      const end = localInstant(timeZone, dayKey, interval.endMinute);
      if (end <= fromMs) continue;
      found = true;
      yield [Math.max(start, fromMs), end];
    }
    if (found) emptyDays = 0;
    else if (++emptyDays > MAX_DAYS_WITHOUT_OFFICE_TIME && untilMs === Number.POSITIVE_INFINITY) {
      throw new NoOfficeTimeError(timeZone, new Date(fromMs), MAX_DAYS_WITHOUT_OFFICE_TIME);
    }
    dayKey += DAY_MS;
  }
}

/** Converts minutes to whole milliseconds, rounding up so a due time is never early (float noise aside). */
function minutesToMs(minutes: number): number {
  if (!Number.isFinite(minutes) || minutes < 0) {
    throw new RangeError(`office minutes must be a finite number ≥ 0, got ${minutes}`);
  }
  return Math.ceil(Math.round(minutes * MINUTE_MS * 1000) / 1000);
}

/**
 * The instant when `ms` milliseconds of office time have elapsed after `start`. A start outside office
 * hours begins counting at the next opening; a step that fills a day exactly is due at closing time.
 * `ms` = 0 returns `start` itself.
 */
export function addOfficeMs(calendar: AnyOfficeCalendar, start: Date, ms: number): Date {
  const startMs = checkInstant('start', start);
  if (!Number.isInteger(ms) || ms < 0)
    throw new RangeError(`office milliseconds must be an integer ≥ 0, got ${ms}`);
  if (ms === 0) return new Date(startMs);
  let remaining = ms;
  for (const [from, to] of officeIntervals(calendar, startMs)) {
    if (remaining <= to - from) return new Date(from + remaining);
    remaining -= to - from;
  }
  throw new Error('unreachable: officeIntervals is unbounded');
}

/**
 * The instant when `minutes` of office time have elapsed after `start` (fractions allowed: 0.5 = 30 s).
 * E.g. 30 minutes from Friday 15:50 WIB under the default calendar → Monday 07:50 WIB.
 */
export function addOfficeMinutes(calendar: AnyOfficeCalendar, start: Date, minutes: number): Date {
  return addOfficeMs(calendar, start, minutesToMs(minutes));
}

/**
 * Office time in milliseconds between `from` and `to`; negative when `to` is before `from`
 * (`officeMsBetween(c, a, b) === -officeMsBetween(c, b, a)`).
 */
export function officeMsBetween(calendar: AnyOfficeCalendar, from: Date, to: Date): number {
  const fromMs = checkInstant('from', from);
  const toMs = checkInstant('to', to);
  if (toMs < fromMs) return -officeMsBetween(calendar, to, from);
  let total = 0;
  for (const [start, end] of officeIntervals(calendar, fromMs, toMs)) {
    if (start >= toMs) break;
    total += Math.min(end, toMs) - start;
  }
  return total;
}

/** Office minutes (fractional) between `from` and `to`, for "late by" and the reminder share. */
export function officeMinutesBetween(calendar: AnyOfficeCalendar, from: Date, to: Date): number {
  return officeMsBetween(calendar, from, to) / MINUTE_MS;
}

/** `at` itself when the office is open at `at`, else the next opening (closing time counts as closed). */
export function nextOfficeInstant(calendar: AnyOfficeCalendar, at: Date): Date {
  const atMs = checkInstant('at', at);
  for (const [start] of officeIntervals(calendar, atMs)) return new Date(start);
  throw new Error('unreachable: officeIntervals is unbounded');
}

/** True when the office is open at `at` (opening instant included, closing instant excluded). */
export function isOfficeTime(calendar: AnyOfficeCalendar, at: Date): boolean {
  const atMs = checkInstant('at', at);
  for (const [start] of officeIntervals(calendar, atMs, atMs + 1)) return start === atMs;
  return false;
}
