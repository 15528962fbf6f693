import type { ChatCommandHandler } from '../../chat/contributions.js';
import type { OutgoingFile } from '../../chat/types.js';
import type { MessageRef } from '../../core/i18n.js';
import type { Clock } from '../../core/ports.js';
import type { Translator } from '../../i18n/translator.js';
import { shareByStepChart } from './chart-options.js';
import { chartPng } from './chart-render.js';
import type { ComplianceReport } from './compliance-report.js';
import { complianceXlsx } from './compliance-xlsx.js';
import type { DigestSettings } from './digest-settings.js';
import { addDays, localDate, parseReportPeriod } from './report-period.js';
import { scopeOfViewer } from './report-scope.js';
import { reportTexts } from './report-texts.js';
import { scopeFigures, type ScopeFiguresSource } from './scope-figures.js';
import { overdueLines, weakestStepLine } from './weekly-digest.js';
import { scopeLabel } from './compliance-text.js';

export interface LeaderReportDeps {
  source: ScopeFiguresSource;
  settings: DigestSettings;
  translator: Translator;
  clock: Clock;
}

/** The longest period `/laporan N` covers, in days. */
export const MAX_CHAT_REPORT_DAYS = 366;
const DEFAULT_DAYS = 30;
const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

type Request =
  | { kind: 'summary'; days: number }
  | { kind: 'xlsx'; days: number }
  | { kind: 'weekly'; on: boolean }
  | { kind: 'usage' };

/** `/laporan`, `/laporan 7`, `/laporan xlsx [90]`, `/laporan mingguan mati|nyala` (English words too). */
export function parseLaporanArgs(args: string): Request {
  const words = args.trim().toLowerCase().split(/\s+/).filter(Boolean);
  const [first, second, ...rest] = words;
  if (rest.length > 0) return { kind: 'usage' };
  const days = (word: string | undefined): number | undefined => {
    if (word === undefined) return DEFAULT_DAYS;
    if (!/^\d{1,3}$/.test(word)) return undefined;
    const n = Number(word);
    return n >= 1 && n <= MAX_CHAT_REPORT_DAYS ? n : undefined;
  };
  if (first === undefined) return { kind: 'summary', days: DEFAULT_DAYS };
  if (first === 'mingguan' || first === 'weekly') {
    if (['mati', 'off'].includes(second ?? '')) return { kind: 'weekly', on: false };
    if (['nyala', 'hidup', 'on'].includes(second ?? '')) return { kind: 'weekly', on: true };
    return { kind: 'usage' };
  }
  if (first === 'xlsx') {
    const n = days(second);
    return n === undefined ? { kind: 'usage' } : { kind: 'xlsx', days: n };
  }
  const n = second === undefined ? days(first) : undefined;
  return n === undefined ? { kind: 'usage' } : { kind: 'summary', days: n };
}

/**
 * `/laporan`: the person's scope (an admin everything, a leader their unit's tree, staff their own
 * work) as a summary: the open work now, the period's compliance with the standard times step by
 * step, the most overdue items, and the chart of the share within the standard as a PNG. `xlsx`
 * sends the full tables as a workbook; `mingguan mati|nyala` turns the weekly digest off or on.
 */
export function laporanCommand(deps: LeaderReportDeps): ChatCommandHandler {
  return async ({ personId, args, reader }) => {
    const request = parseLaporanArgs(args);
    if (request.kind === 'usage') return { lines: [{ key: 'report-chat-usage' }] };
    if (request.kind === 'weekly') {
      await deps.settings.setWeekly(personId, request.on);
      return { lines: [{ key: request.on ? 'report-chat-weekly-on' : 'report-chat-weekly-off' }] };
    }
    const org = deps.source.org();
    const scope = scopeOfViewer(org, personId);
    if (!scope) return { lines: [{ key: 'report-chat-not-in-org' }] };
    const now = deps.clock.now();
    const { timeZone } = deps.source;
    const today = localDate(now, timeZone);
    const period = parseReportPeriod({ from: addDays(today, 1 - request.days), to: today }, timeZone, now);
    const figures = await scopeFigures(deps.source, { scope, period, now });
    const texts = reportTexts(deps.translator, reader);
    const stamp = today.replaceAll('-', '');
    if (request.kind === 'xlsx') {
      const bytes = await complianceXlsx(figures.compliance, org, texts);
      return {
        lines: [{ key: 'report-chat-xlsx-sent', params: { from: period.fromDate, to: period.toDate } }],
        files: [{ name: `kepatuhan-${stamp}.xlsx`, mimeType: XLSX_MIME, bytes: Buffer.from(bytes) }],
      };
    }
    const lines: MessageRef[] = [
      {
        key: 'report-chat-title',
        params: { from: period.fromDate, to: period.toDate, scope: scopeLabel(scope, org, texts) },
      },
      { key: 'digest-open', params: { ...figures.open.counts } },
      ...complianceLines(figures.compliance),
    ];
    const overdue = overdueLines(figures.open);
    if (overdue.length > 0) lines.push({ key: 'report-chat-overdue-title' }, ...overdue);
    const files: OutgoingFile[] = [];
    if (figures.compliance.total.count > 0) {
      const png = chartPng(shareByStepChart(figures.compliance, org, texts));
      files.push({
        name: `kepatuhan-${stamp}.png`,
        mimeType: 'image/png',
        bytes: Buffer.from(png),
        caption: texts.t('chart-share-title'),
      });
    }
    const weekly = (await deps.settings.weeklyOn(personId)) ? 'on' : 'off';
    lines.push({ key: 'report-chat-footer', params: { weekly, chart: files.length > 0 ? 'yes' : 'no' } });
    return { lines, files };
  };
}

/** The period's totals and one line per step that was done in it, in flow order. */
function complianceLines(report: ComplianceReport): MessageRef[] {
  if (report.total.count === 0) return [{ key: 'report-chat-none' }];
  const percent = (share: number | null) => Math.round((share ?? 0) * 100);
  const lines: MessageRef[] = [
    {
      key: 'report-chat-total',
      params: {
        instances: report.instances,
        count: report.total.count,
        percent: percent(report.total.withinStandardShare),
        escalations: report.total.escalations,
        returns: report.total.returns,
      },
    },
  ];
  const several = report.flows.length > 1;
  for (const flow of report.flows) {
    const steps = flow.steps.filter((step) => step.count > 0);
    if (steps.length === 0) continue;
    if (several) lines.push({ key: 'report-chat-flow', params: { flow: { text: flow.name } } });
    for (const step of steps) {
      const common = {
        number: step.number,
        title: { text: step.title },
        count: step.count,
        median: { minutes: step.medianMinutes ?? 0 },
      };
      lines.push(
        step.standardMinutes === null || step.withinStandardShare === null
          ? { key: 'report-chat-step-untimed', params: common }
          : {
              key: 'report-chat-step',
              params: {
                ...common,
                percent: percent(step.withinStandardShare),
                standard: { minutes: step.standardMinutes },
              },
            },
      );
    }
  }
  lines.push(...weakestStepLine(report));
  return lines;
}
