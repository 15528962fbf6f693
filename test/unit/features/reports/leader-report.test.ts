import ExcelJS from 'exceljs';
import { loadFlowFile } from '../../../../src/config/flow-files.js';
import { loadOrgFile } from '../../../../src/config/org-file.js';
import type { MessageRef } from '../../../../src/core/i18n.js';
import { DEFAULT_OFFICE_CALENDAR } from '../../../../src/core/time/index.js';
import { InstancesInMemory } from '../../../../src/features/reports/compliance-source.js';
import { InMemoryDigestSettings } from '../../../../src/features/reports/digest-settings.js';
import { laporanCommand, parseLaporanArgs } from '../../../../src/features/reports/leader-report.js';
import type { OpenInstance } from '../../../../src/features/reports/open-work.js';
import { performerInScope, type ReportScope } from '../../../../src/features/reports/report-scope.js';
import type { ScopeFiguresSource } from '../../../../src/features/reports/scope-figures.js';
import { loadTranslator } from '../../../../src/i18n/translator.js';
import { ManualClock } from '../../../support/fakes/memory-ports.js';
import { EXAMPLE_ORG_FILE, LOCALES_DIR, SPSE_FLOW_FILE } from '../../../support/paths.js';
import { instance, run, wib } from './support/hand-instances.js';

const org = loadOrgFile(EXAMPLE_ORG_FILE);
const flow = loadFlowFile(SPSE_FLOW_FILE, org.positions);
const translator = loadTranslator(LOCALES_DIR);
const clock = new ManualClock(new Date(wib('2026-11-30 10:00')));
const reader = { locale: 'id' as const, timeZone: 'Asia/Jakarta' };

// Two verifications by Bambang (Subbid e-Proc, under Bidang Aplikasi): one within its 15 minutes,
// one not; a registration by Tuti (Tata Usaha, outside it); an open draft of Rina's, overdue.
const finished = [
  instance([run('verifikasi-data', 1, '2026-11-24 09:00', '2026-11-24 09:10', { assigneeId: 'bambang' })]),
  instance([run('verifikasi-data', 1, '2026-11-25 09:00', '2026-11-25 09:45', { assigneeId: 'bambang' })]),
  instance([run('agenda-surat-masuk', 1, '2026-11-25 09:00', '2026-11-25 09:03', { assigneeId: 'tuti' })]),
];
const open = instance([
  run('draft-laporan', 1, '2026-11-30 08:00', undefined, {
    assigneeId: 'rina',
    dueAt: wib('2026-11-30 09:00'),
  }),
]);

function source(): ScopeFiguresSource & { scopesAsked: ReportScope[] } {
  const scopesAsked: ReportScope[] = [];
  return {
    scopesAsked,
    flows: () => [flow],
    org: () => org,
    facts: new InstancesInMemory(finished),
    openWork: {
      activeInstances: (scope: ReportScope): Promise<OpenInstance[]> => {
        scopesAsked.push(scope);
        return Promise.resolve(
          [open].filter((i) => i.runs.some((r) => !r.endedAt && performerInScope(scope, r.assigneeId, org))),
        );
      },
    },
    calendarFor: () => DEFAULT_OFFICE_CALENDAR,
    timeZone: 'Asia/Jakarta',
  };
}

function command(settings = new InMemoryDigestSettings(), from = source()) {
  return laporanCommand({ source: from, settings, translator, clock });
}

const render = (lines: MessageRef[], locale: 'id' | 'en' = 'id') =>
  lines.map((ref) => translator.format(ref, { ...reader, locale }));

const ask = (personId: string, args = '', locale: 'id' | 'en' = 'id', settings?: InMemoryDigestSettings) =>
  command(settings)({
    personId,
    args,
    platform: 'telegram',
    userId: '1',
    reader: { ...reader, locale },
  });

describe('/laporan arguments', () => {
  test.each([
    ['', { kind: 'summary', days: 30 }],
    ['7', { kind: 'summary', days: 7 }],
    ['366', { kind: 'summary', days: 366 }],
    ['xlsx', { kind: 'xlsx', days: 30 }],
    ['XLSX 90', { kind: 'xlsx', days: 90 }],
    ['mingguan mati', { kind: 'weekly', on: false }],
    ['weekly on', { kind: 'weekly', on: true }],
    ['mingguan  nyala', { kind: 'weekly', on: true }],
  ])('%j', (args, expected) => {
    expect(parseLaporanArgs(args)).toEqual(expected);
  });

  test.each(['0', '367', '-3', '7 hari', 'mingguan', 'mingguan besok', 'xlsx seratus', 'semua', '1e3'])(
    'refused: %j',
    (args) => {
      expect(parseLaporanArgs(args)).toEqual({ kind: 'usage' });
    },
  );
});

describe('/laporan', () => {
  test("a Kabid: her division's open work and compliance, step by step, the overdue item, the chart", async () => {
    const reply = await ask('sari');
    expect(render(reply.lines)).toEqual([
      '📊 Laporan 2026-11-01 s.d. 2026-11-30: Bidang Pengembangan Aplikasi dan Layanan e-Government beserta unit di bawahnya',
      'Pekerjaan terbuka: 1 · jatuh tempo hari ini: 1 · terlambat: 1 · dieskalasi: 0 · berhenti karena gangguan: 0',
      '2 langkah selesai pada 2 permohonan, 50% dalam standar waktu, 0 eskalasi, 0 dikembalikan.',
      '6. Memverifikasi data user PPK, panitia pengadaan, nama paket lelang, dan pagu anggaran: 2× · 50% dalam standar 15 menit · median 27 menit 30 detik',
      'Paling jauh dari standar: langkah 6 "Memverifikasi data user PPK, panitia pengadaan, nama paket lelang, dan pagu anggaran", 50% dalam standar 15 menit (median 27 menit 30 detik).',
      'Paling terlambat sekarang:',
      `⏰ ${open.subject}: langkah 8 oleh Rina Wulandari, terlambat 1 jam`,
      'Grafiknya terlampir. Tabel lengkap: /laporan xlsx · periode lain: /laporan 7 · ringkasan mingguan menyala (matikan: /laporan mingguan mati).',
    ]);
    expect(reply.files).toHaveLength(1);
    const [chart] = reply.files ?? [];
    expect(chart?.name).toBe('kepatuhan-20261130.png');
    expect(chart?.mimeType).toBe('image/png');
    // A real PNG, wide enough to read on a phone.
    expect(chart?.bytes.subarray(1, 4).toString()).toBe('PNG');
    expect(chart?.bytes.readUInt32BE(16)).toBeGreaterThanOrEqual(1200);
    expect(chart?.caption).toBe('Langkah yang selesai dalam standar waktu');
  });

  test('in English, for the person who reads English', async () => {
    const reply = await ask('sari', '', 'en');
    expect(render(reply.lines, 'en')[2]).toBe(
      '2 steps finished in 2 requests, 50% within the standard time, 0 escalations, 0 returned.',
    );
  });

  test('the Kapus (an admin) sees every unit; staff see only their own work', async () => {
    const kapus = render((await ask('hendra')).lines);
    expect(kapus[0]).toContain(': semua unit');
    expect(kapus[2]).toBe(
      '3 langkah selesai pada 3 permohonan, 67% dalam standar waktu, 0 eskalasi, 0 dikembalikan.',
    );
    const tuti = render((await ask('tuti')).lines);
    expect(tuti[0]).toBe('📊 Laporan 2026-11-01 s.d. 2026-11-30: Tuti Rahayu');
    expect(tuti[1]).toContain('Pekerjaan terbuka: 0');
    expect(tuti[2]).toBe(
      '1 langkah selesai pada 1 permohonan, 100% dalam standar waktu, 0 eskalasi, 0 dikembalikan.',
    );
  });

  test('a period without finished steps says so and sends no chart', async () => {
    const reply = await ask('yusuf', '3');
    expect(render(reply.lines)).toEqual([
      '📊 Laporan 2026-11-28 s.d. 2026-11-30: Bidang Infrastruktur dan Jaringan beserta unit di bawahnya',
      'Pekerjaan terbuka: 0 · jatuh tempo hari ini: 0 · terlambat: 0 · dieskalasi: 0 · berhenti karena gangguan: 0',
      'Belum ada langkah yang selesai pada periode ini.',
      'Tabel lengkap: /laporan xlsx · periode lain: /laporan 7 · ringkasan mingguan menyala (matikan: /laporan mingguan mati).',
    ]);
    expect(reply.files).toEqual([]);
  });

  test('xlsx: the full tables as a workbook, text cells neutralised', async () => {
    const reply = await ask('sari', 'xlsx');
    expect(render(reply.lines)).toEqual([
      'Tabel kepatuhan standar waktu 2026-11-01 s.d. 2026-11-30 terlampir (langkah, pelaksana, unit, dan minggu; satu lembar masing-masing).',
    ]);
    const [file] = reply.files ?? [];
    expect(file?.name).toBe('kepatuhan-20261130.xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(file?.bytes as unknown as ArrayBuffer);
    expect(workbook.worksheets.length).toBeGreaterThanOrEqual(4);
    const cells = workbook.worksheets.flatMap((sheet) => {
      const values: string[] = [];
      sheet.eachRow((row) => row.eachCell((cell) => values.push(cell.text)));
      return values;
    });
    expect(cells).toContain('Bambang Sutrisno');
    // Tata Usaha's work is outside the Kabid's division.
    expect(cells).not.toContain('Tuti Rahayu');
  });

  test('the weekly digest turned off and on; the footer says which', async () => {
    const settings = new InMemoryDigestSettings();
    expect(render((await ask('sari', 'mingguan mati', 'id', settings)).lines)).toEqual([
      'Ringkasan mingguan dimatikan. Nyalakan lagi dengan /laporan mingguan nyala.',
    ]);
    expect(await settings.weeklyOn('sari')).toBe(false);
    const summary = render((await ask('sari', '', 'id', settings)).lines);
    expect(summary.at(-1)).toContain('ringkasan mingguan mati (nyalakan: /laporan mingguan nyala)');
    await ask('sari', 'mingguan nyala', 'id', settings);
    expect(await settings.weeklyOn('sari')).toBe(true);
  });

  test('words it does not know: the usage, nothing read', async () => {
    const from = source();
    const reply = await command(
      new InMemoryDigestSettings(),
      from,
    )({
      personId: 'sari',
      args: 'minggu lalu',
      platform: 'telegram',
      userId: '1',
      reader,
    });
    expect(render(reply.lines)[0]).toMatch(/^Penggunaan: \/laporan/);
    expect(from.scopesAsked).toEqual([]);
  });
});
