import type { OrgDirectory } from '../../core/org/org-directory.js';
import type { ComplianceFigures } from './compliance-figures.js';
import type { ComplianceReport } from './compliance-report.js';
import { formatCount, formatMinutes, formatShare } from './report-format.js';
import type { ReportScope } from './report-scope.js';
import type { ReportTexts } from './report-texts.js';
import { textTable, type TextColumn } from './text-table.js';

/** The scope in words: "semua unit", a unit's name, a person's name. */
export function scopeLabel(scope: ReportScope, org: OrgDirectory, texts: ReportTexts): string {
  if (scope.kind === 'all') return texts.t('report-scope-all');
  if (scope.kind === 'unit')
    return texts.t('report-scope-unit', { unit: org.unit(scope.unitId)?.name ?? scope.unitId });
  return texts.t('report-scope-person', { name: org.person(scope.personId)?.name ?? scope.personId });
}

function figureCells(f: ComplianceFigures, texts: ReportTexts): string[] {
  const { locale } = texts;
  return [
    formatCount(f.count, locale),
    formatMinutes(f.medianMinutes, locale),
    formatMinutes(f.p90Minutes, locale),
    formatShare(f.withinStandardShare, locale),
    formatCount(f.reminders, locale),
    formatCount(f.escalations, locale),
    formatCount(f.returns, locale),
  ];
}

function figureColumns(texts: ReportTexts): TextColumn[] {
  const { t } = texts;
  return [
    { header: t('report-col-count'), align: 'right' },
    { header: t('report-col-median'), align: 'right' },
    { header: t('report-col-p90'), align: 'right' },
    { header: t('report-col-within'), align: 'right' },
    { header: t('report-col-reminders'), align: 'right' },
    { header: t('report-col-escalations'), align: 'right' },
    { header: t('report-col-returns'), align: 'right' },
  ];
}

/**
 * The report as lines of text (the CLI; a chat message in a code block): a heading with the
 * period, the scope and the instance count, a table of the steps in flow order per flow, then the
 * performers, the units and the weekly trend.
 */
export function complianceText(report: ComplianceReport, org: OrgDirectory, texts: ReportTexts): string[] {
  const { t, locale } = texts;
  const lines = [
    t('report-heading', {
      from: report.period.fromDate,
      to: report.period.toDate,
      scope: scopeLabel(report.scope, org, texts),
    }),
    t('report-summary', {
      instances: report.instances,
      attempts: report.total.count,
      share: formatShare(report.total.withinStandardShare, locale),
    }),
    t('report-time-note'),
  ];
  for (const flow of report.flows) {
    lines.push('', flow.name[locale]);
    lines.push(
      ...textTable(
        [
          { header: t('report-col-number'), align: 'right' },
          { header: t('report-col-step'), maxWidth: 44 },
          { header: t('report-col-standard'), align: 'right' },
          ...figureColumns(texts),
        ],
        flow.steps.map((step) => [
          String(step.number),
          step.title[locale],
          formatMinutes(step.standardMinutes, locale),
          ...figureCells(step, texts),
        ]),
      ),
    );
  }
  const groups = [
    ['report-performers', report.performers],
    ['report-units', report.units],
  ] as const;
  for (const [title, rows] of groups) {
    if (rows.length === 0) continue;
    lines.push('', t(title));
    lines.push(
      ...textTable(
        [{ header: t('report-col-name'), maxWidth: 44 }, ...figureColumns(texts)],
        rows.map((row) => [row.name, ...figureCells(row, texts)]),
      ),
    );
  }
  lines.push('', t('report-weeks'));
  lines.push(
    ...textTable(
      [{ header: t('report-col-week') }, { header: t('report-col-monday') }, ...figureColumns(texts)],
      report.weeks.map((week) => [week.week, week.monday, ...figureCells(week, texts)]),
    ),
  );
  return lines;
}
