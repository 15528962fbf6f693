import { loadFlowFile } from '../../../../src/config/flow-files.js';
import { loadOrgFile } from '../../../../src/config/org-file.js';
import { DEFAULT_OFFICE_CALENDAR, mergeCalendar } from '../../../../src/core/time/index.js';
import { computeCompliance } from '../../../../src/features/reports/compliance-report.js';
import { firstOfficeHourOfWeek, nextWeeklyDigest } from '../../../../src/features/reports/digest-schedule.js';
import { openWork } from '../../../../src/features/reports/open-work.js';
import { instanceFactsOf } from '../../../../src/features/reports/step-attempts.js';
import { lastWeekPeriod, weeklyDigest } from '../../../../src/features/reports/weekly-digest.js';
import { loadTranslator } from '../../../../src/i18n/translator.js';
import { EXAMPLE_ORG_FILE, LOCALES_DIR, SPSE_FLOW_FILE } from '../../../support/paths.js';
import { instance, run, wib } from './support/hand-instances.js';

const calendar = mergeCalendar(DEFAULT_OFFICE_CALENDAR, {
  holidays: [{ date: '2026-08-17' }],
  cutiBersama: ['2026-12-28', '2026-12-29', '2026-12-30', '2026-12-31'].map((date) => ({ date })),
});

describe('the first office hour of the week', () => {
  test('Monday 07:30 WIB, whatever moment of the week is asked', () => {
    for (const at of ['2026-11-23 00:00', '2026-11-25 12:00', '2026-11-29 23:59']) {
      expect(firstOfficeHourOfWeek(calendar, new Date(wib(at)))).toEqual({
        week: '2026-W48',
        at: new Date(wib('2026-11-23 07:30')),
      });
    }
  });

  test('a Monday holiday moves it to Tuesday; the week is the same', () => {
    expect(firstOfficeHourOfWeek(calendar, new Date(wib('2026-08-19 10:00')))).toEqual({
      week: '2026-W34',
      at: new Date(wib('2026-08-18 07:30')),
    });
  });

  test('the next digest: still ahead this week, else next week; a week without office time is skipped', () => {
    expect(nextWeeklyDigest(calendar, new Date(wib('2026-11-23 07:00')))).toEqual({
      week: '2026-W48',
      at: new Date(wib('2026-11-23 07:30')),
    });
    expect(nextWeeklyDigest(calendar, new Date(wib('2026-11-23 07:30'))).at).toEqual(
      new Date(wib('2026-11-30 07:30')),
    );
    const closed = mergeCalendar(calendar, {
      holidays: ['2026-12-07', '2026-12-08', '2026-12-09', '2026-12-10', '2026-12-11'].map((date) => ({
        date,
      })),
    });
    expect(firstOfficeHourOfWeek(closed, new Date(wib('2026-12-09 10:00')))).toBeUndefined();
    expect(nextWeeklyDigest(closed, new Date(wib('2026-12-02 10:00')))).toEqual({
      week: '2026-W51',
      at: new Date(wib('2026-12-14 07:30')),
    });
  });
});

describe("a leader's weekly digest", () => {
  const org = loadOrgFile(EXAMPLE_ORG_FILE);
  const flow = loadFlowFile(SPSE_FLOW_FILE, org.positions);
  const now = new Date(wib('2026-11-30 07:30'));
  const translator = loadTranslator(LOCALES_DIR);
  const scope = { kind: 'unit', unitId: 'bidang-aplikasi' } as const;
  const done = instance([
    run('input-data-ppk', 1, '2026-11-24 09:00', '2026-11-24 09:20', { assigneeId: 'rina' }),
    run('verifikasi-data', 1, '2026-11-24 09:20', '2026-11-24 10:00', { assigneeId: 'bambang' }),
  ]);
  const open = instance([
    run('draft-laporan', 1, '2026-11-27 09:00', undefined, {
      assigneeId: 'rina',
      dueAt: wib('2026-11-27 10:00'),
    }),
  ]);

  test('open and overdue counts, last week in figures, the weakest step and the overdue item, in Indonesian', () => {
    const lastWeek = computeCompliance({
      facts: [done].map(instanceFactsOf),
      flows: [flow],
      org,
      period: lastWeekPeriod('Asia/Jakarta', now),
      scope,
      calendarFor: () => calendar,
    });
    const work = openWork([open], {
      flows: [flow],
      org,
      scope,
      now,
      timeZone: 'Asia/Jakarta',
      calendarFor: () => calendar,
    });
    const lines = weeklyDigest({ scope, org, openWork: work, lastWeek }).map((ref) =>
      translator.format(ref, { locale: 'id', timeZone: 'Asia/Jakarta' }),
    );
    expect(lines).toEqual(
      [
        '📊 Ringkasan mingguan: Bidang Pengembangan Aplikasi dan Layanan e-Government beserta unit di bawahnya',
        'Pekerjaan terbuka: 1 · jatuh tempo hari ini: 0 · terlambat: 1 · dieskalasi: 0 · berhenti karena gangguan: 0',
        'Minggu lalu (2026-11-23 s.d. 2026-11-29): 2 langkah selesai, 50% dalam standar waktu, 0 eskalasi, 0 dikembalikan.',
        'Paling jauh dari standar: langkah 6 "Memverifikasi data user PPK, panitia pengadaan, nama paket lelang, dan pagu anggaran", 0% dalam standar 15 menit (median 40 menit).',
        // Friday 10:00 to Monday 07:30: 6 office hours on Friday.
        '⏰ Permohonan 2: langkah 8 oleh Rina Wulandari, terlambat 6 jam',
        'Rinciannya: /laporan. Ringkasan ini dapat dimatikan dengan /laporan mingguan mati.',
      ].map((line) => line.replace('Permohonan 2', open.subject)),
    );
    const english = translator.format(
      weeklyDigest({ scope, org, openWork: work, lastWeek })[2] ?? { key: '' },
      {
        locale: 'en',
        timeZone: 'Asia/Jakarta',
      },
    );
    expect(english).toBe(
      'Last week (2026-11-23 to 2026-11-29): 2 steps finished, 50% within the standard time, 0 escalations, 0 returned.',
    );
  });
});
