/**
 * Renders the compliance charts shown in the README (docs/images/compliance-*.png) from a quarter
 * of SPSE instances walked through the real engine:
 * `node --import tsx test/unit/features/reports/support/render-doc-images.ts`.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadFlowFile } from '../../../../../src/config/flow-files.js';
import { loadOrgFile } from '../../../../../src/config/org-file.js';
import { DEFAULT_OFFICE_CALENDAR } from '../../../../../src/core/time/index.js';
import { shareByStepChart, weeklyTrendChart } from '../../../../../src/features/reports/chart-options.js';
import { chartPng } from '../../../../../src/features/reports/chart-render.js';
import { computeCompliance } from '../../../../../src/features/reports/compliance-report.js';
import { parseReportPeriod } from '../../../../../src/features/reports/report-period.js';
import { reportTexts } from '../../../../../src/features/reports/report-texts.js';
import { instanceFactsOf } from '../../../../../src/features/reports/step-attempts.js';
import { loadTranslator } from '../../../../../src/i18n/translator.js';
import { EXAMPLE_ORG_FILE, LOCALES_DIR, REPO_ROOT, SPSE_FLOW_FILE } from '../../../../support/paths.js';
import { walkSpseInstances } from './spse-instances.js';

const org = loadOrgFile(EXAMPLE_ORG_FILE);
const flow = loadFlowFile(SPSE_FLOW_FILE, org.positions);
const instances = await walkSpseInstances(400, 11);
const report = computeCompliance({
  facts: instances.map(instanceFactsOf),
  flows: [flow],
  org,
  period: parseReportPeriod(
    { from: '2026-01-05', to: '2026-03-29' },
    'Asia/Jakarta',
    new Date('2026-03-30T00:00:00Z'),
  ),
  scope: { kind: 'all' },
  calendarFor: () => DEFAULT_OFFICE_CALENDAR,
});
const translator = loadTranslator(LOCALES_DIR);
const images = join(REPO_ROOT, 'docs', 'images');
for (const locale of ['id', 'en'] as const) {
  const texts = reportTexts(translator, { locale, timeZone: 'Asia/Jakarta' });
  writeFileSync(
    join(images, `compliance-share-${locale}.png`),
    chartPng(shareByStepChart(report, org, texts)),
  );
  writeFileSync(
    join(images, `compliance-trend-${locale}.png`),
    chartPng(weeklyTrendChart(report, org, texts)),
  );
}
process.stdout.write(`${report.instances} instances, ${report.total.count} steps\n`);
