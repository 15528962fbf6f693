import { writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { format } from 'date-fns/format';
import { enUS } from 'date-fns/locale/en-US';
import { id as indonesian } from 'date-fns/locale/id';
import type { Config } from '../../config/env.js';
import { readCalendarYearFiles } from '../../config/calendar-dir.js';
import { libraryYear } from '../../config/calendar-library.js';
import { calendarFileTemplate } from '../../config/calendar-template.js';
import { loadOfficeCalendars, type LoadedOfficeCalendars } from '../../config/office-calendars.js';
import { DataFileError, formatProblems, type FileProblem } from '../../core/errors.js';
import type { Locale, MessageParams, MessageRef } from '../../core/i18n.js';
import type { CalendarYearStatus } from '../../core/time/calendar-status.js';
import type { NamedDate, OfficeCalendar, Weekday } from '../../core/time/office-calendar.js';
import { localDate } from '../../core/time/zones.js';
import { loadTranslator } from '../../i18n/translator.js';
import type { CliOutput } from '../output.js';

/** What the calendar commands need from the configuration and the world. */
export interface CalendarCliDeps {
  /** CALENDAR_DIR and CALENDAR_FILE, as the service reads them. */
  readonly calendarDir: string;
  readonly calendarFile?: string;
  /** The zone when no file names one. */
  readonly timeZone: string;
  readonly now: Date;
  readonly locale: Locale;
  /** Renders a message of `locales/` in `locale`. */
  readonly render: (ref: MessageRef) => string;
}

/** The deps from the configuration; `--en` in `argv` switches to English. */
export function calendarCliDeps(config: Config, argv: readonly string[]): CalendarCliDeps {
  const translator = loadTranslator(config.LOCALES_DIR);
  const locale: Locale = argv.includes('--en') ? 'en' : config.DEFAULT_LOCALE;
  return {
    calendarDir: config.CALENDAR_DIR,
    calendarFile: config.CALENDAR_FILE,
    timeZone: config.TIME_ZONE,
    now: new Date(),
    locale,
    render: (ref) => translator.format(ref, { locale, timeZone: config.TIME_ZONE }),
  };
}

interface ListedDay {
  readonly date: string;
  readonly weekday: string;
  readonly name: string;
  readonly workday: boolean;
  readonly estimated: boolean;
}

interface ListedYear extends CalendarYearStatus {
  readonly days: { readonly holidays: readonly ListedDay[]; readonly cutiBersama: readonly ListedDay[] };
}

const JS_WEEKDAYS: readonly Weekday[] = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];

function listDays(
  days: readonly NamedDate[],
  calendar: OfficeCalendar,
  locale: Locale,
  estimated: ReadonlySet<string>,
): ListedDay[] {
  return days.map((day) => {
    const at = new Date(`${day.date}T12:00:00Z`);
    const weekday = JS_WEEKDAYS[at.getUTCDay()] ?? 'sun';
    return {
      date: day.date,
      weekday: format(at, 'EEEE', { locale: locale === 'id' ? indonesian : enUS }),
      name: day.name ?? '',
      workday:
        calendar.workdays.includes(weekday) && (calendar.hoursByDay[weekday] ?? calendar.hours).length > 0,
      estimated: estimated.has(day.date),
    };
  });
}

function listYears(loaded: LoadedOfficeCalendars, years: readonly CalendarYearStatus[], locale: Locale) {
  return years.map((status): ListedYear => {
    const info = loaded.calendar.year(status.year);
    const calendar = loaded.calendar.calendarOf(status.year);
    const estimated = new Set(
      status.source === 'library'
        ? libraryYear(status.year)
            .holidays.filter((day) => day.estimated)
            .map((day) => day.date)
        : [],
    );
    return {
      ...status,
      days: {
        holidays: listDays(info.holidays, calendar, locale, estimated),
        cutiBersama: listDays(info.cutiBersama, calendar, locale, estimated),
      },
    };
  });
}

function printYear(
  year: ListedYear,
  out: CliOutput,
  render: (key: string, params?: MessageParams) => string,
  locale: Locale,
): void {
  const params = { year: String(year.year), file: year.file ?? '' };
  const heading = {
    file: 'calendar-check-year-file',
    'provisional-file': 'calendar-check-year-provisional-file',
    library: 'calendar-check-year-library',
  }[year.source];
  out.stdout(render(heading, params));
  const lists = [
    ['calendar-check-holidays', year.days.holidays],
    ['calendar-check-cuti-bersama', year.days.cutiBersama],
  ] as const;
  for (const [title, days] of lists) {
    out.stdout(`  ${render(title, { count: days.length })}`);
    if (days.length === 0) out.stdout(`    ${render('calendar-check-none')}`);
    for (const day of days) {
      const notes = [
        ...(day.estimated ? [render('calendar-check-estimated')] : []),
        ...(day.workday ? [] : [render('calendar-check-not-workday')]),
      ];
      const note = notes.length > 0 ? ` (${notes.join(', ')})` : '';
      out.stdout(`    ${day.date}  ${day.weekday.padEnd(9)} ${day.name}${note}`);
    }
  }
  if (year.missing.length > 0) {
    const holidays = year.missing.map((name) => name[locale]).join(', ');
    out.stdout(`  ${render('calendar-check-missing', { holidays })}`);
  }
}

function positional(argv: readonly string[]): string[] {
  const values: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg === '--out') i++;
    else if (!arg.startsWith('--')) values.push(arg);
  }
  return values;
}

function problemsOf(error: unknown): FileProblem[] | undefined {
  return error instanceof DataFileError ? [...error.problems] : undefined;
}

/**
 * `pandu calendar check [DIR] [--json] [--en]`: validates the calendar files as the service does at start
 * (DIR, or CALENDAR_DIR and CALENDAR_FILE), lists each year's holidays and cuti bersama with their
 * weekdays, the notices, the warnings and which years are provisional. Exit 1 on an invalid file.
 */
export async function runCalendarCheck(
  argv: string[],
  out: CliOutput,
  deps: CalendarCliDeps,
): Promise<number> {
  const json = argv.includes('--json');
  const [dir, extra] = positional(argv);
  if (extra !== undefined) {
    out.stderr('usage: pandu calendar check [DIR] [--json] [--en]');
    return 2;
  }
  const render = (key: string, params?: MessageParams) => deps.render({ key, ...(params && { params }) });
  let loaded: LoadedOfficeCalendars;
  try {
    loaded = await loadOfficeCalendars({
      CALENDAR_DIR: dir ?? deps.calendarDir,
      ...(dir === undefined && deps.calendarFile !== undefined && { CALENDAR_FILE: deps.calendarFile }),
      TIME_ZONE: deps.timeZone,
    });
  } catch (error) {
    const problems = problemsOf(error);
    if (!problems) throw error;
    out.stderr(`${render('calendar-check-failed')}\n${formatProblems(problems)}`);
    if (json) out.stdout(JSON.stringify({ valid: false, errors: problems }));
    return 1;
  }
  const status = loaded.status(deps.now);
  const years = listYears(loaded, status.years, deps.locale);
  const provisionalYears = years.filter((year) => year.provisional).map((year) => year.year);
  const warnings = status.warnings.map((warning) => ({ ...warning, text: deps.render(warning) }));
  if (json) {
    out.stdout(
      JSON.stringify({
        valid: true,
        files: loaded.files,
        today: status.today,
        provisional: status.provisional,
        provisionalYears,
        years,
        notices: loaded.notices,
        warnings,
      }),
    );
    return 0;
  }
  out.stdout(render('calendar-check-ok', { count: loaded.files.length }));
  for (const year of years) printYear(year, out, render, deps.locale);
  if (loaded.notices.length > 0)
    out.stdout(indentedList(render('calendar-check-notices'), formatProblems(loaded.notices)));
  if (warnings.length > 0) {
    out.stdout(indentedList(render('calendar-check-warnings'), warnings.map((w) => w.text).join('\n')));
  }
  out.stdout(
    provisionalYears.length > 0
      ? render('calendar-check-provisional-years', { years: provisionalYears.join(', ') })
      : render('calendar-check-no-provisional-years'),
  );
  return 0;
}

function indentedList(title: string, lines: string): string {
  return [title, ...lines.split('\n').map((line) => `  ${line}`)].join('\n');
}

function optionValue(argv: readonly string[], name: string): string | undefined {
  const index = argv.indexOf(name);
  return index >= 0 ? argv[index + 1] : undefined;
}

/** The file in `dir` that already holds `year`, if any (broken files are left to `calendar check`). */
async function fileOfYear(dir: string, year: number): Promise<string | undefined> {
  try {
    const { files } = await readCalendarYearFiles({ dir });
    return files.find((file) => file.data.year === year)?.path;
  } catch (error) {
    const problems = problemsOf(error);
    if (!problems) throw error;
    return undefined;
  }
}

/**
 * `pandu calendar new YYYY [--out FILE] [--en]`: writes a calendar file for the year, pre-filled from the
 * library's rules and marked `provisional: true`, whose header tells the admin to check every date
 * against the official SKB. Default file: CALENDAR_DIR/indonesia-YYYY.yaml. Never overwrites a file.
 */
export async function runCalendarNew(argv: string[], out: CliOutput, deps: CalendarCliDeps): Promise<number> {
  const [yearText, extra] = positional(argv);
  const outOption = optionValue(argv, '--out');
  if (yearText === undefined || extra !== undefined || (argv.includes('--out') && !outOption)) {
    out.stderr('usage: pandu calendar new YYYY [--out FILE] [--en]');
    return 2;
  }
  const render = (key: string, params?: MessageParams) => deps.render({ key, ...(params && { params }) });
  const year = /^\d{4}$/.test(yearText) ? Number(yearText) : Number.NaN;
  if (!(year >= 1970 && year <= 9999)) {
    out.stderr(render('calendar-new-bad-year', { year: yearText }));
    return 1;
  }
  const file = outOption ?? join(deps.calendarDir, `indonesia-${year}.yaml`);
  if (existsSync(file)) {
    out.stderr(render('calendar-new-exists', { file }));
    return 1;
  }
  const dir = dirname(file);
  const taken = existsSync(dir) ? await fileOfYear(dir, year) : undefined;
  if (taken) {
    out.stderr(render('calendar-new-year-taken', { year: String(year), file: taken }));
    return 1;
  }
  const zone = await zoneOf(
    resolve(dir) === resolve(deps.calendarDir) ? dir : deps.calendarDir,
    deps.timeZone,
  );
  const writtenOn = localDate(deps.now, zone);
  const text = calendarFileTemplate({ year, zone, writtenOn });
  await writeFile(file, text, { encoding: 'utf8', flag: 'wx' });
  const count = text.split('\n').filter((line) => line.startsWith('  - { date: ')).length;
  out.stdout(render('calendar-new-written', { file, count, year: String(year) }));
  return 0;
}

/** The zone the directory's files name, else `fallback`. */
async function zoneOf(dir: string, fallback: string): Promise<string> {
  try {
    const { files } = await readCalendarYearFiles({ dir });
    return files.find((file) => file.data.zone !== undefined)?.data.zone ?? fallback;
  } catch {
    return fallback;
  }
}
