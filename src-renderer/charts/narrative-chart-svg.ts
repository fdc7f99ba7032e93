/**
 * A 情况说明 chart as an SVG document, drawn with echarts' server-side SVG renderer: the same
 * horizontal bars as the PDF (text-parts.ts), each bar's length its amount's share of the
 * longest and its label the sentence's own `A万元 P%`. Rendering to a string needs no DOM, so
 * the page shows the chart as an image (the window's CSP allows no inline styles, which an
 * SVG inside the page would need) and a test can read it.
 */
import { BarChart } from 'echarts/charts';
import { GridComponent, TitleComponent } from 'echarts/components';
import { init, use } from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import type { NarrativeChart } from '../../shared/narrative/charts';

use([BarChart, GridComponent, TitleComponent, SVGRenderer]);

/** The PDF's bar colour, so the screen and the print look alike. */
const BAR_COLOR = '#4a6fa5';
const FONT_FAMILY =
  "'Microsoft YaHei', 'PingFang SC', 'Noto Sans CJK SC', 'Source Han Sans SC', 'Noto Sans SC', 'WenQuanYi Micro Hei', sans-serif";
const WIDTH = 640;
const TITLE_HEIGHT = 36;
const BAR_ROW_HEIGHT = 30;

export function narrativeChartSvg(chart: NarrativeChart): string {
  const height = TITLE_HEIGHT + BAR_ROW_HEIGHT * chart.bars.length + 12;
  const instance = init(null, null, { renderer: 'svg', ssr: true, width: WIDTH, height });
  try {
    instance.setOption({
      animation: false,
      textStyle: { fontFamily: FONT_FAMILY },
      title: { text: chart.title, left: 'center', top: 4, textStyle: { fontSize: 14, fontWeight: 'bold' } },
      grid: { left: 150, right: 170, top: TITLE_HEIGHT, bottom: 8 },
      xAxis: { type: 'value', show: false, min: 0 },
      yAxis: {
        type: 'category',
        inverse: true,
        data: chart.bars.map((bar) => bar.label),
        axisTick: { show: false },
        axisLine: { show: false },
        axisLabel: { fontSize: 12, color: '#1f2328', width: 140, overflow: 'truncate' },
      },
      series: [
        {
          type: 'bar',
          barWidth: 12,
          itemStyle: { color: BAR_COLOR },
          data: chart.bars.map((bar) => bar.amount),
          label: {
            show: true,
            position: 'right',
            fontSize: 12,
            color: '#1f2328',
            formatter: (params: { dataIndex: number }) => chart.bars[params.dataIndex]?.valueText ?? '',
          },
        },
      ],
    });
    return instance.renderToSVGString();
  } finally {
    instance.dispose();
  }
}

/** What a screen reader says for the chart: its title and every bar's label and figures. */
export function narrativeChartDescription(chart: NarrativeChart): string {
  return `${chart.title}：${chart.bars.map((bar) => `${bar.label} ${bar.valueText}`).join('；')}`;
}
