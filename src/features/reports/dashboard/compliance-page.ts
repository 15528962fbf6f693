import type { IncomingMessage, ServerResponse } from 'node:http';
import { shareByStepChart, weeklyTrendChart } from '../chart-options.js';
import type { ComplianceFigures } from '../compliance-figures.js';
import { computeCompliance, type ComplianceReport } from '../compliance-report.js';
import { scopeLabel } from '../compliance-text.js';
import { complianceXlsx } from '../compliance-xlsx.js';
import { parseReportPeriod } from '../report-period.js';
import { reportTexts } from '../report-texts.js';
import type { DashboardDeps, Viewer } from './dashboard-deps.js';
import { html, type SafeHtml } from './html.js';
import { queryOf, send } from './http-kit.js';
import { localized, page } from './layout.js';
import { unitPicker } from './overview-page.js';
import { scopeFromQuery, scopeParams } from './scope-query.js';

const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The report the URL asks for: its period (`from`, `to`) and scope (`unit`, `person`), all checked. */
async function reportOf(deps: DashboardDeps, viewer: Viewer, request: IncomingMessage) {
  const query = queryOf(request);
  const org = deps.source.org();
  const scope = scopeFromQuery(query, viewer.personId, org);
  const text = (name: string) => query.get(name)?.trim() || undefined;
  const period = parseReportPeriod(
    { from: text('from'), to: text('to') },
    deps.source.timeZone,
    deps.clock.now(),
  );
  const flows = deps.source.flows();
  const facts = await deps.source.facts.factsBetween(period.from, period.to, {
    flowIds: flows.map((f) => f.id),
  });
  const report = computeCompliance({
    facts,
    flows,
    org,
    period,
    scope,
    calendarFor: deps.source.calendarFor,
  });
  const params = new URLSearchParams({ ...scopeParams(scope), from: period.fromDate, to: period.toDate });
  return { report, params: params.toString(), texts: reportTexts(deps.translator, viewer.reader) };
}

function cells(viewer: Viewer, figures: ComplianceFigures, standard: number | null | undefined): SafeHtml {
  const { t } = viewer;
  const minutes = (value: number | null) =>
    value === null ? '—' : t('dash-minutes', { m: { minutes: Math.round(value) } });
  const share =
    figures.withinStandardShare === null ? '—' : `${Math.round(figures.withinStandardShare * 100)}%`;
  return html`${standard === undefined ? '' : html`<td class="num">${standard === null ? '—' : minutes(standard)}</td>`}
    <td class="num">${figures.count}</td>
    <td class="num">${minutes(figures.medianMinutes)}</td>
    <td class="num">${minutes(figures.p90Minutes)}</td>
    <td class="num">${share}</td>
    <td class="num">${figures.reminders}</td>
    <td class="num">${figures.escalations}</td>
    <td class="num">${figures.returns}</td>`;
}

function heads(viewer: Viewer, first: string, withStandard: boolean): SafeHtml {
  const { t } = viewer;
  return html`<thead>
    <tr>
      <th>${first}</th>
      ${withStandard ? html`<th class="num">${t('dash-col-standard')}</th>` : ''}
      <th class="num">${t('dash-col-runs')}</th>
      <th class="num">${t('dash-col-median')}</th>
      <th class="num">${t('dash-col-p90')}</th>
      <th class="num">${t('dash-col-within')}</th>
      <th class="num">${t('dash-col-reminders')}</th>
      <th class="num">${t('dash-col-escalations')}</th>
      <th class="num">${t('dash-col-returns')}</th>
    </tr>
  </thead>`;
}

function stepTables(viewer: Viewer, report: ComplianceReport): SafeHtml {
  const locale = viewer.reader.locale;
  return html`${report.flows.map(
    (flow) =>
      html`<h2>${localized(flow.name, locale)}</h2>
        <div class="table">
          <table class="steps">
            ${heads(viewer, viewer.t('dash-col-step'), true)}
            <tbody>
              ${flow.steps.map(
                (step) =>
                  html`<tr>
                    <td>${step.number}. ${localized(step.title, locale)}</td>
                    ${cells(viewer, step, step.standardMinutes)}
                  </tr>`,
              )}
            </tbody>
          </table>
        </div>`,
  )}`;
}

/** `/dasbor/kepatuhan`: the period's compliance per step, the charts, the weekly trend, the XLSX link. */
export async function compliancePage(
  deps: DashboardDeps,
  viewer: Viewer,
  request: IncomingMessage,
): Promise<string> {
  const { t } = viewer;
  const org = deps.source.org();
  const { report, params, texts } = await reportOf(deps, viewer, request);
  const dates = html`<label
      >${t('dash-search-from')}<input type="date" name="from" value="${report.period.fromDate}" /></label
    ><label>${t('dash-search-to')}<input type="date" name="to" value="${report.period.toDate}" /></label>`;
  const groups = (title: string, first: string, rows: ComplianceReport['units']) =>
    rows.length === 0
      ? html``
      : html`<h2>${title}</h2>
          <div class="table">
            <table>
              ${heads(viewer, first, false)}
              <tbody>
                ${rows.map(
                  (row) =>
                    html`<tr>
                      <td>${row.name}</td>
                      ${cells(viewer, row, undefined)}
                    </tr>`,
                )}
              </tbody>
            </table>
          </div>`;
  const body = html`${unitPicker(viewer, deps, report.scope, '/dasbor/kepatuhan', dates)}
    <p class="muted" id="scope">
      ${t('dash-scope', { scope: scopeLabel(report.scope, org, texts) })} ·
      ${t('dash-period', { from: report.period.fromDate, to: report.period.toDate })}
    </p>
    <p id="total">
      ${t('dash-compliance-total', { instances: report.instances, count: report.total.count, percent: Math.round((report.total.withinStandardShare ?? 0) * 100) })}
    </p>
    <p><a class="button" id="xlsx" href="/dasbor/kepatuhan.xlsx?${params}">${t('dash-xlsx')}</a></p>
    ${
      report.total.count === 0
        ? html`<p class="message">${t('dash-compliance-none')}</p>`
        : html`<div class="chart">
              <img
                id="chart-share"
                src="/dasbor/kepatuhan/grafik?jenis=langkah&amp;${params}"
                alt="${t('chart-share-title')}"
              />
            </div>
            <div class="chart">
              <img
                id="chart-trend"
                src="/dasbor/kepatuhan/grafik?jenis=minggu&amp;${params}"
                alt="${t('chart-trend-title')}"
              />
            </div>`
    }
    ${stepTables(viewer, report)} ${groups(t('dash-by-unit'), t('dash-col-unit'), report.units)}
    ${groups(t('dash-by-person'), t('dash-col-person'), report.performers)}
    ${groups(
      t('dash-by-week'),
      t('dash-col-week'),
      report.weeks.map((week) => ({ ...week, id: week.week, name: `${week.week} (${week.monday})` })),
    )}`;
  return page(viewer.frame(t('dash-compliance-title'), 'compliance'), body);
}

/** `/dasbor/kepatuhan/grafik?jenis=langkah|minggu&…`: a chart as SVG (ECharts' server-side rendering). */
export async function complianceChart(
  deps: DashboardDeps,
  viewer: Viewer,
  request: IncomingMessage,
  response: ServerResponse,
): Promise<void> {
  const { report, texts } = await reportOf(deps, viewer, request);
  const org = deps.source.org();
  const kind = queryOf(request).get('jenis');
  const chart =
    kind === 'minggu' ? weeklyTrendChart(report, org, texts) : shareByStepChart(report, org, texts);
  send(response, 200, 'image/svg+xml; charset=utf-8', chart.svg);
}

/** `/dasbor/kepatuhan.xlsx?…`: the same tables as a workbook (formulas neutralised). */
export async function complianceDownload(
  deps: DashboardDeps,
  viewer: Viewer,
  request: IncomingMessage,
  response: ServerResponse,
): Promise<void> {
  const { report, texts } = await reportOf(deps, viewer, request);
  const bytes = await complianceXlsx(report, deps.source.org(), texts);
  const name = `kepatuhan-${report.period.fromDate}-${report.period.toDate}.xlsx`;
  send(response, 200, XLSX_MIME, bytes, { 'content-disposition': `attachment; filename="${name}"` });
}
