import type * as echarts from 'echarts';
import { echartsLibrary, resvgLibrary } from '../../lazy-libraries.js';
import { CHART_FONT_FAMILY, chartFontFiles } from './chart-fonts.js';

/** An ECharts option object (see chart-options.ts). */
export type ChartOption = echarts.EChartsOption;

export interface ChartImage {
  svg: string;
  width: number;
  height: number;
}

/**
 * Renders an ECharts option to SVG on the server (ECharts' own SSR: no browser, no canvas), with
 * animation off and every text in the chart font. The SVG embeds no script and no external
 * reference; text from the data (step titles, names) is escaped by ECharts' SVG writer.
 */
export function renderChartSvg(option: ChartOption, width: number, height: number): ChartImage {
  const chart = echartsLibrary().init(null, null, { renderer: 'svg', ssr: true, width, height });
  try {
    chart.setOption({ animation: false, textStyle: { fontFamily: CHART_FONT_FAMILY }, ...option });
    return { svg: chart.renderToSVGString(), width, height };
  } finally {
    chart.dispose();
  }
}

/**
 * The chart as a PNG (for chat, where images go as photos), rasterised by resvg with the bundled
 * Noto Sans and no system fonts, on a white background, `scale` times the SVG's size (2: sharp on
 * phones).
 */
export function chartPng(image: ChartImage, scale = 2): Uint8Array {
  const resvg = new (resvgLibrary().Resvg)(image.svg, {
    background: '#ffffff',
    fitTo: { mode: 'width', value: Math.round(image.width * scale) },
    font: { fontFiles: chartFontFiles(), loadSystemFonts: false, defaultFontFamily: CHART_FONT_FAMILY },
  });
  return new Uint8Array(resvg.render().asPng());
}
