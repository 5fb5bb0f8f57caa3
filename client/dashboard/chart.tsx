import {
  BarController,
  BarElement,
  CategoryScale,
  Chart as ChartJs,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
  type ChartData,
  type ChartOptions,
} from 'chart.js';
import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import { barMarksPlugin, type BarMarks } from './chart-marks.js';

// Only the parts the dashboard draws (bars and lines), registered once for the whole bundle.
ChartJs.register(
  BarController,
  BarElement,
  LineController,
  LineElement,
  PointElement,
  CategoryScale,
  LinearScale,
  Tooltip,
  Legend,
);

export type ChartKind = 'bar' | 'line';
export type { BarMarks } from './chart-marks.js';

export interface ChartProps {
  type: ChartKind;
  data: ChartData<ChartKind>;
  options?: ChartOptions<ChartKind>;
  /** What the chart shows, for screen readers (the table view beside it has the figures). */
  label: string;
  /** The caption under the chart: what it shows, for which unit and campaign or period. */
  caption: string;
  /** On horizontal bars: each bar's value written beside it, its interval, the target line. */
  marks?: BarMarks;
  height?: number;
  /** The table view (and any note) that belongs to the chart, inside its figure. */
  children?: ComponentChildren;
}

/** A person who asked their system for less motion gets the chart drawn at once. */
const reducedMotion = () =>
  typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;

function withDefaults(options: ChartOptions<ChartKind> | undefined, marks: BarMarks | undefined) {
  return {
    maintainAspectRatio: false,
    ...(reducedMotion() ? { animation: false } : {}),
    ...options,
    plugins: { ...options?.plugins, barMarks: marks },
  } as ChartOptions<ChartKind>;
}

/**
 * The one Chart.js wrapper: creates the chart once, updates it in place when data, options or
 * marks change (no flicker, no leaked canvases), destroys it on unmount. Callers memoise data,
 * options and marks so an unrelated re-render does not redraw. The chart is a figure with its
 * caption and its table view; it takes the width it is given (responsive), never more.
 */
export function Chart({
  type,
  data,
  options,
  label,
  caption,
  marks,
  height = 280,
  children,
}: ChartProps) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const chart = useRef<ChartJs<ChartKind> | null>(null);
  const drawn = useRef<{ data: unknown; options: unknown; marks: unknown } | null>(null);

  useEffect(() => {
    if (!canvas.current) return;
    chart.current = new ChartJs<ChartKind>(canvas.current, {
      type,
      data,
      options: withDefaults(options, marks),
      plugins: [barMarksPlugin],
    });
    drawn.current = { data, options, marks };
    return () => {
      chart.current?.destroy();
      chart.current = null;
    };
  }, [type]);

  useEffect(() => {
    const c = chart.current;
    const d = drawn.current;
    if (!c || (d?.data === data && d.options === options && d.marks === marks)) return;
    c.data = data;
    c.options = withDefaults(options, marks);
    c.update();
    drawn.current = { data, options, marks };
  }, [data, options, marks]);

  return (
    <figure class="chart-figure">
      <div class="chart" style={{ height: `${height}px` }}>
        <canvas ref={canvas} role="img" aria-label={label} />
      </div>
      <figcaption>{caption}</figcaption>
      {children}
    </figure>
  );
}
