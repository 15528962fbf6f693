import { Resvg } from '@resvg/resvg-js';
import { loadFlowFile } from '../../../../src/config/flow-files.js';
import { loadOrgFile } from '../../../../src/config/org-file.js';
import type { Flow } from '../../../../src/core/flow/model.js';
import { DEFAULT_OFFICE_CALENDAR } from '../../../../src/core/time/index.js';
import { shareByStepChart, weeklyTrendChart } from '../../../../src/features/reports/chart-options.js';
import { chartPng } from '../../../../src/features/reports/chart-render.js';
import { computeCompliance } from '../../../../src/features/reports/compliance-report.js';
import { parseReportPeriod } from '../../../../src/features/reports/report-period.js';
import { reportTexts } from '../../../../src/features/reports/report-texts.js';
import { instanceFactsOf } from '../../../../src/features/reports/step-attempts.js';
import { loadTranslator } from '../../../../src/i18n/translator.js';
import { EXAMPLE_ORG_FILE, LOCALES_DIR, SPSE_FLOW_FILE } from '../../../support/paths.js';
import { instance, run } from './support/hand-instances.js';

const org = loadOrgFile(EXAMPLE_ORG_FILE);
const loaded = loadFlowFile(SPSE_FLOW_FILE, org.positions);
// A step title with markup in it: it must come out as text.
const flow: Flow = {
  ...loaded,
  steps: loaded.steps.map((s) =>
    s.id === 'disposisi-kapus'
      ? { ...s, title: { id: '<script>alert(1)</script> & arahan', en: 'Direction <b>' } }
      : s,
  ),
};
const translator = loadTranslator(LOCALES_DIR);
const report = computeCompliance({
  facts: [
    instance([
      run('agenda-surat-masuk', 1, '2026-11-23 09:00', '2026-11-23 09:04'),
      run('disposisi-kapus', 1, '2026-11-23 09:04', '2026-11-23 09:20', { assigneeId: 'hendra' }),
    ]),
    instance([run('agenda-surat-masuk', 1, '2026-11-30 09:00', '2026-11-30 09:09')]),
  ].map(instanceFactsOf),
  flows: [flow],
  org,
  period: parseReportPeriod(
    { from: '2026-11-16', to: '2026-12-06' },
    'Asia/Jakarta',
    new Date('2026-12-07T00:00:00Z'),
  ),
  scope: { kind: 'all' },
  calendarFor: () => DEFAULT_OFFICE_CALENDAR,
});
const id = reportTexts(translator, { locale: 'id', timeZone: 'Asia/Jakarta' });
const en = reportTexts(translator, { locale: 'en', timeZone: 'Asia/Jakarta' });

describe('compliance charts', () => {
  test('share within the standard per step: Indonesian labels, the standard in each label, data escaped', () => {
    const chart = shareByStepChart(report, org, id);
    expect(chart.svg.startsWith('<svg')).toBe(true);
    expect(chart.svg).toContain('Langkah yang selesai dalam standar waktu');
    expect(chart.svg).toContain('2. Mencatat, mengagendakan');
    expect(chart.svg).toContain('(standar 5 mnt)');
    expect(chart.svg).toContain('50% (n=2)');
    expect(chart.svg).not.toContain('<script');
    expect(chart.svg).toContain('&lt;script&gt;');
    expect(chart.svg).not.toContain('1. Nota dinas');
  });

  test('in English for an English reader', () => {
    const chart = shareByStepChart(report, org, en);
    expect(chart.svg).toContain('Steps finished within the standard time');
    expect(chart.svg).toContain('(standard 5 min)');
  });

  test('the weekly trend has a point per ISO week of the period', () => {
    const chart = weeklyTrendChart(report, org, id);
    expect(chart.svg).toContain('Tren mingguan kepatuhan standar waktu');
    for (const week of ['W47', 'W48', 'W49']) expect(chart.svg).toContain(`>${week}<`);
  });

  test('the PNG is a real image of the chart, twice its size, with text drawn', () => {
    const chart = shareByStepChart(report, org, id);
    const png = chartPng(chart);
    expect(Buffer.from(png.subarray(0, 8)).toString('hex')).toBe('89504e470d0a1a0a');
    const width = Buffer.from(png).readUInt32BE(16);
    const height = Buffer.from(png).readUInt32BE(20);
    expect([width, height]).toEqual([chart.width * 2, chart.height * 2]);
    // Without a font resvg draws no glyphs: the same chart with its text removed must differ.
    const textless = new Resvg(chart.svg.replace(/<text[^>]*>[^<]*<\/text>/g, ''), {
      background: '#ffffff',
      fitTo: { mode: 'width', value: chart.width * 2 },
      font: { loadSystemFonts: false },
    })
      .render()
      .asPng();
    expect(Buffer.from(textless).equals(Buffer.from(png))).toBe(false);
  });
});
