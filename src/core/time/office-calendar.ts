import { z } from 'zod';

/** Weekdays as written in flows and calendar files. */
export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** A working interval within one local day, minutes after local midnight; `end` may be 1440 (24:00). */
export interface DayInterval {
  readonly startMinute: number;
  readonly endMinute: number;
}

const TIME_RANGE = /^(\d{2}):(\d{2})-(\d{2}):(\d{2})$/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * Parses `HH:mm-HH:mm` (24-hour, local time; the end may be `24:00`) into minutes after midnight.
 * Returns undefined when the text is not a valid, non-empty range.
 */
export function parseTimeRange(text: string): DayInterval | undefined {
  const match = TIME_RANGE.exec(text);
  if (!match) return undefined;
  const [sh, sm, eh, em] = match.slice(1).map(Number) as [number, number, number, number];
  if (sh > 23 || sm > 59 || em > 59 || eh > 24 || (eh === 24 && em !== 0)) return undefined;
  const startMinute = sh * 60 + sm;
  const endMinute = eh * 60 + em;
  return startMinute < endMinute ? { startMinute, endMinute } : undefined;
}

/** True when `text` is `YYYY-MM-DD` and names a real calendar day. */
export function isIsoDate(text: string): boolean {
  const match = ISO_DATE.exec(text);
  if (!match) return false;
  const [y, m, d] = match.slice(1).map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

export const timeZoneSchema = z
  .string()
  .refine(isTimeZone, { error: (issue) => `unknown IANA time zone ${JSON.stringify(issue.input)}` });

export const isoDateSchema = z
  .string()
  .refine(isIsoDate, { error: (issue) => `expected a date YYYY-MM-DD, got ${JSON.stringify(issue.input)}` });

export const weekdaySchema = z.enum(WEEKDAYS, {
  error: (issue) => `expected one of ${WEEKDAYS.join(', ')}, got ${JSON.stringify(issue.input)}`,
});

export const timeRangeSchema = z.string().refine((text) => parseTimeRange(text) !== undefined, {
  error: (issue) =>
    `expected a time range HH:mm-HH:mm with start before end, got ${JSON.stringify(issue.input)}`,
});

/** Working intervals of one day, e.g. `['07:30-11:30', '13:00-16:30']`; they must not overlap. */
export const timeRangeListSchema = z.array(timeRangeSchema).superRefine((ranges, ctx) => {
  const parsed = ranges
    .map(parseTimeRange)
    .filter((range): range is DayInterval => range !== undefined)
    .sort((a, b) => a.startMinute - b.startMinute);
  for (let i = 1; i < parsed.length; i++) {
    const previous = parsed[i - 1];
    const current = parsed[i];
    if (previous && current && current.startMinute < previous.endMinute) {
      ctx.addIssue({ code: 'custom', message: `time ranges overlap: ${ranges.join(', ')}` });
      return;
    }
  }
});

export const workdaysSchema = z
  .array(weekdaySchema)
  .min(1, { error: 'at least one workday is needed' })
  .refine((days) => new Set(days).size === days.length, { error: 'workdays must not repeat a day' });

/** The hours of every workday: at least one interval (close a single weekday with `hoursByDay`). */
export const hoursSchema = timeRangeListSchema.refine((ranges) => ranges.length > 0, {
  error: 'at least one working interval is needed',
});

/** A holiday or a day of collective leave (cuti bersama). */
export const namedDateSchema = z.strictObject({ date: isoDateSchema, name: z.string().min(1).optional() });
export type NamedDate = z.infer<typeof namedDateSchema>;

export const DEFAULT_TIME_ZONE = 'Asia/Jakarta';

/**
 * The complete working-time calendar. Every field has a default (Monday–Friday 07:30–16:00 in
 * Asia/Jakarta, no holidays), so `officeCalendarSchema.parse({})` is the default calendar.
 *
 * - `hours` are the working intervals of every workday; `hoursByDay` replaces them for a given
 *   weekday (e.g. a Friday with a longer lunch break). An empty list closes that day.
 * - `holidays` (libur nasional) and `cutiBersama` (collective leave) are local dates on which the
 *   office is closed.
 */
export const officeCalendarSchema = z.strictObject({
  timeZone: timeZoneSchema.default(DEFAULT_TIME_ZONE),
  workdays: workdaysSchema.default((): Weekday[] => ['mon', 'tue', 'wed', 'thu', 'fri']),
  hours: hoursSchema.default(() => ['07:30-16:00']),
  hoursByDay: z.partialRecord(weekdaySchema, timeRangeListSchema).default(() => ({})),
  holidays: z.array(namedDateSchema).default(() => []),
  cutiBersama: z.array(namedDateSchema).default(() => []),
});
export type OfficeCalendar = z.output<typeof officeCalendarSchema>;

/**
 * A partial calendar that a calendar file, a flow or a unit lays over another one (see `mergeCalendar`).
 * `workingDates` lists dates that stay working days although a holiday list names them (e.g. a service
 * unit that works through cuti bersama).
 */
export const officeCalendarOverrideSchema = z.strictObject({
  timeZone: timeZoneSchema.optional(),
  workdays: workdaysSchema.optional(),
  hours: hoursSchema.optional(),
  hoursByDay: z.partialRecord(weekdaySchema, timeRangeListSchema).optional(),
  holidays: z.array(namedDateSchema).optional(),
  cutiBersama: z.array(namedDateSchema).optional(),
  workingDates: z.array(isoDateSchema).optional(),
});
export type OfficeCalendarOverride = z.output<typeof officeCalendarOverrideSchema>;

/** Monday–Friday 07:30–16:00 in Asia/Jakarta, no holidays (the issue's default). */
export const DEFAULT_OFFICE_CALENDAR: OfficeCalendar = officeCalendarSchema.parse({});

/** Every minute of every day counts; for test flows whose standard times are seconds long. */
export const ALWAYS_OPEN_CALENDAR: OfficeCalendar = officeCalendarSchema.parse({
  workdays: [...WEEKDAYS],
  hours: ['00:00-24:00'],
});

function unionByDate(
  base: readonly NamedDate[],
  extra: readonly NamedDate[] | undefined,
  removed: ReadonlySet<string>,
): NamedDate[] {
  const byDate = new Map<string, NamedDate>();
  for (const day of [...base, ...(extra ?? [])]) byDate.set(day.date, { ...day });
  return [...byDate.values()]
    .filter((day) => !removed.has(day.date))
    .sort((a, b) => a.date.localeCompare(b.date));
}

/**
 * Lays `override` over `base` and returns a new calendar (neither argument is changed):
 * `timeZone`, `workdays` and `hours` are replaced when given; `hoursByDay` is replaced weekday by
 * weekday; `holidays` and `cutiBersama` are added to the base's lists (same date: the override's name
 * wins); then every date in `workingDates` is removed from both lists.
 */
export function mergeCalendar(base: OfficeCalendar, override: OfficeCalendarOverride): OfficeCalendar {
  const removed = new Set(override.workingDates ?? []);
  return {
    timeZone: override.timeZone ?? base.timeZone,
    workdays: [...(override.workdays ?? base.workdays)],
    hours: [...(override.hours ?? base.hours)],
    hoursByDay: { ...base.hoursByDay, ...override.hoursByDay },
    holidays: unionByDate(base.holidays, override.holidays, removed),
    cutiBersama: unionByDate(base.cutiBersama, override.cutiBersama, removed),
  };
}
