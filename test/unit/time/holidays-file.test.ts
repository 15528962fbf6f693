import { fileURLToPath } from 'node:url';
import {
  CalendarFileError,
  loadCalendarFile,
  loadOfficeCalendar,
  parseCalendarFile,
} from '../../../src/config/holidays-file.js';
import { addOfficeMinutes } from '../../../src/core/time/office-time.js';

const repoFile = (relative: string): string =>
  fileURLToPath(new URL(`../../../${relative}`, import.meta.url));
const INDONESIA_2026 = repoFile('flows/calendars/indonesia-2026.yaml');
const BROKEN = repoFile('test/fixtures/calendars/broken-date.yaml');

function calendarFileError(run: () => unknown): CalendarFileError {
  try {
    run();
  } catch (error) {
    if (error instanceof CalendarFileError) return error;
    throw error;
  }
  throw new Error('expected a CalendarFileError');
}

describe('flows/calendars/indonesia-2026.yaml', () => {
  test('has the 17 national holidays and 8 cuti bersama days of the 2026 SKB', async () => {
    const calendar = await loadOfficeCalendar([INDONESIA_2026]);
    expect(calendar.timeZone).toBe('Asia/Jakarta');
    expect(calendar.holidays).toHaveLength(17);
    expect(calendar.cutiBersama).toHaveLength(8);
    expect(calendar.holidays.map((day) => day.date)).toEqual(
      expect.arrayContaining([
        '2026-01-01',
        '2026-04-03',
        '2026-05-01',
        '2026-06-01',
        '2026-08-17',
        '2026-12-25',
      ]),
    );
    expect(calendar.cutiBersama.map((day) => day.date)).toEqual(
      expect.arrayContaining(['2026-03-20', '2026-03-23', '2026-03-24', '2026-12-24']),
    );
  });

  test.each<[string, string, number, string]>([
    ['Idul Fitri: Tue 17 Mar → Wed 25 Mar', '2026-03-17T15:50:00+07:00', 30, '2026-03-25T07:50:00+07:00'],
    ['Natal: Wed 23 Dec → Mon 28 Dec', '2026-12-23T15:50:00+07:00', 30, '2026-12-28T07:50:00+07:00'],
    ['Kenaikan: Wed 13 May → Mon 18 May', '2026-05-13T15:55:00+07:00', 10, '2026-05-18T07:35:00+07:00'],
    ['Hari Buruh: Thu 30 Apr → Mon 4 May', '2026-04-30T16:30:00+07:00', 5, '2026-05-04T07:35:00+07:00'],
  ])('due times skip its days off: %s', async (_name, start, minutes, expected) => {
    const calendar = await loadOfficeCalendar([INDONESIA_2026]);
    expect(addOfficeMinutes(calendar, new Date(start), minutes).toISOString()).toBe(
      new Date(expected).toISOString(),
    );
  });
});

describe('parseCalendarFile', () => {
  test('maps the file format onto a calendar override', () => {
    const text = [
      'zone: Asia/Makassar',
      'workdays: [mon, tue, wed, thu, fri]',
      "hours: ['07:30-16:00']",
      "hoursByDay: { fri: ['07:30-11:30', '13:00-16:30'] }",
      'holidays: [{ date: 2026-08-17, name: Proklamasi }]',
      'cutiBersama: [{ date: 2026-12-24, name: Cuti bersama Natal }]',
    ].join('\n');
    expect(parseCalendarFile(text, 'inline.yaml')).toEqual({
      timeZone: 'Asia/Makassar',
      workdays: ['mon', 'tue', 'wed', 'thu', 'fri'],
      hours: ['07:30-16:00'],
      hoursByDay: { fri: ['07:30-11:30', '13:00-16:30'] },
      holidays: [{ date: '2026-08-17', name: 'Proklamasi' }],
      cutiBersama: [{ date: '2026-12-24', name: 'Cuti bersama Natal' }],
    });
  });

  test('an empty file changes nothing', () => {
    expect(parseCalendarFile('', 'empty.yaml')).toEqual({ holidays: [], cutiBersama: [] });
  });

  // One case per line keeps the table readable.
  // prettier-ignore
  test.each<[string, string, string, string]>([
    ['a month 13',                   'holidays: [{ date: 2026-13-01, name: X }]',                                'holidays[0].date',    'got "2026-13-01"'],
    ['a missing name',               'holidays: [{ date: 2026-01-01 }]',                                         'holidays[0].name',    'expected string'],
    ['an empty name',                'cutiBersama: [{ date: 2026-01-02, name: "  " }]',                          'cutiBersama[0].name', 'Too small'],
    ['a misspelt list',              'cutiBersamaa: []',                                                         'cutiBersamaa',        'unknown field'],
    ['an unknown key in a day',      'holidays: [{ date: 2026-01-01, name: X, nama: Y }]',                       'holidays[0].nama',    'unknown'],
    ['a date outside the year',      'year: 2026\ncutiBersama: [{ date: 2027-01-02, name: X }]',                 'cutiBersama[0].date', "file's year 2026"],
    ['a repeated date',              'holidays: [{ date: 2026-01-01, name: A }, { date: 2026-01-01, name: B }]', 'holidays[1].date',    'listed twice'],
    ['an unknown zone',              'zone: Asia/Jakarta_Pusat',                                                 'zone',                'unknown IANA time zone'],
    ['an hour without leading zero', "hours: ['7:30-16:00']",                                                    'hours[0]',            'HH:mm-HH:mm'],
    ['overlapping hours',            "hoursByDay: { fri: ['07:30-12:00', '11:30-16:00'] }",                      'hoursByDay.fri',      'overlap'],
    ['an unknown weekday key',       "hoursByDay: { jumat: ['07:30-16:00'] }",                                   'hoursByDay.jumat',    'unknown field'],
    ['a weekday name',               'workdays: [senin]',                                                        'workdays[0]',         'expected one of mon'],
    ['holidays not a list',          'holidays: 2026-01-01',                                                     'holidays',            'expected array'],
  ])('names the field for %s', (_name, text, field, message) => {
    const error = calendarFileError(() => parseCalendarFile(text, 'units/pusdatin.yaml'));
    expect(error.file).toBe('units/pusdatin.yaml');
    const issue = error.issues.find((candidate) => candidate.field === field);
    expect(issue).toBeDefined();
    expect(issue?.message).toContain(message);
    expect(error.message).toContain('units/pusdatin.yaml');
    expect(error.message).toContain(`${field}: `);
  });

  test('reports a YAML syntax error with its line', () => {
    const error = calendarFileError(() =>
      parseCalendarFile('zone: Asia/Jakarta\nholidays: [{ date: 2026-01-01, name: X }\n', 'broken.yaml'),
    );
    expect(error.message).toContain('broken.yaml');
    expect(error.message).toMatch(/line \d+/);
  });
});

describe('loadCalendarFile', () => {
  test('a broken file on disk: the error names the file and the field', async () => {
    const failure = loadCalendarFile(BROKEN);
    await expect(failure).rejects.toBeInstanceOf(CalendarFileError);
    await expect(failure).rejects.toThrow(
      `Invalid calendar file ${BROKEN}:\n  - holidays[1].date: expected a date`,
    );
  });

  test('a missing file is a CalendarFileError naming the path', async () => {
    const missing = repoFile('test/fixtures/calendars/does-not-exist.yaml');
    await expect(loadCalendarFile(missing)).rejects.toThrow(`Invalid calendar file ${missing}`);
  });

  test('files are laid over each other in order', async () => {
    const calendar = await loadOfficeCalendar([INDONESIA_2026, INDONESIA_2026]);
    expect(calendar.holidays).toHaveLength(17);
  });
});
