import type { OrgDirectory } from '../../core/org/org-directory.js';
import { renderChartSvg, type ChartImage, type ChartOption } from './chart-render.js';
import type { ComplianceReport, StepCompliance } from './compliance-report.js';
import { scopeLabel } from './compliance-text.js';
import { formatMinutes, formatShare } from './report-format.js';
import type { ReportTexts } from './report-texts.js';

const WIDTH = 960;
const GOOD = '#2e7d32';
const FAIR = '#ef8f00';
const POOR = '#c62828';
const COUNT = '#90a4ae';
const TITLE_CHARS = 44;

/** Green from 80 % within the standard, amber from 50 %, red below. */
export function shareColour(share: number): string {
  return share >= 0.8 ? GOOD : share >= 0.5 ? FAIR : POOR;
}

function shorten(text: string, max: number): string {
  const chars = [...text];
  return chars.length <= max
    ? text
    : `${chars
        .slice(0, max - 1)
        .join('')
        .trimEnd()}…`;
}

function subtitle(report: ComplianceReport, org: OrgDirectory, texts: ReportTexts): string {
  return texts.t('chart-subtitle', {
    from: report.period.fromDate,
    to: report.period.toDate,
    scope: scopeLabel(report.scope, org, texts),
  });
}

function stepLabel(step: StepCompliance, texts: ReportTexts): string {
  const title = shorten(step.title[texts.locale], TITLE_CHARS);
  return step.standardMinutes === null
    ? texts.t('chart-step-label-untimed', { number: step.number, title })
    : texts.t('chart-step-label', {
        number: step.number,
        title,
        standard: formatMinutes(step.standardMinutes, texts.locale),
      });
}

/**
 * (a) The share of each step's attempts finished within its standard time: one horizontal bar
 * per step that has a standard, in flow order from the top, the standard written in the step's
 * label, each bar coloured by how close it comes (shareColour) and labelled with its percentage
 * and count. Steps without a standard are left out.
 */
export function shareByStepOption(report: ComplianceReport, org: OrgDirectory, texts: ReportTexts) {
  const steps = report.flows.flatMap((flow) => flow.steps).filter((s) => s.standardMinutes !== null);
  const height = 136 + Math.max(1, steps.length) * 34;
  const option: ChartOption = {
    backgroundColor: '#ffffff',
    title: [
      {
        text: texts.t('chart-share-title'),
        subtext: steps.some((s) => s.count > 0) ? subtitle(report, org, texts) : texts.t('chart-no-data'),
        left: 16,
        top: 10,
        textStyle: { fontSize: 18, fontWeight: 'bold', color: '#263238' },
        subtextStyle: { fontSize: 13, color: '#546e7a' },
      },
      {
        text: texts.t('chart-share-colours'),
        left: 16,
        bottom: 8,
        textStyle: { fontSize: 11, fontWeight: 'normal', color: '#78909c' },
      },
    ],
    grid: { left: 28, right: 110, top: 78, bottom: 60, containLabel: true },
    xAxis: {
      type: 'value',
      min: 0,
      max: 100,
      interval: 20,
      name: texts.t('chart-share-axis'),
      nameLocation: 'middle',
      nameGap: 28,
      axisLabel: { formatter: '{value}%' },
    },
    yAxis: {
      type: 'category',
      inverse: true,
      data: steps.map((s) => stepLabel(s, texts)),
      axisLabel: { fontSize: 12, color: '#37474f' },
      axisTick: { show: false },
    },
    series: [
      {
        type: 'bar',
        barMaxWidth: 22,
        data: steps.map((s) => ({
          value: s.withinStandardShare === null ? 0 : Math.round(s.withinStandardShare * 1000) / 10,
          itemStyle: { color: s.withinStandardShare === null ? COUNT : shareColour(s.withinStandardShare) },
          label: {
            show: true,
            position: 'right',
            formatter: `${formatShare(s.withinStandardShare, texts.locale)} (n=${s.count})`,
            color: '#263238',
          },
        })),
      },
    ],
  };
  return { option, width: WIDTH, height };
}

/**
 * (b) The weekly trend: the share within the standard per ISO week as a line (left axis, %), the
 * steps finished per week as bars (right axis), each axis named in its series' colour. Weeks
 * without finished steps have no point.
 */
export function weeklyTrendOption(report: ComplianceReport, org: OrgDirectory, texts: ReportTexts) {
  const weeks = report.weeks;
  const option: ChartOption = {
    backgroundColor: '#ffffff',
    title: {
      text: texts.t('chart-trend-title'),
      subtext: report.total.count > 0 ? subtitle(report, org, texts) : texts.t('chart-no-data'),
      left: 16,
      top: 10,
      textStyle: { fontSize: 18, fontWeight: 'bold', color: '#263238' },
      subtextStyle: { fontSize: 13, color: '#546e7a' },
    },
    // The two axes are named in their series' colours: no legend needed.
    grid: { left: 16, right: 16, top: 100, bottom: 24, containLabel: true },
    xAxis: {
      type: 'category',
      data: weeks.map((w) => w.week.slice(5)),
      axisLabel: { fontSize: 11, interval: weeks.length > 27 ? 3 : weeks.length > 18 ? 1 : 0 },
    },
    yAxis: [
      {
        type: 'value',
        min: 0,
        max: 100,
        interval: 20,
        name: texts.t('chart-trend-share'),
        nameTextStyle: { color: GOOD, align: 'left' },
        axisLabel: { formatter: '{value}%', color: GOOD },
      },
      {
        type: 'value',
        min: 0,
        name: texts.t('chart-trend-count'),
        nameTextStyle: { color: '#607d8b', align: 'right' },
        axisLabel: { color: '#607d8b' },
        splitLine: { show: false },
      },
    ],
    series: [
      {
        name: texts.t('chart-trend-count'),
        type: 'bar',
        yAxisIndex: 1,
        barMaxWidth: 18,
        itemStyle: { color: COUNT, opacity: 0.55 },
        data: weeks.map((w) => w.count),
      },
      {
        name: texts.t('chart-trend-share'),
        type: 'line',
        yAxisIndex: 0,
        symbolSize: 6,
        connectNulls: false,
        lineStyle: { width: 3, color: GOOD },
        itemStyle: { color: GOOD },
        data: weeks.map((w) =>
          w.withinStandardShare === null ? null : Math.round(w.withinStandardShare * 1000) / 10,
        ),
      },
    ],
  };
  return { option, width: WIDTH, height: 420 };
}

/** Chart (a) as SVG. */
export function shareByStepChart(
  report: ComplianceReport,
  org: OrgDirectory,
  texts: ReportTexts,
): ChartImage {
  const { option, width, height } = shareByStepOption(report, org, texts);
  return renderChartSvg(option, width, height);
}

/** Chart (b) as SVG. */
export function weeklyTrendChart(
  report: ComplianceReport,
  org: OrgDirectory,
  texts: ReportTexts,
): ChartImage {
  const { option, width, height } = weeklyTrendOption(report, org, texts);
  return renderChartSvg(option, width, height);
}
