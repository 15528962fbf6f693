import type { OfficeCalendar } from '../../../src/core/time/office-calendar.js';
import {
  ALWAYS_OPEN_CALENDAR,
  DEFAULT_OFFICE_CALENDAR,
  mergeCalendar,
} from '../../../src/core/time/office-calendar.js';
import {
  addOfficeMinutes,
  addOfficeMs,
  isOfficeTime,
  nextOfficeInstant,
  officeMinutesBetween,
  officeMsBetween,
} from '../../../src/core/time/office-time.js';
import { NoOfficeTimeError } from '../../../src/core/time/errors.js';

// Reference week: Friday 27 Nov 2026, Saturday 28, Sunday 29, Monday 30 Nov, Tuesday 1 Dec.
const WIB = DEFAULT_OFFICE_CALENDAR; // Mon–Fri 07:30–16:00 Asia/Jakarta (UTC+7)
const WITA: OfficeCalendar = { ...WIB, timeZone: 'Asia/Makassar' }; // UTC+8, same local hours
const WIT: OfficeCalendar = { ...WIB, timeZone: 'Asia/Jayapura' }; // UTC+9, same local hours
const HOLIDAYS = mergeCalendar(WIB, {
  holidays: [
    { date: '2026-03-19', name: 'Nyepi' },
    { date: '2026-03-21', name: 'Idul Fitri' },
    { date: '2026-03-22', name: 'Idul Fitri' },
    { date: '2026-08-17', name: 'Proklamasi' }, // a Monday
    { date: '2027-01-01', name: 'Tahun Baru' }, // a Friday
  ],
  cutiBersama: [
    { date: '2026-03-18' }, // Wednesday
    { date: '2026-03-20' }, // Friday
    { date: '2026-03-23' }, // Monday
    { date: '2026-03-24' }, // Tuesday
  ],
});
const WIB_ALL_DAY: OfficeCalendar = { ...ALWAYS_OPEN_CALENDAR, timeZone: 'Asia/Jakarta' };
const UTC_ALL_DAY: OfficeCalendar = { ...ALWAYS_OPEN_CALENDAR, timeZone: 'UTC' };
const NEW_YORK_ALL_DAY: OfficeCalendar = { ...ALWAYS_OPEN_CALENDAR, timeZone: 'America/New_York' };
const NEW_YORK: OfficeCalendar = { ...WIB, timeZone: 'America/New_York', hours: ['09:00-17:00'] }; // has DST
const LUNCH = mergeCalendar(WIB, { hoursByDay: { fri: ['07:30-11:30', '13:00-16:30'] } });

const at = (iso: string): Date => new Date(iso);

describe('addOfficeMinutes', () => {
  // One case per line keeps the table readable.
  // prettier-ignore
  test.each<[string, OfficeCalendar, string, number, string]>([
    ['within the day',                                WIB,                  '2026-11-30T09:00:00+07:00',     5,       '2026-11-30T09:05:00+07:00'],
    ['an hour within the day',                        WIB,                  '2026-11-30T14:00:00+07:00',     60,      '2026-11-30T15:00:00+07:00'],
    ['ends exactly at closing, not next morning',     WIB,                  '2026-11-30T15:30:00+07:00',     30,      '2026-11-30T16:00:00+07:00'],
    ['crosses 16:00 into the next morning',           WIB,                  '2026-11-30T15:50:00+07:00',     30,      '2026-12-01T07:50:00+07:00'],
    ['Friday 15:50 → Monday 07:50 (the issue)',       WIB,                  '2026-11-27T15:50:00+07:00',     30,      '2026-11-30T07:50:00+07:00'],
    ['same instant written in UTC',                   WIB,                  '2026-11-27T08:50:00Z',          30,      '2026-11-30T00:50:00Z'],
    ['Friday evening after closing',                  WIB,                  '2026-11-27T18:00:00+07:00',     5,       '2026-11-30T07:35:00+07:00'],
    ['Saturday start → Monday 08:00',                 WIB,                  '2026-11-28T10:00:00+07:00',     30,      '2026-11-30T08:00:00+07:00'],
    ['Sunday 23:59 start',                            WIB,                  '2026-11-29T23:59:00+07:00',     5,       '2026-11-30T07:35:00+07:00'],
    ['early morning before opening',                  WIB,                  '2026-11-30T06:00:00+07:00',     15,      '2026-11-30T07:45:00+07:00'],
    ['start exactly at opening',                      WIB,                  '2026-11-30T07:30:00+07:00',     5,       '2026-11-30T07:35:00+07:00'],
    ['start exactly at closing',                      WIB,                  '2026-11-30T16:00:00+07:00',     5,       '2026-12-01T07:35:00+07:00'],
    ['a whole office day (510 min)',                  WIB,                  '2026-11-30T07:30:00+07:00',     510,     '2026-11-30T16:00:00+07:00'],
    ['one minute more than a day',                    WIB,                  '2026-11-30T07:30:00+07:00',     511,     '2026-12-01T07:31:00+07:00'],
    ['holiday Monday 17 Aug skipped',                 HOLIDAYS,             '2026-08-14T15:50:00+07:00',     30,      '2026-08-18T07:50:00+07:00'],
    ['start on the holiday itself',                   HOLIDAYS,             '2026-08-17T10:00:00+07:00',     30,      '2026-08-18T08:00:00+07:00'],
    ['run of cuti bersama and holidays',              HOLIDAYS,             '2026-03-17T15:50:00+07:00',     30,      '2026-03-25T07:50:00+07:00'],
    ['new year holiday across years',                 HOLIDAYS,             '2026-12-31T15:50:00+07:00',     30,      '2027-01-04T07:50:00+07:00'],
    ['WITA: Friday → Monday local',                   WITA,                 '2026-11-27T15:50:00+08:00',     30,      '2026-11-30T07:50:00+08:00'],
    ['WITA: 06:50 WIB is already 07:50 WITA',         WITA,                 '2026-11-30T06:50:00+07:00',     5,       '2026-11-30T07:55:00+08:00'],
    ['WIB: 06:50 WIB is before opening',              WIB,                  '2026-11-30T06:50:00+07:00',     5,       '2026-11-30T07:35:00+07:00'],
    ['WIT: crossing closing',                         WIT,                  '2026-11-30T15:50:00+09:00',     30,      '2026-12-01T07:50:00+09:00'],
    ['WIT: 14:30 WIB is 16:30 WIT, closed',           WIT,                  '2026-11-30T14:30:00+07:00',     5,       '2026-12-01T07:35:00+09:00'],
    ['lunch: step spans the break',                   LUNCH,                '2026-11-27T11:20:00+07:00',     30,      '2026-11-27T13:20:00+07:00'],
    ['lunch: start during the break',                 LUNCH,                '2026-11-27T12:00:00+07:00',     5,       '2026-11-27T13:05:00+07:00'],
    ['lunch: Friday closes 16:30',                    LUNCH,                '2026-11-27T16:20:00+07:00',     30,      '2026-11-30T07:50:00+07:00'],
    ['lunch: Monday keeps default hours',             LUNCH,                '2026-11-30T11:20:00+07:00',     30,      '2026-11-30T11:50:00+07:00'],
    ['seconds: 30 s',                                 WIB,                  '2026-11-30T09:00:00+07:00',     0.5,     '2026-11-30T09:00:30+07:00'],
    ['seconds: 10 s',                                 WIB,                  '2026-11-30T09:00:00+07:00',     10 / 60, '2026-11-30T09:00:10+07:00'],
    ['seconds: 31 s (31/60*60000 > 31000 in floats)', WIB,                  '2026-11-30T09:00:00+07:00',     31 / 60, '2026-11-30T09:00:31+07:00'],
    ['seconds: 0.27 min is 16.2 s',                   WIB,                  '2026-11-30T09:00:00+07:00',     0.27,    '2026-11-30T09:00:16.200+07:00'],
    ['a fraction of a ms rounds up, never early',     WIB,                  '2026-11-30T09:00:00.000+07:00', 4e-6,    '2026-11-30T09:00:00.001+07:00'],
    ['seconds: 1 min across closing',                 WIB,                  '2026-11-30T15:59:30+07:00',     1,       '2026-12-01T07:30:30+07:00'],
    ['milliseconds kept',                             WIB,                  '2026-11-27T15:50:00.500+07:00', 30,      '2026-11-30T07:50:00.500+07:00'],
    ['milliseconds at closing',                       WIB,                  '2026-11-30T15:59:59.999+07:00', 1,       '2026-12-01T07:30:59.999+07:00'],
    ['always open: across midnight',                  ALWAYS_OPEN_CALENDAR, '2026-11-28T23:59:50+07:00',     0.5,     '2026-11-29T00:00:20+07:00'],
    ['local day taken in the zone (UTC)',             UTC_ALL_DAY,          '2026-11-28T05:00:00+07:00',     60,      '2026-11-28T06:00:00+07:00'],
    ['local day taken in the zone (WIB)',             WIB_ALL_DAY,          '2026-11-28T23:30:00+07:00',     20,      '2026-11-28T23:50:00+07:00'],
    ['local day taken in the zone (UTC-5)',           NEW_YORK_ALL_DAY,     '2026-11-27T22:00:00-05:00',     60,      '2026-11-27T23:00:00-05:00'],
    ['New York hours across the DST change',          NEW_YORK,             '2026-03-06T16:30:00-05:00',     60,      '2026-03-09T09:30:00-04:00'],
    ['zero minutes returns the start',                WIB,                  '2026-11-28T10:00:00+07:00',     0,       '2026-11-28T10:00:00+07:00'],
  ])('%s', (_name, calendar, start, minutes, expected) => {
    expect(addOfficeMinutes(calendar, at(start), minutes).toISOString()).toBe(at(expected).toISOString());
  });

  test('addOfficeMs counts exact milliseconds', () => {
    expect(addOfficeMs(WIB, at('2026-11-30T15:59:59.000+07:00'), 1001).toISOString()).toBe(
      at('2026-12-01T07:30:00.001+07:00').toISOString(),
    );
  });

  test.each<[string, number]>([
    ['negative', -1],
    ['NaN', Number.NaN],
    ['infinite', Number.POSITIVE_INFINITY],
  ])('rejects %s minutes', (_name, minutes) => {
    expect(() => addOfficeMinutes(WIB, at('2026-11-30T09:00:00+07:00'), minutes)).toThrow(RangeError);
  });

  test('rejects an invalid start date', () => {
    expect(() => addOfficeMinutes(WIB, new Date('not a date'), 5)).toThrow(RangeError);
  });

  test.each<[string, string, number]>([
    ['Friday 15:50', '2026-11-27T15:50:00+07:00', 30],
    ['Saturday', '2026-11-28T10:00:00+07:00', 30],
    ['mid-morning with ms', '2026-11-30T09:12:34.567+07:00', 600],
    ['before the cuti bersama run', '2026-03-17T15:00:00+07:00', 95],
  ])(
    'round trip from %s: officeMinutesBetween(start, due) equals the minutes added',
    (_name, start, minutes) => {
      const due = addOfficeMinutes(HOLIDAYS, at(start), minutes);
      expect(officeMinutesBetween(HOLIDAYS, at(start), due)).toBe(minutes);
    },
  );
});

describe('officeMinutesBetween', () => {
  // One case per line keeps the table readable.
  // prettier-ignore
  const cases: [string, OfficeCalendar, string, string, number][] = [
    ['same instant',                            WIB,      '2026-11-30T09:00:00+07:00',     '2026-11-30T09:00:00+07:00',     0],
    ['within the day',                          WIB,      '2026-11-30T09:00:00+07:00',     '2026-11-30T09:30:00+07:00',     30],
    ['Friday 15:50 → Monday 07:50',             WIB,      '2026-11-27T15:50:00+07:00',     '2026-11-30T07:50:00+07:00',     30],
    ['a weekend counts nothing',                WIB,      '2026-11-28T10:00:00+07:00',     '2026-11-29T18:00:00+07:00',     0],
    ['a full week',                             WIB,      '2026-11-30T00:00:00+07:00',     '2026-12-07T00:00:00+07:00',     5 * 510],
    ['over the holiday',                        HOLIDAYS, '2026-08-14T15:50:00+07:00',     '2026-08-18T07:50:00+07:00',     30],
    ['over the cuti bersama run',               HOLIDAYS, '2026-03-17T15:50:00+07:00',     '2026-03-25T07:50:00+07:00',     30],
    ['lunch break not counted',                 LUNCH,    '2026-11-27T11:00:00+07:00',     '2026-11-27T14:00:00+07:00',     90],
    ['seconds across closing',                  WIB,      '2026-11-30T15:59:30+07:00',     '2026-12-01T07:30:30+07:00',     1],
    ['milliseconds',                            WIB,      '2026-11-30T09:00:00.000+07:00', '2026-11-30T09:00:00.600+07:00', 0.01],
    ['WITA: 16:00–17:00 WITA is after hours',   WITA,     '2026-11-30T15:00:00+07:00',     '2026-11-30T16:00:00+07:00',     0],
    ['WIB: the same hour is office time',       WIB,      '2026-11-30T15:00:00+07:00',     '2026-11-30T16:00:00+07:00',     60],
    ['WIT: 07:00–08:00 WIB is 09:00–10:00 WIT', WIT,      '2026-11-30T07:00:00+07:00',     '2026-11-30T08:00:00+07:00',     60],
  ];

  test.each(cases)('%s', (_name, calendar, from, to, expected) => {
    expect(officeMinutesBetween(calendar, at(from), at(to))).toBeCloseTo(expected, 10);
  });

  test.each(cases)('%s, reversed, is the negative', (_name, calendar, from, to, expected) => {
    expect(officeMinutesBetween(calendar, at(to), at(from))).toBeCloseTo(-expected, 10);
  });

  test('officeMsBetween counts exact milliseconds', () => {
    expect(
      officeMsBetween(WIB, at('2026-11-30T15:59:59.999+07:00'), at('2026-12-01T07:30:00.001+07:00')),
    ).toBe(2);
  });
});

describe('nextOfficeInstant and isOfficeTime', () => {
  // One case per line keeps the table readable.
  // prettier-ignore
  test.each<[string, OfficeCalendar, string, string, boolean]>([
    ['inside office hours: itself',      WIB,      '2026-11-30T10:15:42.123+07:00', '2026-11-30T10:15:42.123+07:00', true],
    ['exactly at opening: itself',       WIB,      '2026-11-30T07:30:00+07:00',     '2026-11-30T07:30:00+07:00',     true],
    ['one ms before opening',            WIB,      '2026-11-30T07:29:59.999+07:00', '2026-11-30T07:30:00+07:00',     false],
    ['exactly at closing: next morning', WIB,      '2026-11-30T16:00:00+07:00',     '2026-12-01T07:30:00+07:00',     false],
    ['one ms before closing: itself',    WIB,      '2026-11-30T15:59:59.999+07:00', '2026-11-30T15:59:59.999+07:00', true],
    ['Saturday: Monday opening',         WIB,      '2026-11-28T10:00:00+07:00',     '2026-11-30T07:30:00+07:00',     false],
    ['holiday Monday: Tuesday opening',  HOLIDAYS, '2026-08-17T09:00:00+07:00',     '2026-08-18T07:30:00+07:00',     false],
    ['lunch starts at 11:30',            LUNCH,    '2026-11-27T11:30:00+07:00',     '2026-11-27T13:00:00+07:00',     false],
    ['WITA opening seen from WIB',       WITA,     '2026-11-30T06:00:00+07:00',     '2026-11-30T07:30:00+08:00',     false],
    ['WIT opening seen from WIB',        WIT,      '2026-11-30T05:00:00+07:00',     '2026-11-30T07:30:00+09:00',     false],
  ])('%s', (_name, calendar, when, expected, open) => {
    expect(nextOfficeInstant(calendar, at(when)).toISOString()).toBe(at(expected).toISOString());
    expect(isOfficeTime(calendar, at(when))).toBe(open);
  });
});

describe('a calendar without working time', () => {
  const start = at('2026-01-01T08:00:00+07:00');
  const allOf2026 = Array.from({ length: 365 }, (_, day) => ({
    date: new Date(Date.UTC(2026, 0, 1 + day)).toISOString().slice(0, 10),
  }));

  // One case per line keeps the table readable.
  // prettier-ignore
  test.each<[string, OfficeCalendar]>([
    ['no workdays',                         { ...WIB, workdays: [] }],
    ['no hours on any workday',             { ...WIB, hoursByDay: { mon: [], tue: [], wed: [], thu: [], fri: [] } }],
    ['every day of a year and more closed', { ...WIB, holidays: allOf2026, cutiBersama: [{ date: '2027-01-01' }] }],
  ])('%s: typed error instead of an endless search', (_name, calendar) => {
    expect(() => addOfficeMinutes(calendar, start, 5)).toThrow(NoOfficeTimeError);
    let caught: unknown;
    try {
      nextOfficeInstant(calendar, start);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(NoOfficeTimeError);
    expect(caught).toMatchObject({ code: 'NO_OFFICE_TIME', timeZone: 'Asia/Jakarta', searchedDays: 366 });
    expect(isOfficeTime(calendar, start)).toBe(false);
    expect(officeMinutesBetween(calendar, start, at('2027-01-04T00:00:00+07:00'))).toBe(0);
  });

  test('the cap counts consecutive closed days only: one working day between long closures resets it', () => {
    const days: { date: string }[] = [];
    for (let day = Date.UTC(2026, 0, 1); day <= Date.UTC(2027, 5, 30); day += 86_400_000) {
      const date = new Date(day).toISOString().slice(0, 10);
      if (date !== '2026-07-01') days.push({ date });
    }
    const closed = { ...WIB, holidays: days };
    expect(addOfficeMinutes(closed, start, 515).toISOString()).toBe(
      at('2027-07-01T07:35:00+07:00').toISOString(),
    );
  });

  test('a long closure shorter than the cap still finds the next workday', () => {
    const closed = { ...WIB, holidays: allOf2026.slice(0, 300) }; // 1 Jan – 27 Oct 2026
    expect(addOfficeMinutes(closed, start, 5).toISOString()).toBe(
      at('2026-10-28T07:35:00+07:00').toISOString(),
    );
  });
});
