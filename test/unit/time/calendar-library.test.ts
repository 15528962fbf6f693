import { join } from 'node:path';
import { libraryCalendarYear, libraryYear } from '../../../src/config/calendar-library.js';
import { readCalendarFile } from '../../../src/config/holidays-file.js';
import { REPO_ROOT } from '../../support/paths.js';

const CALENDARS = join(REPO_ROOT, 'flows', 'calendars');

const datesOf = (year: number): string[] => libraryYear(year).holidays.map((day) => day.date);
const dayMs = (date: string): number => new Date(`${date}T00:00:00Z`).getTime();

describe("the library's rules for a year without a file", () => {
  test.each([2026, 2027, 2028, 2031, 2045])('%i: the fixed-date holidays are exact', (year) => {
    expect(datesOf(year)).toEqual(
      expect.arrayContaining([
        `${year}-01-01`,
        `${year}-05-01`,
        `${year}-06-01`,
        `${year}-08-17`,
        `${year}-12-25`,
      ]),
    );
  });

  test('Easter and its feasts follow the computed Easter date (2027: Good Friday 26 March)', () => {
    const names = new Map(libraryYear(2027).holidays.map((day) => [day.date, day.name]));
    expect(names.get('2027-03-26')).toBe('Wafat Yesus Kristus');
    expect(names.get('2027-03-28')).toBe('Kebangkitan Yesus Kristus (Paskah)');
    expect(names.get('2027-05-06')).toBe('Kenaikan Yesus Kristus');
  });

  test("the lunar holidays of 2026 are within a day of the 2026 SKB's dates, and marked as estimates", async () => {
    const skb = await readCalendarFile(join(CALENDARS, 'indonesia-2026.yaml'));
    const rules = libraryYear(2026).holidays;
    const lunar = [
      'Isra Mikraj',
      'Imlek',
      'Nyepi',
      'Idul Fitri',
      'Idul Adha',
      'Waisak',
      'Tahun Baru Islam',
      'Maulid',
    ];
    for (const word of lunar) {
      const official = skb.holidays.filter((day) => day.name.includes(word)).map((day) => day.date);
      const estimated = rules.filter((day) => day.name.includes(word));
      expect(estimated.length).toBeGreaterThan(0);
      for (const day of estimated) {
        expect(day.estimated).toBe(true);
        const nearest = Math.min(...official.map((date) => Math.abs(dayMs(date) - dayMs(day.date))));
        expect(nearest).toBeLessThanOrEqual(86_400_000);
      }
    }
    expect(rules.find((day) => day.date === '2026-08-17')?.estimated).toBe(false);
  });

  test('two holidays on one date become one entry with both names (2027-12-25: Natal and Isra Mikraj)', () => {
    const christmas = libraryYear(2027).holidays.filter((day) => day.date === '2027-12-25');
    expect(christmas).toHaveLength(1);
    expect(christmas[0]?.name).toContain('Natal');
    expect(christmas[0]?.name).toContain('Isra Mikraj');
    expect(new Set(datesOf(2027)).size).toBe(datesOf(2027).length);
  });

  test('what the rules lack is listed, never silently left out (Nyepi and Waisak after 2027)', () => {
    expect(libraryYear(2027).missing).toEqual([]);
    expect(libraryYear(2028).missing.map((name) => name.en)).toEqual(['Nyepi', 'Vesak']);
    const early = libraryYear(1969);
    expect(early.holidays).toEqual([]);
    expect(early.missing.length).toBe(16);
  });

  test('as a calendar year: source library, no cuti bersama, no settings of its own', () => {
    const year = libraryCalendarYear(2028);
    expect(year).toMatchObject({ year: 2028, source: 'library', cutiBersama: [], settings: {} });
    expect(year.holidays.map((day) => day.date)).toContain('2028-01-01');
  });
});

describe('flows/calendars/indonesia-2027.yaml', () => {
  test('is provisional, written from the rules: every holiday of the rules, no cuti bersama yet', async () => {
    const file = await readCalendarFile(join(CALENDARS, 'indonesia-2027.yaml'));
    expect(file.year).toBe(2027);
    expect(file.provisional).toBe(true);
    expect(file.zone).toBe('Asia/Jakarta');
    expect(file.cutiBersama).toEqual([]);
    expect(file.holidays).toEqual(libraryYear(2027).holidays.map(({ date, name }) => ({ date, name })));
  });
});
