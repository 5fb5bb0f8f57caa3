import type { Chart as ChartJs, ChartType, Plugin } from 'chart.js';

/**
 * What the marks plugin draws on a horizontal bar chart (first dataset): each bar's value as
 * text, its interval as an error bar (low–high, whiskers at both ends) and a dashed target line.
 * Values are already formatted (rounded, Vietnamese decimal comma) by the caller.
 */
export interface BarMarks {
  values?: (string | null)[];
  intervals?: ([number, number] | null)[];
  target?: { value: number; label: string } | null;
}

declare module 'chart.js' {
  interface PluginOptionsByType<TType extends ChartType> {
    barMarks?: BarMarks | undefined;
  }
}

const INK = '#1a1a1a';
const TARGET = '#b3261e';

function drawTarget(chart: ChartJs, target: NonNullable<BarMarks['target']>) {
  const { ctx, chartArea } = chart;
  const x = chart.scales.x?.getPixelForValue(target.value);
  if (x == null || x < chartArea.left || x > chartArea.right) return;
  ctx.save();
  ctx.strokeStyle = TARGET;
  ctx.lineWidth = 2;
  ctx.setLineDash([6, 4]);
  ctx.beginPath();
  ctx.moveTo(x, chartArea.top);
  ctx.lineTo(x, chartArea.bottom);
  ctx.stroke();
  ctx.setLineDash([]);
  ctx.fillStyle = TARGET;
  ctx.font = '600 12px system-ui, sans-serif';
  ctx.textBaseline = 'bottom';
  // The label sits above the plot, kept inside the canvas at either edge.
  const w = ctx.measureText(target.label).width;
  ctx.textAlign = 'left';
  ctx.fillText(target.label, Math.max(0, Math.min(x - w / 2, chart.width - w)), chartArea.top - 2);
  ctx.restore();
}

function drawInterval(chart: ChartJs, y: number, h: number, low: number, high: number) {
  const { ctx } = chart;
  const x = chart.scales.x!;
  const [a, b] = [x.getPixelForValue(low), x.getPixelForValue(high)];
  const cap = Math.min(8, h / 2);
  ctx.save();
  ctx.strokeStyle = INK;
  ctx.lineWidth = 1.5;
  ctx.beginPath();
  ctx.moveTo(a, y);
  ctx.lineTo(b, y);
  for (const p of [a, b]) {
    ctx.moveTo(p, y - cap / 2);
    ctx.lineTo(p, y + cap / 2);
  }
  ctx.stroke();
  ctx.restore();
}

function drawValue(chart: ChartJs, text: string, reach: number, y: number) {
  const { ctx } = chart;
  ctx.save();
  ctx.font = '600 12px system-ui, sans-serif';
  ctx.textBaseline = 'middle';
  ctx.fillStyle = INK;
  // Beyond the bar and its interval; the chart keeps a right padding for it (VALUE_ROOM).
  const w = ctx.measureText(text).width;
  ctx.fillText(text, Math.min(reach + 6, chart.width - w - 2), y);
  ctx.restore();
}

/** Right padding a chart with bar values needs, so "100,0%" fits beyond the longest bar. */
export const VALUE_ROOM = 56;

/** Registered per chart (never globally): it does nothing on a chart without `barMarks`. */
export const barMarksPlugin: Plugin<'bar' | 'line'> = {
  id: 'barMarks',
  afterDatasetsDraw(chart) {
    // Chart.js types resolved options as deep-partial; the view passes a whole BarMarks.
    const marks = chart.options.plugins?.barMarks as BarMarks | undefined;
    if (!marks) return;
    const meta = chart.getDatasetMeta(0);
    const x = chart.scales.x;
    if (!x) return;
    meta.data.forEach((el, i) => {
      const { x: end, y, height } = el as unknown as { x: number; y: number; height: number };
      const iv = marks.intervals?.[i];
      if (iv) drawInterval(chart, y, height, iv[0], iv[1]);
      const text = marks.values?.[i];
      if (text) drawValue(chart, text, Math.max(end, iv ? x.getPixelForValue(iv[1]) : end), y);
    });
    if (marks.target) drawTarget(chart, marks.target);
  },
};
