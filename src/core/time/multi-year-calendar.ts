import type { LocalizedText } from '../i18n.js';
import type { NamedDate, OfficeCalendar, OfficeCalendarOverride } from './office-calendar.js';
import { mergeCalendar } from './office-calendar.js';

/**
 * Where a year's holidays come from:
 * - `file`: a calendar file checked against the official SKB;
 * - `provisional-file`: a calendar file marked `provisional: true` (not yet checked against the SKB);
 * - `library`: no file; the holiday library's rules (lunar holidays estimated, no cuti bersama).
 */
export type CalendarYearSource = 'file' | 'provisional-file' | 'library';

/** The working settings a year may change; they hold from that year on, until a later year changes them. */
export type CalendarSettings = Pick<OfficeCalendarOverride, 'workdays' | 'hours' | 'hoursByDay'>;

/** One year of the office calendar: its holidays, cuti bersama and where they come from. */
export interface CalendarYear {
  readonly year: number;
  readonly source: CalendarYearSource;
  /** The file the year was read from (absent for `library`). */
  readonly file?: string;
  readonly holidays: readonly NamedDate[];
  readonly cutiBersama: readonly NamedDate[];
  /** Settings the year's file sets (empty for `library`: the nearest year with a file lends its own). */
  readonly settings: CalendarSettings;
  /** Holidays the library's rules cannot give for this year (e.g. Nyepi after the dates it lists). */
  readonly missing: readonly LocalizedText[];
}

/** True unless the year comes from a file that an admin has checked against the SKB. */
export function isProvisionalYear(year: CalendarYear): boolean {
  return year.source !== 'file';
}

export interface MultiYearCalendarOptions {
  /** Time zone and default settings (Mon–Fri 07:30–16:00): what a year's settings are laid over. */
  readonly base: OfficeCalendar;
  /** The years that have a file; at most one entry per year. */
  readonly years: readonly CalendarYear[];
  /** A year without a file (the holiday library's rules); called at most once per year. */
  readonly fallback: (year: number) => CalendarYear;
}

/** The years of one calendar, shared by a calendar and every override laid over it. */
class CalendarYears {
  private readonly byYear = new Map<number, CalendarYear>();
  private readonly fileYearsAscending: readonly CalendarYear[];
  private readonly fallbackYears = new Map<number, CalendarYear>();

  constructor(
    years: readonly CalendarYear[],
    private readonly fallback: (year: number) => CalendarYear,
  ) {
    for (const year of years) {
      if (this.byYear.has(year.year)) throw new RangeError(`the calendar year ${year.year} is given twice`);
      this.byYear.set(year.year, year);
    }
    this.fileYearsAscending = [...years].sort((a, b) => a.year - b.year);
  }

  fileYears(): number[] {
    return this.fileYearsAscending.map((year) => year.year);
  }

  get(year: number): CalendarYear {
    const fromFile = this.byYear.get(year);
    if (fromFile) return fromFile;
    let fromLibrary = this.fallbackYears.get(year);
    if (!fromLibrary) {
      fromLibrary = this.fallback(year);
      if (fromLibrary.year !== year) {
        throw new RangeError(`the calendar fallback gave the year ${fromLibrary.year} for ${year}`);
      }
      this.fallbackYears.set(year, fromLibrary);
    }
    return fromLibrary;
  }

  /**
   * The settings in force in `year`: each file's settings hold from its year on, until a later file sets
   * them again. Before the first file, the first file's settings hold.
   */
  settingsFor(year: number): CalendarSettings {
    const files = this.fileYearsAscending;
    const upTo = files.filter((file) => file.year <= year);
    const chain = upTo.length > 0 ? upTo : files.slice(0, 1);
    return chain.reduce<CalendarSettings>((settings, file) => ({ ...settings, ...file.settings }), {});
  }
}

/**
 * An office calendar of many years: each local year has its own holidays and cuti bersama (from its
 * file, or provisionally from the library's rules), all years share one time zone. The office-time
 * functions (`addOfficeMs`, …) take it wherever they take a one-year `OfficeCalendar`, so a due time
 * that runs from 31 December into January counts the holidays of both years.
 */
export class MultiYearCalendar {
  readonly timeZone: string;
  private readonly calendars = new Map<number, OfficeCalendar>();

  private constructor(
    private readonly years: CalendarYears,
    private readonly base: OfficeCalendar,
    private readonly overrides: readonly OfficeCalendarOverride[],
  ) {
    this.timeZone = overrides.reduce((zone, override) => override.timeZone ?? zone, base.timeZone);
  }

  static create(options: MultiYearCalendarOptions): MultiYearCalendar {
    return new MultiYearCalendar(new CalendarYears(options.years, options.fallback), options.base, []);
  }

  /** Where `year`'s holidays come from (a year without a file is computed from the library then). */
  year(year: number): CalendarYear {
    return this.years.get(checkYear(year));
  }

  /** The years that have a file, ascending. */
  fileYears(): number[] {
    return this.years.fileYears();
  }

  /** The complete calendar in force during the local year `year`, with every override laid on. */
  calendarOf(year: number): OfficeCalendar {
    let calendar = this.calendars.get(year);
    if (!calendar) {
      const info = this.years.get(checkYear(year));
      const own = mergeCalendar(this.base, {
        ...this.years.settingsFor(year),
        holidays: [...info.holidays],
        cutiBersama: [...info.cutiBersama],
      });
      calendar = Object.freeze(this.overrides.reduce(mergeCalendar, own));
      this.calendars.set(year, calendar);
    }
    return calendar;
  }

  /** This calendar with a flow's or unit's override laid over every year (see `mergeCalendar`). */
  withOverride(override: OfficeCalendarOverride): MultiYearCalendar {
    return new MultiYearCalendar(this.years, this.base, [...this.overrides, override]);
  }
}

function checkYear(year: number): number {
  if (!Number.isInteger(year) || year < 1 || year > 9999) throw new RangeError(`not a year: ${year}`);
  return year;
}
