import { loadFlowFile } from '../../../../src/config/flow-files.js';
import { loadOrgFile } from '../../../../src/config/org-file.js';
import { DEFAULT_OFFICE_CALENDAR } from '../../../../src/core/time/index.js';
import { openWork } from '../../../../src/features/reports/open-work.js';
import type { ReportScope } from '../../../../src/features/reports/report-scope.js';
import { permittedScope, scopeOfViewer } from '../../../../src/features/reports/report-scope.js';
import { EXAMPLE_ORG_FILE, SPSE_FLOW_FILE } from '../../../support/paths.js';
import { instance, run, wib } from './support/hand-instances.js';

const org = loadOrgFile(EXAMPLE_ORG_FILE);
const flow = loadFlowFile(SPSE_FLOW_FILE, org.positions);
const now = new Date(wib('2026-11-23 11:00'));
const instances = [
  instance([
    run('disposisi-kapus', 1, '2026-11-23 08:00', undefined, {
      assigneeId: 'hendra',
      dueAt: wib('2026-11-23 08:05'),
    }),
  ]),
  instance([
    run('input-data-ppk', 1, '2026-11-23 10:00', undefined, {
      assigneeId: 'rina',
      dueAt: wib('2026-11-23 10:30'),
      escalationLevel: 1,
      escalatedTo: ['bambang'],
    }),
  ]),
  instance([
    run('draft-laporan', 1, '2026-11-23 10:30', undefined, {
      assigneeId: 'fajar',
      dueAt: wib('2026-11-23 11:30'),
    }),
  ]),
  instance([
    run('verifikasi-data', 1, '2026-11-23 09:00', undefined, {
      assigneeId: 'dewi',
      dueAt: wib('2026-11-23 09:15'),
      pausedAt: wib('2026-11-23 09:10'),
    }),
  ]),
  instance([
    run('disposisi-kabid', 1, '2026-11-20 15:00', undefined, {
      assigneeId: 'yusuf',
      dueAt: wib('2026-11-24 09:00'),
    }),
  ]),
];

function list(scope: ReportScope) {
  return openWork(instances, {
    flows: [flow],
    org,
    scope,
    now,
    timeZone: 'Asia/Jakarta',
    calendarFor: () => DEFAULT_OFFICE_CALENDAR,
  });
}

describe('open work', () => {
  test('overdue first (latest first), then by due time; counts at a glance', () => {
    const work = list({ kind: 'all' });
    expect(work.items.map((i) => [i.assigneeId, i.lateMinutes])).toEqual([
      ['hendra', 175],
      ['rina', 30],
      // Dewi's clock stopped before her due time: not late, due earlier than Fajar.
      ['dewi', 0],
      ['fajar', 0],
      ['yusuf', 0],
    ]);
    expect(work.counts).toEqual({ open: 5, dueToday: 4, overdue: 2, escalated: 1, paused: 1 });
  });

  test("a Kabid sees only his division's open work", () => {
    expect(list({ kind: 'unit', unitId: 'bidang-aplikasi' }).items.map((i) => i.assigneeId)).toEqual([
      'rina',
      'dewi',
      'fajar',
    ]);
    expect(list({ kind: 'unit', unitId: 'bidang-infrastruktur' }).items.map((i) => i.assigneeId)).toEqual([
      'yusuf',
    ]);
  });
});

describe('who may see what', () => {
  test('admin everything, a leader their unit tree, staff their own work, a stranger nothing', () => {
    expect(scopeOfViewer(org, 'hendra')).toEqual({ kind: 'all' });
    expect(scopeOfViewer(org, 'sari')).toEqual({ kind: 'unit', unitId: 'bidang-aplikasi' });
    expect(scopeOfViewer(org, 'bambang')).toEqual({ kind: 'unit', unitId: 'subbid-eproc' });
    expect(scopeOfViewer(org, 'rina')).toEqual({ kind: 'person', personId: 'rina' });
    expect(scopeOfViewer(org, 'nobody')).toBeUndefined();
  });

  test("a requested scope outside the viewer's own is refused (a forged unit in a URL)", () => {
    expect(permittedScope(org, 'sari', { kind: 'unit', unitId: 'subbid-eproc' })).toEqual({
      kind: 'unit',
      unitId: 'subbid-eproc',
    });
    expect(permittedScope(org, 'sari', { kind: 'unit', unitId: 'bidang-infrastruktur' })).toBeUndefined();
    expect(permittedScope(org, 'sari', { kind: 'unit', unitId: 'pusdatinkomtel' })).toBeUndefined();
    expect(permittedScope(org, 'sari', { kind: 'all' })).toBeUndefined();
    expect(permittedScope(org, 'sari', { kind: 'person', personId: 'fajar' })).toEqual({
      kind: 'person',
      personId: 'fajar',
    });
    expect(permittedScope(org, 'sari', { kind: 'person', personId: 'tuti' })).toBeUndefined();
    expect(permittedScope(org, 'rina', { kind: 'person', personId: 'fajar' })).toBeUndefined();
    expect(permittedScope(org, 'hendra', { kind: 'unit', unitId: 'bidang-infrastruktur' })).toEqual({
      kind: 'unit',
      unitId: 'bidang-infrastruktur',
    });
  });
});
