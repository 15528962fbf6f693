import {
  ALWAYS_OPEN_CALENDAR,
  DEFAULT_OFFICE_CALENDAR,
  mergeCalendar,
  officeCalendarOverrideSchema,
  officeCalendarSchema,
  parseTimeRange,
} from '../../../src/core/time/office-calendar.js';

describe('officeCalendarSchema', () => {
  test('an empty object is the default calendar: Mon–Fri 07:30–16:00 WIB, no holidays', () => {
    expect(officeCalendarSchema.parse({})).toEqual({
      timeZone: 'Asia/Jakarta',
      workdays: ['mon', 'tue', 'wed', 'thu', 'fri'],
      hours: ['07:30-16:00'],
      hoursByDay: {},
      holidays: [],
      cutiBersama: [],
    });
    expect(DEFAULT_OFFICE_CALENDAR).toEqual(officeCalendarSchema.parse({}));
  });

  test('defaults are fresh copies, not shared arrays', () => {
    const a = officeCalendarSchema.parse({});
    a.workdays.push('sat');
    expect(officeCalendarSchema.parse({}).workdays).toEqual(['mon', 'tue', 'wed', 'thu', 'fri']);
  });

  test('the always-open calendar covers every day, all day', () => {
    expect(ALWAYS_OPEN_CALENDAR.workdays).toHaveLength(7);
    expect(ALWAYS_OPEN_CALENDAR.hours).toEqual(['00:00-24:00']);
  });

  // One case per line keeps the table readable.
  // prettier-ignore
  test.each<[string, unknown, string, string]>([
    ['unknown zone',        { timeZone: 'Asia/Jakart' },                             'timeZone',           'unknown IANA time zone "Asia/Jakart"'],
    ['weekday name',        { workdays: ['monday'] },                                'workdays.0',         'expected one of mon, tue'],
    ['no workdays',         { workdays: [] },                                        'workdays',           'at least one workday'],
    ['no hours',            { hours: [] },                                           'hours',              'at least one working interval'],
    ['repeated weekday',    { workdays: ['mon', 'mon'] },                            'workdays',           'must not repeat'],
    ['reversed range',      { hours: ['16:00-07:30'] },                              'hours.0',            'start before end'],
    ['one-digit hour',      { hours: ['7:30-16:00'] },                               'hours.0',            'HH:mm-HH:mm'],
    ['past midnight',       { hours: ['07:30-24:30'] },                              'hours.0',            'HH:mm-HH:mm'],
    ['minute 60',           { hours: ['07:60-16:00'] },                              'hours.0',            'HH:mm-HH:mm'],
    ['overlapping ranges',  { hoursByDay: { fri: ['07:30-12:00', '11:00-16:00'] } }, 'hoursByDay.fri',     'overlap'],
    ['unknown weekday key', { hoursByDay: { fry: ['07:30-16:00'] } },                'hoursByDay',         '"fry"'],
    ['not a calendar date', { holidays: [{ date: '2026-02-30' }] },                  'holidays.0.date',    'got "2026-02-30"'],
    ['date with time',      { cutiBersama: [{ date: '2026-03-20T00:00' }] },         'cutiBersama.0.date', 'YYYY-MM-DD'],
    ['unknown field',       { timezone: 'Asia/Jakarta' },                            '',                   'timezone'],
  ])('rejects %s', (_name, input, path, message) => {
    const result = officeCalendarSchema.safeParse(input);
    expect(result.success).toBe(false);
    const issue = result.error?.issues[0];
    expect(issue?.path.join('.')).toBe(path);
    expect(issue?.message).toContain(message);
  });

  test.each<[string, string, number, number]>([
    ['morning', '07:30-11:30', 450, 690],
    ['whole day', '00:00-24:00', 0, 1440],
    ['last minute', '23:59-24:00', 1439, 1440],
  ])('parseTimeRange %s', (_name, text, startMinute, endMinute) => {
    expect(parseTimeRange(text)).toEqual({ startMinute, endMinute });
  });

  test('accepts non-overlapping ranges in any order (lunch break)', () => {
    const parsed = officeCalendarSchema.parse({ hoursByDay: { fri: ['13:00-16:30', '07:30-11:30'] } });
    expect(parsed.hoursByDay.fri).toEqual(['13:00-16:30', '07:30-11:30']);
  });
});

describe('mergeCalendar', () => {
  const base = mergeCalendar(DEFAULT_OFFICE_CALENDAR, {
    holidays: [
      { date: '2026-08-17', name: 'Proklamasi' },
      { date: '2026-01-01', name: 'Tahun Baru' },
    ],
    cutiBersama: [{ date: '2026-12-24', name: 'Cuti bersama Natal' }],
  });

  test('replaces zone, workdays and hours; keeps what the override leaves out', () => {
    const merged = mergeCalendar(base, { timeZone: 'Asia/Makassar', hours: ['08:00-16:00'] });
    expect(merged.timeZone).toBe('Asia/Makassar');
    expect(merged.hours).toEqual(['08:00-16:00']);
    expect(merged.workdays).toEqual(['mon', 'tue', 'wed', 'thu', 'fri']);
    expect(merged.holidays.map((day) => day.date)).toEqual(['2026-01-01', '2026-08-17']);
  });

  test('adds holidays (sorted, deduplicated by date, the override name wins)', () => {
    const merged = mergeCalendar(base, {
      holidays: [
        { date: '2026-08-17', name: 'HUT RI' },
        { date: '2026-06-01', name: 'Hari Lahir Pancasila' },
      ],
    });
    expect(merged.holidays).toEqual([
      { date: '2026-01-01', name: 'Tahun Baru' },
      { date: '2026-06-01', name: 'Hari Lahir Pancasila' },
      { date: '2026-08-17', name: 'HUT RI' },
    ]);
    expect(merged.cutiBersama).toEqual(base.cutiBersama);
  });

  test('workingDates removes dates from both lists', () => {
    const merged = mergeCalendar(base, { workingDates: ['2026-12-24', '2026-01-01'] });
    expect(merged.holidays.map((day) => day.date)).toEqual(['2026-08-17']);
    expect(merged.cutiBersama).toEqual([]);
  });

  test('hoursByDay is replaced weekday by weekday', () => {
    const withFriday = mergeCalendar(base, { hoursByDay: { fri: ['07:30-11:30', '13:00-16:30'] } });
    const merged = mergeCalendar(withFriday, { hoursByDay: { mon: ['08:00-15:00'] } });
    expect(merged.hoursByDay).toEqual({ fri: ['07:30-11:30', '13:00-16:30'], mon: ['08:00-15:00'] });
  });

  test('changes neither argument', () => {
    const before = structuredClone(base);
    const override = officeCalendarOverrideSchema.parse({ holidays: [{ date: '2026-05-01' }] });
    const merged = mergeCalendar(base, override);
    merged.holidays.push({ date: '2026-12-25' });
    merged.workdays.push('sat');
    expect(base).toEqual(before);
    expect(override).toEqual({ holidays: [{ date: '2026-05-01' }] });
  });

  test('the override schema rejects unknown fields', () => {
    expect(officeCalendarOverrideSchema.safeParse({ holiday: [] }).success).toBe(false);
  });
});
