import type { TimeLocale } from '../../../src/core/time/zones.js';
import {
  formatLocalDateTime,
  formatLocalTime,
  formatLocalTimeOrDay,
  localDate,
  utcOffsetLabel,
  zoneAbbreviation,
} from '../../../src/core/time/zones.js';

describe('zoneAbbreviation', () => {
  test.each<[string, string, string]>([
    ['Asia/Jakarta', '2026-11-30T07:35:00Z', 'WIB'],
    ['Asia/Pontianak', '2026-11-30T07:35:00Z', 'WIB'],
    ['Asia/Makassar', '2026-11-30T07:35:00Z', 'WITA'],
    ['Asia/Ujung_Pandang', '2026-11-30T07:35:00Z', 'WITA'],
    ['Asia/Jayapura', '2026-11-30T07:35:00Z', 'WIT'],
    ['UTC', '2026-11-30T07:35:00Z', 'UTC'],
    ['America/New_York', '2026-01-15T12:00:00Z', 'EST'],
    ['America/New_York', '2026-07-15T12:00:00Z', 'EDT'],
    ['Asia/Tokyo', '2026-07-15T12:00:00Z', 'UTC+09:00'],
    ['Asia/Kolkata', '2026-07-15T12:00:00Z', 'UTC+05:30'],
    ['Asia/Kathmandu', '2026-07-15T12:00:00Z', 'UTC+05:45'],
    ['America/Sao_Paulo', '2026-07-15T12:00:00Z', 'UTC-03:00'],
  ])('%s at %s → %s', (timeZone, when, expected) => {
    expect(zoneAbbreviation(timeZone, new Date(when))).toBe(expected);
  });

  test('an unknown zone is a RangeError', () => {
    expect(() => zoneAbbreviation('Asia/Atlantis', new Date('2026-11-30T07:35:00Z'))).toThrow(RangeError);
  });

  test.each<[number, string]>([
    [0, 'UTC+00:00'],
    [420, 'UTC+07:00'],
    [-210, 'UTC-03:30'],
  ])('utcOffsetLabel(%d) → %s', (offset, expected) => {
    expect(utcOffsetLabel(offset)).toBe(expected);
  });
});

describe('formatLocalTime', () => {
  test.each<[string, string, TimeLocale, string]>([
    ['2026-11-30T14:35:00+07:00', 'Asia/Jakarta', 'id', '14:35 WIB'],
    ['2026-11-30T14:35:00+07:00', 'Asia/Jakarta', 'en', '14:35 WIB'],
    ['2026-11-30T14:35:00+07:00', 'Asia/Makassar', 'id', '15:35 WITA'],
    ['2026-11-30T14:35:00+07:00', 'Asia/Jayapura', 'en', '16:35 WIT'],
    ['2026-11-30T07:05:00Z', 'Asia/Jakarta', 'id', '14:05 WIB'],
    ['2026-11-30T23:30:00+07:00', 'Asia/Jayapura', 'id', '01:30 WIT'],
  ])('%s in %s (%s) → %s', (when, timeZone, locale, expected) => {
    expect(formatLocalTime(new Date(when), timeZone, locale)).toBe(expected);
  });
});

describe('formatLocalDateTime', () => {
  test.each<[string, string, TimeLocale, string]>([
    ['2026-11-30T14:35:00+07:00', 'Asia/Jakarta', 'id', 'Senin, 30 Nov 2026 14:35 WIB'],
    ['2026-11-30T14:35:00+07:00', 'Asia/Jakarta', 'en', 'Monday, 30 Nov 2026 14:35 WIB'],
    ['2026-11-30T23:30:00+07:00', 'Asia/Jayapura', 'id', 'Selasa, 1 Des 2026 01:30 WIT'],
    ['2026-11-30T23:30:00+07:00', 'Asia/Jayapura', 'en', 'Tuesday, 1 Dec 2026 01:30 WIT'],
    ['2026-08-17T08:00:00+08:00', 'Asia/Makassar', 'id', 'Senin, 17 Agt 2026 08:00 WITA'],
    ['2026-05-04T08:00:00+07:00', 'Asia/Jakarta', 'id', 'Senin, 4 Mei 2026 08:00 WIB'],
    ['2026-05-04T08:00:00+07:00', 'Asia/Jakarta', 'en', 'Monday, 4 May 2026 08:00 WIB'],
    ['2026-03-22T09:00:00+07:00', 'Asia/Jakarta', 'id', 'Minggu, 22 Mar 2026 09:00 WIB'],
    ['2026-11-30T07:35:00Z', 'Asia/Kolkata', 'en', 'Monday, 30 Nov 2026 13:05 UTC+05:30'],
  ])('%s in %s (%s) → %s', (when, timeZone, locale, expected) => {
    expect(formatLocalDateTime(new Date(when), timeZone, locale)).toBe(expected);
  });
});

describe('a time shown with its day when it is not the reader’s today', () => {
  // A 30-minute step started Friday 27 Nov 2026 15:50 WIB is due Monday 07:50 WIB.
  const due = new Date('2026-11-30T00:50:00Z');
  test('read on the Friday: the weekday and date come with the time', () => {
    expect(formatLocalTimeOrDay(due, new Date('2026-11-27T08:50:00Z'), 'Asia/Jakarta', 'id')).toBe(
      'Senin, 30 Nov 07:50 WIB',
    );
    expect(formatLocalTimeOrDay(due, new Date('2026-11-27T08:50:00Z'), 'Asia/Jakarta', 'en')).toBe(
      'Monday, 30 Nov 07:50 WIB',
    );
  });
  test('read on the Monday: the time alone', () => {
    expect(formatLocalTimeOrDay(due, new Date('2026-11-30T00:10:00Z'), 'Asia/Jakarta', 'id')).toBe(
      '07:50 WIB',
    );
  });
  test('the day is the reader’s: in WITA it is already Monday 08:50', () => {
    expect(formatLocalTimeOrDay(due, new Date('2026-11-29T16:30:00Z'), 'Asia/Makassar', 'id')).toBe(
      '08:50 WITA',
    );
  });
  test('another year shows the year', () => {
    expect(
      formatLocalTimeOrDay(
        new Date('2027-01-04T00:50:00Z'),
        new Date('2026-12-31T08:50:00Z'),
        'Asia/Jakarta',
        'id',
      ),
    ).toBe('Senin, 4 Jan 2027 07:50 WIB');
  });
});

describe('localDate', () => {
  test.each<[string, string, string]>([
    // 00:30 WIB on 3 December is still 2 December in UTC; 23:30 WIT (UTC+9) on 31 December is
    // 14:30 UTC, and an hour later it is 2027 in Jayapura.
    ['2026-12-02T17:30:00Z', 'Asia/Jakarta', '2026-12-03'],
    ['2026-12-02T17:30:00Z', 'UTC', '2026-12-02'],
    ['2026-12-31T14:30:00Z', 'Asia/Jayapura', '2026-12-31'],
    ['2026-12-31T15:30:00Z', 'Asia/Jayapura', '2027-01-01'],
  ])('%s in %s is %s', (at, zone, expected) => {
    expect(localDate(new Date(at), zone)).toBe(expected);
    expect(localDate(at, zone)).toBe(expected);
  });
});
