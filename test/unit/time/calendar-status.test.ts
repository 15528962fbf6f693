import { calendarStatus } from '../../../src/core/time/calendar-status.js';
import type { CalendarYear, CalendarYearSource } from '../../../src/core/time/multi-year-calendar.js';
import { MultiYearCalendar } from '../../../src/core/time/multi-year-calendar.js';
import { DEFAULT_OFFICE_CALENDAR } from '../../../src/core/time/office-calendar.js';
import { loadTranslator } from '../../../src/i18n/translator.js';
import { LOCALES_DIR } from '../../support/paths.js';

function year(number: number, source: CalendarYearSource, missing: string[] = []): CalendarYear {
  return {
    year: number,
    source,
    ...(source !== 'library' && { file: `flows/calendars/indonesia-${number}.yaml` }),
    holidays: [{ date: `${number}-01-01`, name: 'Tahun Baru' }],
    cutiBersama: [],
    settings: {},
    missing: missing.map((name) => ({ id: name, en: name })),
  };
}

function calendarWith(files: CalendarYear[], missing: string[] = []): MultiYearCalendar {
  return MultiYearCalendar.create({
    base: DEFAULT_OFFICE_CALENDAR,
    years: files,
    fallback: (number) => year(number, 'library', missing),
  });
}

const keysAt = (calendar: MultiYearCalendar, iso: string): string[] =>
  calendarStatus(calendar, new Date(iso)).warnings.map((warning) => warning.key);

describe('calendarStatus around 1 November (Asia/Jakarta)', () => {
  const only2026 = calendarWith([year(2026, 'file')]);

  // One case per line keeps the table readable.
  // prettier-ignore
  test.each<[string, string, string[], boolean]>([
    ['mid-year',                           '2026-06-15T03:00:00Z', [],                                     false],
    ['31 Oct 23:59 WIB',                   '2026-10-31T16:59:00Z', [],                                     false],
    ['1 Nov 00:00 WIB (31 Oct 17:00 UTC)', '2026-10-31T17:00:00Z', ['calendar-warning-next-year-missing'], true],
    ['1 Dec',                              '2026-12-01T03:00:00Z', ['calendar-warning-next-year-missing'], true],
    ['31 Dec 23:59 WIB',                   '2026-12-31T16:59:00Z', ['calendar-warning-next-year-missing'], true],
    ['1 Jan 2027 00:00 WIB',               '2026-12-31T17:00:00Z', ['calendar-warning-current-year-missing'], true],
    ['March 2027',                         '2027-03-01T03:00:00Z', ['calendar-warning-current-year-missing'], true],
    ['1 Nov 2027: both years missing',     '2027-11-01T03:00:00Z', ['calendar-warning-current-year-missing', 'calendar-warning-next-year-missing'], true],
  ])('only a 2026 file, %s', (_name, at, keys, provisional) => {
    const status = calendarStatus(only2026, new Date(at));
    expect(status.warnings.map((warning) => warning.key)).toEqual(keys);
    expect(status.provisional).toBe(provisional);
  });

  test('with a checked 2027 file nothing is warned in December, nor in January', () => {
    const both = calendarWith([year(2026, 'file'), year(2027, 'file')]);
    expect(keysAt(both, '2026-12-01T03:00:00Z')).toEqual([]);
    expect(keysAt(both, '2027-01-04T03:00:00Z')).toEqual([]);
    expect(calendarStatus(both, new Date('2026-12-01T03:00:00Z')).provisional).toBe(false);
  });

  test('a provisional 2027 file is warned from 1 November, and all through 2027 until the flag goes', () => {
    const provisional = calendarWith([year(2026, 'file'), year(2027, 'provisional-file')]);
    expect(keysAt(provisional, '2026-10-15T03:00:00Z')).toEqual([]);
    expect(keysAt(provisional, '2026-11-02T03:00:00Z')).toEqual(['calendar-warning-next-year-provisional']);
    expect(keysAt(provisional, '2027-02-01T03:00:00Z')).toEqual([
      'calendar-warning-current-year-provisional',
    ]);
    const status = calendarStatus(provisional, new Date('2026-11-02T03:00:00Z'));
    expect(status.warnings[0]?.params).toEqual({
      year: '2027',
      file: 'flows/calendars/indonesia-2027.yaml',
    });
  });

  test('the library’s gaps are warned about with the holidays they lack', () => {
    const calendar = calendarWith([year(2027, 'file')], ['Nyepi', 'Waisak']);
    const status = calendarStatus(calendar, new Date('2028-03-01T03:00:00Z'));
    expect(status.warnings.map((warning) => warning.key)).toEqual([
      'calendar-warning-current-year-missing',
      'calendar-warning-library-gaps',
    ]);
    expect(status.warnings[1]?.params?.['holidays']).toEqual({
      text: { id: 'Nyepi, Waisak', en: 'Nyepi, Waisak' },
    });
  });

  test('the years listed: every file year, this year and next, each with its source', () => {
    const calendar = calendarWith([year(2024, 'file'), year(2026, 'file')]);
    const status = calendarStatus(calendar, new Date('2026-12-01T03:00:00Z'));
    expect(status.today).toBe('2026-12-01');
    expect(status.currentYear).toBe(2026);
    expect(status.years.map((entry) => [entry.year, entry.source, entry.provisional])).toEqual([
      [2024, 'file', false],
      [2026, 'file', false],
      [2027, 'library', true],
    ]);
    expect(JSON.parse(JSON.stringify(status))).toEqual(status);
  });

  test('the local date decides, in the calendar’s zone (Asia/Jayapura is 2 hours ahead of WIB)', () => {
    const jayapura = MultiYearCalendar.create({
      base: { ...DEFAULT_OFFICE_CALENDAR, timeZone: 'Asia/Jayapura' },
      years: [year(2026, 'file')],
      fallback: (number) => year(number, 'library'),
    });
    // 31 Oct 15:30 UTC is 22:30 WIB but already 00:30 on 1 Nov WIT.
    expect(keysAt(jayapura, '2026-10-31T15:30:00Z')).toEqual(['calendar-warning-next-year-missing']);
    expect(keysAt(calendarWith([year(2026, 'file')]), '2026-10-31T15:30:00Z')).toEqual([]);
  });

  test('every warning renders in Indonesian and English, the year without digit grouping', () => {
    const translator = loadTranslator(LOCALES_DIR);
    const calendar = calendarWith([year(2026, 'provisional-file')], ['Nyepi']);
    const nextProvisional = calendarWith([year(2026, 'file'), year(2027, 'provisional-file')]);
    const statuses = [
      calendarStatus(calendar, new Date('2026-11-02T03:00:00Z')),
      calendarStatus(calendar, new Date('2027-11-02T03:00:00Z')),
      calendarStatus(nextProvisional, new Date('2026-11-02T03:00:00Z')),
    ];
    const warnings = statuses.flatMap((status) => status.warnings);
    expect(new Set(warnings.map((warning) => warning.key)).size).toBe(5);
    for (const warning of warnings) {
      for (const locale of ['id', 'en'] as const) {
        expect(translator.has(warning.key, locale)).toBe(true);
        const text = translator.format(warning, { locale, timeZone: 'Asia/Jakarta' });
        expect(text).toMatch(/202[678]/);
        expect(text).not.toMatch(/2\.02|2,02/);
      }
    }
  });
});
