import {
  ALWAYS_OPEN_CALENDAR,
  DEFAULT_OFFICE_CALENDAR,
  mergeCalendar,
  officeMsBetween,
  type OfficeCalendar,
} from '../../../../src/core/time/index.js';
import { OfficeTimeline } from '../../../../src/features/reports/office-timeline.js';
import { seededRandom } from '../../../support/seeded-random.js';

const CALENDARS: Record<string, OfficeCalendar> = {
  'Jakarta, with holidays and cuti bersama': mergeCalendar(DEFAULT_OFFICE_CALENDAR, {
    holidays: [{ date: '2026-08-17' }, { date: '2026-03-20' }],
    cutiBersama: [{ date: '2026-03-23' }],
  }),
  'Makassar, Friday prayer break, Saturday morning': mergeCalendar(DEFAULT_OFFICE_CALENDAR, {
    timeZone: 'Asia/Makassar',
    workdays: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat'],
    hoursByDay: { fri: ['07:30-11:30', '13:00-16:30'], sat: ['08:00-12:00'] },
  }),
  'New York (daylight saving time changes)': mergeCalendar(DEFAULT_OFFICE_CALENDAR, {
    timeZone: 'America/New_York',
    hours: ['00:30-02:30', '09:00-17:00'],
  }),
  'always open': ALWAYS_OPEN_CALENDAR,
};

describe('OfficeTimeline answers as officeMsBetween does', () => {
  for (const [name, calendar] of Object.entries(CALENDARS)) {
    test(name, () => {
      const timeline = new OfficeTimeline(calendar);
      const random = seededRandom(name.length);
      const base = Date.parse('2026-02-20T00:00:00Z');
      for (let i = 0; i < 400; i++) {
        // Instants over ten months (both DST changes of 2026), some runs of weeks, whole minutes and not.
        const from = base + Math.floor(random() * 300 * 86_400_000);
        const to = from + Math.floor(random() * (i % 10 === 0 ? 30 : 3) * 86_400_000);
        const expected = officeMsBetween(calendar, new Date(from), new Date(to));
        expect([i, timeline.msBetween(from, to)]).toEqual([i, expected]);
      }
      expect(timeline.msBetween(base + 5_000_000, base)).toBe(-timeline.msBetween(base, base + 5_000_000));
    });
  }

  test('time inside spans adds the office time of each span', () => {
    const timeline = new OfficeTimeline(DEFAULT_OFFICE_CALENDAR);
    const at = (local: string) => Date.parse(`${local}:00+07:00`);
    // 15:00–17:00 holds one office hour; Saturday none.
    expect(
      timeline.msWithin([
        [at('2026-11-23T15:00'), at('2026-11-23T17:00')],
        [at('2026-11-28T09:00'), at('2026-11-28T10:00')],
      ]),
    ).toBe(3_600_000);
  });
});
