import {
  calendarNoticePrompt,
  CalendarReminderError,
  remindAdminsOfCalendar,
  type AdminNotice,
  type CalendarReminderInput,
} from '../../../../src/features/office-calendar/admin-reminder.js';
import { calendarHealth } from '../../../../src/features/office-calendar/health.js';
import { InMemoryWeeklyClaims, isoWeekKey } from '../../../../src/scheduling/weekly-claims.js';
import { calendarStatus, type CalendarStatus } from '../../../../src/core/time/calendar-status.js';
import { MultiYearCalendar, type CalendarYear } from '../../../../src/core/time/multi-year-calendar.js';
import { DEFAULT_OFFICE_CALENDAR } from '../../../../src/core/time/office-calendar.js';
import { loadTranslator } from '../../../../src/i18n/translator.js';
import { LOCALES_DIR } from '../../../support/paths.js';

const fileYear = (year: number): CalendarYear => ({
  year,
  source: 'file',
  file: `indonesia-${year}.yaml`,
  holidays: [],
  cutiBersama: [],
  settings: {},
  missing: [],
});

const calendar = MultiYearCalendar.create({
  base: DEFAULT_OFFICE_CALENDAR,
  years: [fileYear(2026)],
  fallback: (year) => ({ year, source: 'library', holidays: [], cutiBersama: [], settings: {}, missing: [] }),
});

const statusAt = (iso: string): CalendarStatus => calendarStatus(calendar, new Date(iso));

function rig(overrides: Partial<CalendarReminderInput> = {}) {
  const sent: AdminNotice[][] = [];
  const input: CalendarReminderInput = {
    status: statusAt('2026-12-01T03:00:00Z'),
    admins: ['admin-1', 'admin-2'],
    weekKey: '2026-W49',
    claims: new InMemoryWeeklyClaims(),
    notify: (notices) => {
      sent.push([...notices]);
      return Promise.resolve();
    },
    ...overrides,
  };
  return { input, sent };
}

describe('remindAdminsOfCalendar', () => {
  test('tells each admin what is missing, with a title and how to add a year', async () => {
    const { input, sent } = rig();
    const result = await remindAdminsOfCalendar(input);
    expect(result.sent).toBe(true);
    expect(sent).toHaveLength(1);
    expect(sent[0]?.map((notice) => [notice.id, notice.to])).toEqual([
      ['office-calendar:2026-W49:admin-1', 'admin-1'],
      ['office-calendar:2026-W49:admin-2', 'admin-2'],
    ]);
    expect(sent[0]?.[0]?.lines.map((line) => line.key)).toEqual([
      'calendar-reminder-title',
      'calendar-warning-next-year-missing',
      'calendar-reminder-howto',
    ]);
  });

  test('once a week: a second run in the same week sends nothing, the next week sends again', async () => {
    const claims = new InMemoryWeeklyClaims();
    const { input, sent } = rig({ claims });
    expect((await remindAdminsOfCalendar(input)).sent).toBe(true);
    expect(await remindAdminsOfCalendar(input)).toEqual({ sent: false, reason: 'already-sent-this-week' });
    expect((await remindAdminsOfCalendar({ ...input, weekKey: '2026-W50' })).sent).toBe(true);
    expect(sent).toHaveLength(2);
  });

  test('nothing before 1 November with the current year in place, and nothing claimed', async () => {
    const claims = new InMemoryWeeklyClaims();
    const { input, sent } = rig({ claims, status: statusAt('2026-10-20T03:00:00Z') });
    expect(await remindAdminsOfCalendar(input)).toEqual({ sent: false, reason: 'calendar-complete' });
    expect(sent).toEqual([]);
    expect(await claims.claim('office-calendar-reminder:2026-W49')).toBe(true);
  });

  test('no admins: nothing sent, the week stays unclaimed for when one is added', async () => {
    const { input } = rig({ admins: [] });
    expect(await remindAdminsOfCalendar(input)).toEqual({ sent: false, reason: 'no-admins' });
    expect((await remindAdminsOfCalendar({ ...input, admins: ['admin-1'] })).sent).toBe(true);
  });

  test('a failure to queue gives the claim back, so the next run retries', async () => {
    const claims = new InMemoryWeeklyClaims();
    const failing = rig({ claims, notify: () => Promise.reject(new Error('outbox down')) });
    await expect(remindAdminsOfCalendar(failing.input)).rejects.toBeInstanceOf(CalendarReminderError);
    const retry = rig({ claims });
    expect((await remindAdminsOfCalendar(retry.input)).sent).toBe(true);
  });

  test('the notices render in both languages and become plain outbox notices', async () => {
    const { input, sent } = rig({ admins: ['admin-1'] });
    await remindAdminsOfCalendar(input);
    const notice = sent[0]?.[0];
    if (!notice) throw new Error('no notice');
    const translator = loadTranslator(LOCALES_DIR);
    const id = notice.lines.map((line) =>
      translator.format(line, { locale: 'id', timeZone: 'Asia/Jakarta' }),
    );
    const en = notice.lines.map((line) =>
      translator.format(line, { locale: 'en', timeZone: 'Asia/Jakarta' }),
    );
    expect(id[1]).toContain('Berkas kalender kantor 2027 belum ada');
    expect(en[1]).toContain('The office calendar file for 2027 is missing');
    expect(id[2]).toContain('calendar new');
    expect(calendarNoticePrompt(notice)).toMatchObject({
      id: 'office-calendar:2026-W49:admin-1',
      to: 'admin-1',
      kind: 'notice',
      actions: [],
    });
  });
});

describe('isoWeekKey', () => {
  // prettier-ignore
  test.each<[string, string, string]>([
    ['Mon 30 Nov 2026 00:00 WIB',      '2026-11-29T17:00:00Z', '2026-W49'],
    ['Sun 6 Dec 2026 23:59 WIB',       '2026-12-06T16:59:00Z', '2026-W49'],
    ['Mon 7 Dec 2026 00:00 WIB',       '2026-12-06T17:00:00Z', '2026-W50'],
    ['Fri 1 Jan 2027: ISO week 2026-W53', '2027-01-01T03:00:00Z', '2026-W53'],
    ['Mon 4 Jan 2027',                 '2027-01-04T03:00:00Z', '2027-W01'],
  ])('%s', (_name, at, key) => {
    expect(isoWeekKey(new Date(at), 'Asia/Jakarta')).toBe(key);
  });
});

describe('calendarHealth', () => {
  test('the /healthz shape: provisional, the years, the warnings (with their text when rendered)', () => {
    const translator = loadTranslator(LOCALES_DIR);
    const health = calendarHealth(statusAt('2026-12-01T03:00:00Z'), (ref) =>
      translator.format(ref, { locale: 'en', timeZone: 'Asia/Jakarta' }),
    );
    expect(health.provisional).toBe(true);
    expect(health.years.map((year) => [year.year, year.source])).toEqual([
      [2026, 'file'],
      [2027, 'library'],
    ]);
    expect(health.warnings[0]).toMatchObject({
      key: 'calendar-warning-next-year-missing',
      params: { year: '2027' },
    });
    expect(health.warnings[0]?.text).toContain('2027');
    expect(calendarHealth(statusAt('2026-06-01T03:00:00Z'))).toMatchObject({
      provisional: false,
      warnings: [],
    });
  });
});
