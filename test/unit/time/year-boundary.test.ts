import { copyFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadOfficeCalendars } from '../../../src/config/office-calendars.js';
import type { CalendarYear, MultiYearCalendar } from '../../../src/core/time/multi-year-calendar.js';
import {
  addOfficeMinutes,
  isOfficeTime,
  nextOfficeInstant,
  officeMinutesBetween,
  withCalendarOverride,
} from '../../../src/core/time/office-time.js';
import { REPO_ROOT } from '../../support/paths.js';

const CALENDARS = join(REPO_ROOT, 'flows', 'calendars');
const FILE_2026 = join(CALENDARS, 'indonesia-2026.yaml');

/** A calendar directory holding the repository's 2026 file and the given files. */
function dirWith(files: Record<string, string> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'pandu-calendar-'));
  copyFileSync(FILE_2026, join(dir, 'indonesia-2026.yaml'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

/** A checked 2027 file (not the SKB: a test's own dates) with a cuti bersama on Monday 4 January. */
const CHECKED_2027 = [
  'year: 2027',
  'holidays:',
  '  - { date: 2027-01-01, name: Tahun Baru 2027 Masehi }',
  'cutiBersama:',
  '  - { date: 2027-01-04, name: Cuti bersama Tahun Baru }',
].join('\n');

/** What the service did before: a year without a file had no holidays at all. */
const NO_HOLIDAYS = (year: number): CalendarYear => ({
  year,
  source: 'library',
  holidays: [],
  cutiBersama: [],
  settings: {},
  missing: [],
});

async function calendarOf(
  dir: string,
  fallback?: (year: number) => CalendarYear,
): Promise<MultiYearCalendar> {
  const config = { CALENDAR_DIR: dir, CALENDAR_FILE: '', TIME_ZONE: 'Asia/Jakarta' };
  return (await loadOfficeCalendars(config, fallback)).calendar;
}

let repository: MultiYearCalendar; // 2026 file + the provisional 2027 file
let withoutNextYear: MultiYearCalendar; // 2026 file only: 2027 from the library
let checkedNextYear: MultiYearCalendar; // 2026 file + CHECKED_2027
let noFallback: MultiYearCalendar; // 2026 file only, 2027 without any holiday (the old behaviour)

beforeAll(async () => {
  repository = await calendarOf(CALENDARS);
  withoutNextYear = await calendarOf(dirWith());
  checkedNextYear = await calendarOf(dirWith({ 'indonesia-2027.yaml': CHECKED_2027 }));
  noFallback = await calendarOf(dirWith(), NO_HOLIDAYS);
});

const calendars = (): Record<string, MultiYearCalendar> => ({
  repository,
  withoutNextYear,
  checkedNextYear,
  noFallback,
});

const wib = (local: string): Date => new Date(`${local}+07:00`);

describe('due times across 31 December → January (Asia/Jakarta, Mon–Fri 07:30–16:00)', () => {
  // Thu 31 Dec 2026; Fri 1 Jan 2027 Tahun Baru; Sat 2, Sun 3; Mon 4; Tue 5 (Isra Mikraj by the rules).
  // One case per line keeps the table readable.
  // prettier-ignore
  test.each<[string, string, string, number, string]>([
    ['30 min from Thu 31 Dec 15:50, with the 2027 file',          'repository',      '2026-12-31T15:50', 30,   '2027-01-04T07:50'],
    ['30 min from Thu 31 Dec 15:50, 2027 from the library',       'withoutNextYear', '2026-12-31T15:50', 30,   '2027-01-04T07:50'],
    ['30 min from Thu 31 Dec 15:50, cuti bersama on Mon 4 Jan',   'checkedNextYear', '2026-12-31T15:50', 30,   '2027-01-05T07:50'],
    ['30 min from Thu 31 Dec 15:50, no 2027 holidays (old bug)',  'noFallback',      '2026-12-31T15:50', 30,   '2027-01-01T07:50'],
    ['a full day from Thu 31 Dec 15:50, 2027 from the library',   'withoutNextYear', '2026-12-31T15:50', 510,  '2027-01-04T15:50'],
    ['a full day from Thu 31 Dec 15:50, cuti bersama 4 Jan',      'checkedNextYear', '2026-12-31T15:50', 510,  '2027-01-05T15:50'],
    ['three days from Wed 30 Dec 08:00, with the 2027 file',      'repository',      '2026-12-30T08:00', 1530, '2027-01-06T08:00'],
    ['three days from Wed 30 Dec 08:00, 2027 from the library',   'withoutNextYear', '2026-12-30T08:00', 1530, '2027-01-06T08:00'],
    ['three days from Wed 30 Dec 08:00, no 2027 holidays',        'noFallback',      '2026-12-30T08:00', 1530, '2027-01-04T08:00'],
    ['Natal and its cuti bersama: Wed 23 Dec 15:50 → Mon 28 Dec', 'withoutNextYear', '2026-12-23T15:50', 30,   '2026-12-28T07:50'],
    ['a start on the holiday itself: Fri 1 Jan 2027 10:00',       'withoutNextYear', '2027-01-01T10:00', 5,    '2027-01-04T07:35'],
    ['a start on Sat 2 Jan 2027, cuti bersama on Monday',         'checkedNextYear', '2027-01-02T09:00', 15,   '2027-01-05T07:45'],
  ])('%s', (_name, which, start, minutes, due) => {
    const calendar = calendars()[which];
    if (!calendar) throw new Error(`no calendar ${which}`);
    expect(addOfficeMinutes(calendar, wib(start), minutes).toISOString()).toBe(wib(due).toISOString());
  });

  test('office minutes between 31 Dec 15:50 and Mon 4 Jan 07:50 leave out both years’ days off', () => {
    const from = wib('2026-12-31T15:50');
    const to = wib('2027-01-04T07:50');
    expect(officeMinutesBetween(withoutNextYear, from, to)).toBe(30);
    expect(officeMinutesBetween(noFallback, from, to)).toBe(30 + 510);
    expect(officeMinutesBetween(checkedNextYear, to, from)).toBe(-10);
  });

  test('the next opening after closing on 31 Dec is Monday 4 Jan (Tuesday with the cuti bersama)', () => {
    expect(nextOfficeInstant(withoutNextYear, wib('2026-12-31T16:00')).toISOString()).toBe(
      wib('2027-01-04T07:30').toISOString(),
    );
    expect(nextOfficeInstant(checkedNextYear, wib('2026-12-31T16:00')).toISOString()).toBe(
      wib('2027-01-05T07:30').toISOString(),
    );
    expect(isOfficeTime(withoutNextYear, wib('2027-01-01T10:00'))).toBe(false);
    expect(isOfficeTime(noFallback, wib('2027-01-01T10:00'))).toBe(true);
  });

  test('the library year is only used for 2027: 2026 still comes from its file (cuti bersama 24 Dec)', () => {
    expect(withoutNextYear.year(2026).source).toBe('file');
    expect(withoutNextYear.year(2027).source).toBe('library');
    expect(repository.year(2027).source).toBe('provisional-file');
    expect(isOfficeTime(withoutNextYear, wib('2026-12-24T10:00'))).toBe(false);
  });
});

describe("a flow's calendar override lies over every year", () => {
  test('working through New Year: the override’s working date opens 1 January 2027', () => {
    const calendar = withCalendarOverride(withoutNextYear, { workingDates: ['2027-01-01'] });
    expect(addOfficeMinutes(calendar, wib('2026-12-31T15:50'), 30).toISOString()).toBe(
      wib('2027-01-01T07:50').toISOString(),
    );
  });

  test('an extra holiday on 31 Dec and shorter hours apply in both years', () => {
    const calendar = withCalendarOverride(checkedNextYear, {
      hours: ['08:00-12:00'],
      holidays: [{ date: '2026-12-31', name: 'Libur unit' }],
    });
    expect(addOfficeMinutes(calendar, wib('2026-12-30T11:50'), 30).toISOString()).toBe(
      wib('2027-01-05T08:20').toISOString(),
    );
    // the base calendar is unchanged
    expect(isOfficeTime(checkedNextYear, wib('2026-12-31T14:00'))).toBe(true);
  });

  test('an override in another zone counts local days of that zone', () => {
    const calendar = withCalendarOverride(withoutNextYear, { timeZone: 'Asia/Jayapura' });
    // 31 Dec 15:50 WIT = 13:50 WIB; 1 Jan is still Tahun Baru, so the step runs into Monday.
    expect(addOfficeMinutes(calendar, new Date('2026-12-31T15:50:00+09:00'), 30).toISOString()).toBe(
      new Date('2027-01-04T07:50:00+09:00').toISOString(),
    );
  });
});

describe('working settings carry forward from year to year', () => {
  const FRIDAY_LUNCH_2026 = [
    'year: 2026',
    "hoursByDay: { fri: ['07:30-11:30', '13:00-16:30'] }",
    'holidays: [{ date: 2026-12-25, name: Natal }]',
  ].join('\n');

  function dirOf(files: Record<string, string>): string {
    const dir = mkdtempSync(join(tmpdir(), 'pandu-calendar-'));
    for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
    return dir;
  }

  test("2026's Friday hours hold in 2027 without a file (the library lends only holidays)", async () => {
    const calendar = await calendarOf(dirOf({ 'kantor-2026.yaml': FRIDAY_LUNCH_2026 }));
    // Friday 8 Jan 2027 11:20 + 20 min: 10 min before the break, 10 after it.
    expect(addOfficeMinutes(calendar, wib('2027-01-08T11:20'), 20).toISOString()).toBe(
      wib('2027-01-08T13:10').toISOString(),
    );
  });

  test("a 2027 file's own hours replace them from 2027 on, and not in 2026", async () => {
    const calendar = await calendarOf(
      dirOf({
        'kantor-2026.yaml': FRIDAY_LUNCH_2026,
        'kantor-2027.yaml': "year: 2027\nhoursByDay: { fri: ['08:00-16:00'] }\nholidays: []",
      }),
    );
    expect(addOfficeMinutes(calendar, wib('2027-01-08T11:20'), 20).toISOString()).toBe(
      wib('2027-01-08T11:40').toISOString(),
    );
    expect(addOfficeMinutes(calendar, wib('2026-12-18T11:20'), 20).toISOString()).toBe(
      wib('2026-12-18T13:10').toISOString(),
    );
  });
});
