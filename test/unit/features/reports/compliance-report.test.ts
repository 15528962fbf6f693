import { loadFlowFile } from '../../../../src/config/flow-files.js';
import { loadOrgFile } from '../../../../src/config/org-file.js';
import type { Instance } from '../../../../src/core/engine/types.js';
import { DEFAULT_OFFICE_CALENDAR, mergeCalendar } from '../../../../src/core/time/index.js';
import { computeCompliance } from '../../../../src/features/reports/compliance-report.js';
import { parseReportPeriod } from '../../../../src/features/reports/report-period.js';
import type { ReportScope } from '../../../../src/features/reports/report-scope.js';
import { instanceFactsOf } from '../../../../src/features/reports/step-attempts.js';
import { EXAMPLE_ORG_FILE, SPSE_FLOW_FILE } from '../../../support/paths.js';
import { event, instance, run } from './support/hand-instances.js';

const org = loadOrgFile(EXAMPLE_ORG_FILE);
const flow = loadFlowFile(SPSE_FLOW_FILE, org.positions);
// 17 August 2026 (a Monday) is Independence Day.
const calendar = mergeCalendar(DEFAULT_OFFICE_CALENDAR, { holidays: [{ date: '2026-08-17' }] });
const NOW = new Date('2026-12-31T00:00:00Z');

function report(
  instances: Instance[],
  from = '2026-08-01',
  to = '2026-11-30',
  scope: ReportScope = { kind: 'all' },
) {
  return computeCompliance({
    facts: instances.map(instanceFactsOf),
    flows: [flow],
    org,
    period: parseReportPeriod({ from, to }, 'Asia/Jakarta', NOW),
    scope,
    calendarFor: () => calendar,
  });
}

function step(r: ReturnType<typeof report>, id: string) {
  const found = r.flows[0]?.steps.find((s) => s.stepId === id);
  if (!found) throw new Error(`no step ${id}`);
  return found;
}

describe('compliance in office time (hand-computed)', () => {
  test('within office hours: 4 minutes for a 5-minute step is within the standard', () => {
    const r = report([instance([run('agenda-surat-masuk', 1, '2026-11-23 09:00', '2026-11-23 09:04')])]);
    expect(step(r, 'agenda-surat-masuk')).toMatchObject({
      count: 1,
      medianMinutes: 4,
      p90Minutes: 4,
      standardMinutes: 5,
      withinStandard: 1,
      withinStandardShare: 1,
    });
    expect(r.instances).toBe(1);
  });

  test('over a weekend: Friday 15:50 to Monday 07:50 is 10 + 20 = 30 office minutes', () => {
    const r = report([instance([run('agenda-surat-masuk', 1, '2026-11-20 15:50', '2026-11-23 07:50')])]);
    expect(step(r, 'agenda-surat-masuk')).toMatchObject({ medianMinutes: 30, withinStandardShare: 0 });
  });

  test('over a holiday: Friday 14 Aug 15:30 to Tuesday 18 Aug 08:00 skips 17 August: 30 + 30 minutes', () => {
    const r = report([instance([run('input-data-ppk', 1, '2026-08-14 15:30', '2026-08-18 08:00')])]);
    expect(step(r, 'input-data-ppk')).toMatchObject({
      medianMinutes: 60,
      standardMinutes: 30,
      withinStandard: 0,
    });
  });

  test('outside office hours a step takes no office time: started at 17:00, done at 07:31 the next day', () => {
    const r = report([instance([run('disposisi-kapus', 1, '2026-11-23 17:00', '2026-11-24 07:31')])]);
    expect(step(r, 'disposisi-kapus').medianMinutes).toBeCloseTo(1, 10);
  });

  test('a declared disruption does not count: 60 minutes with the clock stopped 09:10–09:40 is 30 minutes', () => {
    const draft = run('verifikasi-data', 1, '2026-11-23 09:00', '2026-11-23 10:00', { assigneeId: 'dewi' });
    const r = report([
      instance(
        [draft],
        [
          event('clock-paused', '2026-11-23 09:10', draft.runId),
          event('clock-resumed', '2026-11-23 09:40', draft.runId),
        ],
      ),
    ]);
    expect(step(r, 'verifikasi-data')).toMatchObject({
      medianMinutes: 30,
      pausedMinutes: 30,
      withinStandardShare: 0,
    });
  });

  test('a step started during a disruption counts from the end of it; one ended during it, up to its start', () => {
    const startedStopped = run('disposisi-kabid', 1, '2026-11-23 09:00', '2026-11-23 09:30', {
      assigneeId: 'sari',
    });
    const endedStopped = run('disposisi-kabid', 1, '2026-11-24 09:00', '2026-11-24 09:30', {
      assigneeId: 'sari',
      pausedAt: '2026-11-24T02:25:00.000Z', // 09:25 WIB, never resumed before it ended
    });
    const r = report([
      instance([startedStopped], [event('clock-resumed', '2026-11-23 09:20', startedStopped.runId)]),
      instance([endedStopped], [event('clock-paused', '2026-11-24 09:25', endedStopped.runId)]),
    ]);
    // 10 minutes and 25 minutes: median 17.5, both over the 5-minute standard.
    expect(step(r, 'disposisi-kabid')).toMatchObject({ count: 2, medianMinutes: 17.5, withinStandard: 0 });
    expect(step(r, 'disposisi-kabid').pausedMinutes).toBe(20 + 5);
  });

  test('a return reruns the step: each run counts, the review counts its return, the rerun is marked', () => {
    const r = report([
      instance([
        run('draft-laporan', 1, '2026-11-23 09:00', '2026-11-23 09:40', { assigneeId: 'fajar' }),
        run('periksa-draft', 1, '2026-11-23 09:40', '2026-11-23 09:43', {
          assigneeId: 'dewi',
          outcome: 'returned',
          actorId: 'dewi',
          returnedTo: 'draft-laporan',
        }),
        run('draft-laporan', 2, '2026-11-23 09:43', '2026-11-23 10:53', { assigneeId: 'fajar' }),
        run('periksa-draft', 2, '2026-11-23 10:53', '2026-11-23 10:55', {
          assigneeId: 'dewi',
          outcome: 'approved',
          actorId: 'dewi',
        }),
      ]),
    ]);
    // draft: 40 and 70 minutes against 60: median 55, one within; review: 3 and 2 against 5.
    expect(step(r, 'draft-laporan')).toMatchObject({
      count: 2,
      medianMinutes: 55,
      withinStandard: 1,
      reruns: 1,
      returns: 0,
    });
    expect(step(r, 'periksa-draft')).toMatchObject({
      count: 2,
      medianMinutes: 2.5,
      withinStandard: 2,
      returns: 1,
      reruns: 1,
    });
    expect(r.instances).toBe(1);
  });

  test('a reassignment joins the runs into one attempt by whoever finished it, escalations and reminders summed', () => {
    const r = report([
      instance([
        run('input-data-ppk', 1, '2026-11-23 09:00', '2026-11-23 09:35', {
          assigneeId: 'rina',
          outcome: 'reassigned',
          actorId: 'bambang',
          reminderSent: true,
          escalationLevel: 1,
          escalatedTo: ['bambang'],
        }),
        run('input-data-ppk', 2, '2026-11-23 09:35', '2026-11-23 09:50', { assigneeId: 'fajar' }),
      ]),
    ]);
    expect(step(r, 'input-data-ppk')).toMatchObject({
      count: 1,
      medianMinutes: 50,
      withinStandard: 0,
      reminders: 1,
      escalations: 1,
      reruns: 0,
    });
    expect(r.performers.map((p) => [p.id, p.count])).toEqual([['fajar', 1]]);
  });

  test('open steps and steps ended outside the period are not counted; the period ends before the day after `to`', () => {
    const r = report(
      [
        instance([
          run('agenda-surat-masuk', 1, '2026-11-30 15:55', '2026-11-30 15:59'),
          run('disposisi-kapus', 1, '2026-11-30 15:59', '2026-12-01 07:31', { assigneeId: 'hendra' }),
          run('disposisi-kabid', 1, '2026-12-01 07:31', undefined, { assigneeId: 'sari' }),
        ]),
      ],
      '2026-11-30',
      '2026-11-30',
    );
    expect(step(r, 'agenda-surat-masuk').count).toBe(1);
    expect(step(r, 'disposisi-kapus').count).toBe(0);
    expect(step(r, 'disposisi-kabid').count).toBe(0);
    expect(step(r, 'disposisi-kabid').medianMinutes).toBeNull();
    expect(r.total.count).toBe(1);
  });

  test('every step is listed in flow order, with its standard; a step without one has no share', () => {
    const r = report([
      instance([
        run('nota-dinas-masuk', 1, '2026-11-23 09:00', '2026-11-23 09:00', { assigneeId: 'ulp-biro-umum' }),
      ]),
    ]);
    expect(r.flows[0]?.steps.map((s) => s.stepId)).toEqual(flow.steps.map((s) => s.id));
    expect(step(r, 'nota-dinas-masuk')).toMatchObject({
      count: 1,
      standardMinutes: null,
      timedCount: 0,
      withinStandardShare: null,
    });
  });

  test('median and 90th percentile over several runs (Excel PERCENTILE.INC)', () => {
    const minutes = [2, 3, 4, 5, 6, 7, 8, 9, 10, 20];
    const r = report(
      minutes.map((m, i) => {
        // Ten working days: 2–6 and 9–13 November 2026.
        const day = String([2, 3, 4, 5, 6, 9, 10, 11, 12, 13][i]).padStart(2, '0');
        const end = `2026-11-${day} 09:${String(m).padStart(2, '0')}`;
        return instance([run('agenda-surat-masuk', 1, `2026-11-${day} 09:00`, end)]);
      }),
    );
    // Sorted: 2 3 4 5 6 7 8 9 10 20; median (6 + 7) / 2; P90 at 0-based 8.1: 10 + 0.1 × 10 = 11.
    expect(step(r, 'agenda-surat-masuk').medianMinutes).toBeCloseTo(6.5, 10);
    expect(step(r, 'agenda-surat-masuk').p90Minutes).toBeCloseTo(11, 10);
    expect(step(r, 'agenda-surat-masuk').withinStandard).toBe(4);
  });

  test('the weekly trend puts each attempt in the ISO week of its end, in the office zone', () => {
    // Sunday 29 Nov 2026 23:30 WIB is still ISO week 48 in Jakarta although it is 16:30 UTC.
    const r = report([
      instance([run('agenda-surat-masuk', 1, '2026-11-27 15:58', '2026-11-30 07:32')]),
      instance([run('agenda-surat-masuk', 1, '2026-11-24 09:00', '2026-11-24 09:03')]),
    ]);
    const byWeek = Object.fromEntries(r.weeks.map((w) => [w.week, w.count]));
    expect(byWeek['2026-W48']).toBe(1);
    expect(byWeek['2026-W49']).toBe(1);
    expect(r.weeks[0]).toMatchObject({ week: '2026-W31', monday: '2026-07-27' });
  });
});

describe('scopes', () => {
  const everyone = [
    instance([
      run('agenda-surat-masuk', 1, '2026-11-23 09:00', '2026-11-23 09:04', { assigneeId: 'tuti' }),
      run('disposisi-kapus', 1, '2026-11-23 09:04', '2026-11-23 09:08', { assigneeId: 'hendra' }),
      run('disposisi-kabid', 1, '2026-11-23 09:08', '2026-11-23 09:10', { assigneeId: 'sari' }),
      run('input-data-ppk', 1, '2026-11-23 09:10', '2026-11-23 09:30', { assigneeId: 'rina' }),
    ]),
    instance([run('disposisi-kabid', 1, '2026-11-24 09:00', '2026-11-24 09:02', { assigneeId: 'yusuf' })]),
  ];

  test("a Kabid's unit scope holds his division's people and the subdivisions under it, nobody else", () => {
    const r = report(everyone, undefined, undefined, { kind: 'unit', unitId: 'bidang-aplikasi' });
    expect(r.performers.map((p) => p.id).sort()).toEqual(['rina', 'sari']);
    expect(r.units.map((u) => u.id)).toEqual(['bidang-aplikasi', 'subbid-eproc']);
    expect(step(r, 'disposisi-kabid').count).toBe(1);
    expect(r.instances).toBe(1);
  });

  test('a person scope holds their own runs only; the whole office holds all', () => {
    expect(report(everyone, undefined, undefined, { kind: 'person', personId: 'yusuf' }).total.count).toBe(1);
    expect(report(everyone).total.count).toBe(5);
  });
});
