import { walkSpseInstances } from './test/unit/features/reports/support/spse-instances.js';
import { computeCompliance } from './src/features/reports/compliance-report.js';
import { instanceFactsOf } from './src/features/reports/step-attempts.js';
import { parseReportPeriod } from './src/features/reports/report-period.js';
import { shareByStepChart, weeklyTrendChart } from './src/features/reports/chart-options.js';
import { chartPng } from './src/features/reports/chart-render.js';
import { reportTexts } from './src/features/reports/report-texts.js';
import { complianceText } from './src/features/reports/compliance-text.js';
import { loadTranslator } from './src/i18n/translator.js';
import { loadFlowFile } from './src/config/flow-files.js';
import { loadOrgFile } from './src/config/org-file.js';
import { DEFAULT_OFFICE_CALENDAR } from './src/core/time/index.js';
import { writeFileSync } from 'node:fs';
const templates = await walkSpseInstances(400, 11);
const org = loadOrgFile('flows/org/org.example.yaml');
const flow = loadFlowFile('flows/spse-eproc.yaml', org.positions);
const period = parseReportPeriod({ from: '2026-01-01', to: '2026-03-31' }, 'Asia/Jakarta', new Date('2026-12-31T00:00:00Z'));
const r = computeCompliance({ facts: templates.map(instanceFactsOf), flows: [flow], org, period, scope: { kind: 'all' }, calendarFor: () => DEFAULT_OFFICE_CALENDAR });
const tr = loadTranslator('locales');
for (const locale of ['id', 'en'] as const) {
  const texts = reportTexts(tr, { locale, timeZone: 'Asia/Jakarta' });
  const a = shareByStepChart(r, org, texts); const b = weeklyTrendChart(r, org, texts);
  writeFileSync(`/tmp/share-${locale}.png`, chartPng(a, 1)); writeFileSync(`/tmp/trend-${locale}.png`, chartPng(b, 1));
  if (locale === 'id') console.log(complianceText(r, org, texts).join('\n'));
}
