import type { FileProblem } from '../core/errors.js';
import { calendarStatus, type CalendarStatus } from '../core/time/calendar-status.js';
import type { CalendarYear } from '../core/time/multi-year-calendar.js';
import { MultiYearCalendar } from '../core/time/multi-year-calendar.js';
import type { OfficeCalendar, Weekday } from '../core/time/office-calendar.js';
import { DEFAULT_OFFICE_CALENDAR } from '../core/time/office-calendar.js';
import { readCalendarYearFiles, type YearFile } from './calendar-dir.js';
import { libraryCalendarYear } from './calendar-library.js';

/** The configuration the calendar needs (a `Config` fits). */
export interface OfficeCalendarsConfig {
  /** Directory with one file per year. */
  readonly CALENDAR_DIR: string;
  /** One more file, used for its year instead of the directory's file; empty: none. */
  readonly CALENDAR_FILE?: string;
  /** The zone when no file names one. */
  readonly TIME_ZONE: string;
}

/** The loaded calendar: what `addOfficeMs` takes, the files read, the notices, and the status at an instant. */
export interface LoadedOfficeCalendars {
  readonly calendar: MultiYearCalendar;
  /** The files in force, one per year, ascending by year. */
  readonly files: readonly string[];
  /** Allowed but worth a look (a holiday on a weekend, CALENDAR_FILE replacing a directory file). */
  readonly notices: readonly FileProblem[];
  status(now: Date): CalendarStatus;
}

const JS_WEEKDAYS: readonly Weekday[] = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];
const WEEKDAY_NAMES: Readonly<Record<Weekday, string>> = {
  mon: 'Monday',
  tue: 'Tuesday',
  wed: 'Wednesday',
  thu: 'Thursday',
  fri: 'Friday',
  sat: 'Saturday',
  sun: 'Sunday',
};

function weekdayOf(date: string): Weekday {
  return JS_WEEKDAYS[new Date(`${date}T00:00:00Z`).getUTCDay()] ?? 'sun';
}

function isWorkday(calendar: OfficeCalendar, day: Weekday): boolean {
  return calendar.workdays.includes(day) && (calendar.hoursByDay[day] ?? calendar.hours).length > 0;
}

/** A holiday or cuti bersama on a day the office is closed anyway: allowed (the SKB lists them), listed. */
export function weekendNotices(file: YearFile, calendar: OfficeCalendar): FileProblem[] {
  return (['holidays', 'cutiBersama'] as const).flatMap((list) =>
    file.data[list].flatMap((day, index) => {
      const weekday = weekdayOf(day.date);
      if (isWorkday(calendar, weekday)) return [];
      return [
        {
          file: file.path,
          field: `${list}[${index}].date`,
          message: `${day.date} (${day.name}) is a ${WEEKDAY_NAMES[weekday]}, not a workday: allowed, it closes nothing`,
        },
      ];
    }),
  );
}

function fileYear(file: YearFile): CalendarYear {
  const { data } = file;
  return {
    year: data.year,
    source: data.provisional === true ? 'provisional-file' : 'file',
    file: file.path,
    holidays: data.holidays,
    cutiBersama: data.cutiBersama,
    settings: {
      ...(data.workdays !== undefined && { workdays: data.workdays }),
      ...(data.hours !== undefined && { hours: data.hours }),
      ...(data.hoursByDay !== undefined && { hoursByDay: data.hoursByDay }),
    },
    missing: [],
  };
}

/**
 * Loads the office calendar of every year: the files of `CALENDAR_DIR` (one per year) and
 * `CALENDAR_FILE` (which wins for its own year), and, for any year without a file, Indonesia's holidays
 * from the library's rules, provisionally. Throws `DataFileError` (`calendar-invalid`) naming each file
 * and field that is wrong; the service must not start then.
 */
export async function loadOfficeCalendars(
  config: OfficeCalendarsConfig,
  fallback: (year: number) => CalendarYear = libraryCalendarYear,
): Promise<LoadedOfficeCalendars> {
  const { files, notices } = await readCalendarYearFiles({
    dir: config.CALENDAR_DIR,
    ...(config.CALENDAR_FILE !== undefined && { file: config.CALENDAR_FILE }),
  });
  const zone = files.find((file) => file.data.zone !== undefined)?.data.zone ?? config.TIME_ZONE;
  const calendar = MultiYearCalendar.create({
    base: { ...DEFAULT_OFFICE_CALENDAR, timeZone: zone },
    years: files.map(fileYear),
    fallback,
  });
  return {
    calendar,
    files: files.map((file) => file.path),
    notices: [
      ...notices,
      ...files.flatMap((file) => weekendNotices(file, calendar.calendarOf(file.data.year))),
    ],
    status: (now) => calendarStatus(calendar, now),
  };
}
