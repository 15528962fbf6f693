import { loadFlowFile } from '../../../../src/config/flow-files.js';
import { loadOrgFile } from '../../../../src/config/org-file.js';
import { DEFAULT_OFFICE_CALENDAR } from '../../../../src/core/time/index.js';
import {
  runReportCompliance,
  type ReportComplianceDeps,
} from '../../../../src/cli/commands/report-compliance.js';
import { InstancesInMemory } from '../../../../src/features/reports/compliance-source.js';
import { reportTexts } from '../../../../src/features/reports/report-texts.js';
import { loadTranslator } from '../../../../src/i18n/translator.js';
import { EXAMPLE_ORG_FILE, LOCALES_DIR, SPSE_FLOW_FILE } from '../../../support/paths.js';
import { instance, run } from './support/hand-instances.js';

const org = loadOrgFile(EXAMPLE_ORG_FILE);
const flow = loadFlowFile(SPSE_FLOW_FILE, org.positions);
const translator = loadTranslator(LOCALES_DIR);

function deps(overrides: Partial<ReportComplianceDeps> = {}): ReportComplianceDeps {
  const instances = [
    instance([
      run('agenda-surat-masuk', 1, '2026-11-23 09:00', '2026-11-23 09:04', { assigneeId: 'tuti' }),
      run('disposisi-kapus', 1, '2026-11-23 09:04', '2026-11-23 09:14', {
        assigneeId: 'hendra',
        escalationLevel: 1,
        escalatedTo: ['sekjen'],
      }),
    ]),
    instance([run('agenda-surat-masuk', 1, '2026-11-24 09:00', '2026-11-24 09:08', { assigneeId: 'tuti' })]),
  ];
  return {
    flows: [flow],
    org,
    calendarFor: () => DEFAULT_OFFICE_CALENDAR,
    source: new InstancesInMemory(instances),
    now: new Date('2026-11-30T05:00:00Z'),
    timeZone: 'Asia/Jakarta',
    texts: reportTexts(translator, { locale: 'id', timeZone: 'Asia/Jakarta' }),
    ...overrides,
  };
}

async function cli(argv: string[], d = deps()) {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const code = await runReportCompliance(
    argv,
    { stdout: (l) => stdout.push(l), stderr: (l) => stderr.push(l) },
    d,
  );
  return { code, stdout, stderr };
}

describe('pandu report compliance', () => {
  test('--json: the last line is { instances, steps } in flow order with the figures', async () => {
    const { code, stdout } = await cli(['--from', '2026-11-01', '--to=2026-11-30', '--json']);
    expect(code).toBe(0);
    const json = JSON.parse(stdout.at(-1) ?? '') as {
      instances: number;
      steps: Array<Record<string, unknown>>;
    };
    expect(json.instances).toBe(2);
    expect(json.steps.map((s) => s['id'])).toEqual(flow.steps.map((s) => s.id));
    expect(json.steps[1]).toEqual({
      id: 'agenda-surat-masuk',
      standardMinutes: 5,
      count: 2,
      medianMinutes: 6,
      p90Minutes: 7.6,
      withinStandardShare: 0.5,
      escalations: 0,
      returns: 0,
    });
    expect(json.steps[2]).toMatchObject({
      id: 'disposisi-kapus',
      count: 1,
      escalations: 1,
      withinStandardShare: 0,
    });
    expect(json.steps[0]).toMatchObject({ count: 0, medianMinutes: null, withinStandardShare: null });
  });

  test('the table is in Indonesian, with the period, the scope and decimal commas', async () => {
    const { code, stdout } = await cli(['--from', '2026-11-01', '--to', '2026-11-30']);
    expect(code).toBe(0);
    const text = stdout.join('\n');
    expect(text).toContain(
      'Kepatuhan terhadap standar waktu (Mutu Baku), 2026-11-01 s.d. 2026-11-30, semua unit',
    );
    expect(text).toContain('% dalam standar');
    expect(text).toMatch(/Mencatat, mengagendakan.*\s5\s+2\s+6\s+7,6\s+50%/);
  });

  test('--unit narrows to the unit tree; --flow must be a known flow', async () => {
    const { stdout } = await cli([
      '--from',
      '2026-11-01',
      '--to',
      '2026-11-30',
      '--unit',
      'subbag-tu',
      '--flow',
      'spse-eproc',
      '--json',
    ]);
    const json = JSON.parse(stdout.at(-1) ?? '') as { steps: Array<{ id: string; count: number }> };
    expect(json.steps.find((s) => s.id === 'disposisi-kapus')?.count).toBe(0);
    expect(json.steps.find((s) => s.id === 'agenda-surat-masuk')?.count).toBe(2);
  });

  test.each([
    [['--from', '2026-13-01'], 'bukan tanggal YYYY-MM-DD yang sah'],
    [['--from', '1990-01-01'], 'di luar rentang yang masuk akal'],
    [['--to', '2099-01-01'], 'di luar rentang yang masuk akal'],
    [['--from', '2026-11-30', '--to', '2026-11-01'], 'jatuh setelah tanggal akhir'],
    [['--unit', 'bidang-rahasia'], 'Unit "bidang-rahasia" tidak ada di berkas organisasi'],
    [['--flow', 'cuti'], 'Alur "cuti" tidak dikenal. Alur yang ada: spse-eproc'],
  ])('%j is refused with exit 1 and reads nothing', async (argv, message) => {
    let read = false;
    const d = deps();
    const { code, stderr, stdout } = await cli(argv, {
      ...d,
      source: { factsBetween: (...args) => ((read = true), d.source.factsBetween(...args)) },
    });
    expect(code).toBe(1);
    expect(stderr.join('\n')).toContain(message);
    expect(stdout).toEqual([]);
    expect(read).toBe(false);
  });

  test('an unknown option or a missing value is a usage error (exit 2)', async () => {
    expect((await cli(['--form', '2026-11-01'])).code).toBe(2);
    const missing = await cli(['--from']);
    expect(missing.code).toBe(2);
    expect(missing.stderr.join('\n')).toContain('Penggunaan: pandu report compliance');
    const both = await cli(['--unit', 'subbag-tu', '--person', 'tuti']);
    expect(both.code).toBe(2);
    expect(both.stderr[0]).toBe('✖ Pilihan --unit dan --person tidak dapat dipakai bersama.');
  });

  test('--xlsx writes the workbook as well', async () => {
    const written: Array<[string, Uint8Array]> = [];
    const { code, stdout } = await cli(['--from', '2026-11-01', '--xlsx', 'laporan.xlsx'], {
      ...deps(),
      writeFile: (path, bytes) => {
        written.push([path, bytes]);
        return Promise.resolve();
      },
    });
    expect(code).toBe(0);
    expect(written[0]?.[0]).toBe('laporan.xlsx');
    expect(
      Buffer.from(written[0]?.[1] ?? [])
        .subarray(0, 2)
        .toString(),
    ).toBe('PK');
    expect(stdout.at(-1)).toBe('Tabel disimpan ke laporan.xlsx.');
  });
});
