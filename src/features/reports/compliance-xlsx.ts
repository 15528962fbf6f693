import { excelJs } from '../../lazy-libraries.js';
import type { OrgDirectory } from '../../core/org/org-directory.js';
import { neutraliseCell } from '../../files/ppk/export.js';
import type { ComplianceFigures } from './compliance-figures.js';
import type { ComplianceReport } from './compliance-report.js';
import { scopeLabel } from './compliance-text.js';
import type { ReportTexts } from './report-texts.js';

type Cell = string | number | null;

interface Sheet {
  name: string;
  columns: Array<{ header: string; width: number; numFmt?: string }>;
  rows: Cell[][];
}

const MINUTES = '0.0';
const SHARE = '0%';

function figureColumns(texts: ReportTexts): Sheet['columns'] {
  const { t } = texts;
  return [
    { header: t('report-col-count'), width: 10 },
    { header: t('report-col-median'), width: 14, numFmt: MINUTES },
    { header: t('report-col-p90'), width: 14, numFmt: MINUTES },
    { header: t('report-col-timed'), width: 14 },
    { header: t('report-col-within-count'), width: 16 },
    { header: t('report-col-within'), width: 16, numFmt: SHARE },
    { header: t('report-col-reminders'), width: 12 },
    { header: t('report-col-escalations'), width: 12 },
    { header: t('report-col-returns'), width: 14 },
    { header: t('report-col-reruns'), width: 14 },
    { header: t('report-col-paused'), width: 16, numFmt: MINUTES },
  ];
}

function figureCells(f: ComplianceFigures): Cell[] {
  return [
    f.count,
    f.medianMinutes,
    f.p90Minutes,
    f.timedCount,
    f.withinStandard,
    f.withinStandardShare,
    f.reminders,
    f.escalations,
    f.returns,
    f.reruns,
    f.pausedMinutes,
  ];
}

/** Excel sheet names: at most 31 characters, none of : \ / ? * [ ]. */
function sheetName(name: string): string {
  return (
    name
      .replace(/[:\\/?*[\]]/g, ' ')
      .trim()
      .slice(0, 31) || 'Data'
  );
}

function sheetsOf(report: ComplianceReport, org: OrgDirectory, texts: ReportTexts): Sheet[] {
  const { t, locale } = texts;
  const several = report.flows.length > 1;
  return [
    {
      name: t('report-sheet-steps'),
      columns: [
        ...(several ? [{ header: t('report-col-flow'), width: 18 }] : []),
        { header: t('report-col-number'), width: 6 },
        { header: t('report-col-step-id'), width: 22 },
        { header: t('report-col-step'), width: 60 },
        { header: t('report-col-standard'), width: 14, numFmt: MINUTES },
        ...figureColumns(texts),
      ],
      rows: report.flows.flatMap((flow) =>
        flow.steps.map((step) => [
          ...(several ? [flow.flowId] : []),
          step.number,
          step.stepId,
          step.title[locale],
          step.standardMinutes,
          ...figureCells(step),
        ]),
      ),
    },
    {
      name: t('report-sheet-performers'),
      columns: [
        { header: t('report-col-id'), width: 18 },
        { header: t('report-col-name'), width: 36 },
        ...figureColumns(texts),
      ],
      rows: report.performers.map((p) => [p.id, p.name, ...figureCells(p)]),
    },
    {
      name: t('report-sheet-units'),
      columns: [
        { header: t('report-col-id'), width: 22 },
        { header: t('report-col-name'), width: 50 },
        ...figureColumns(texts),
      ],
      rows: report.units.map((u) => [u.id, u.name, ...figureCells(u)]),
    },
    {
      name: t('report-sheet-weeks'),
      columns: [
        { header: t('report-col-week'), width: 12 },
        { header: t('report-col-monday'), width: 12 },
        ...figureColumns(texts),
      ],
      rows: report.weeks.map((w) => [w.week, w.monday, ...figureCells(w)]),
    },
    {
      name: t('report-sheet-about'),
      columns: [
        { header: t('report-col-field'), width: 24 },
        { header: t('report-col-value'), width: 80 },
      ],
      rows: [
        [
          t('report-about-period'),
          `${report.period.fromDate} – ${report.period.toDate} (${report.period.timeZone})`,
        ],
        [t('report-about-scope'), scopeLabel(report.scope, org, texts)],
        [t('report-about-instances'), report.instances],
        [t('report-about-method'), t('report-time-note')],
      ],
    },
  ];
}

/**
 * The report's tables as an XLSX workbook, one sheet each (steps, performers, units, weeks, and
 * what the figures mean). Every text cell, headers included, is formula-neutralised as the PPK
 * exports are (`neutraliseCell`: a leading apostrophe before = + - @ tab or carriage return), so a
 * step title or a person's name can never run as a formula; numbers stay numbers.
 */
export async function complianceXlsx(
  report: ComplianceReport,
  org: OrgDirectory,
  texts: ReportTexts,
): Promise<Uint8Array> {
  const workbook = new (await excelJs()).Workbook();
  for (const sheet of sheetsOf(report, org, texts)) {
    const worksheet = workbook.addWorksheet(sheetName(sheet.name), {
      views: [{ state: 'frozen', ySplit: 1 }],
    });
    worksheet.columns = sheet.columns.map((column, i) => ({
      key: `c${i}`,
      header: neutraliseCell(column.header),
      width: column.width,
      ...(column.numFmt ? { style: { numFmt: column.numFmt } } : {}),
    }));
    worksheet.getRow(1).font = { bold: true };
    for (const row of sheet.rows) {
      worksheet.addRow(row.map((cell) => (typeof cell === 'string' ? neutraliseCell(cell) : cell)));
    }
  }
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
