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
import { useEffect, useRef } from 'preact/hooks';

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

export interface ChartProps {
  type: ChartKind;
  data: ChartData<ChartKind>;
  options?: ChartOptions<ChartKind>;
  /** What the chart shows, for screen readers (the table view beside it has the figures). */
  label: string;
  height?: number;
}

/**
 * The one Chart.js wrapper: creates the chart once, updates it in place when data or options
 * change (no flicker, no leaked canvases), destroys it on unmount. Callers memoise data and
 * options so an unrelated re-render does not redraw.
 */
export function Chart({ type, data, options, label, height = 280 }: ChartProps) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const chart = useRef<ChartJs<ChartKind> | null>(null);
  const drawn = useRef<{ data: unknown; options: unknown } | null>(null);

  useEffect(() => {
    if (!canvas.current) return;
    chart.current = new ChartJs<ChartKind>(canvas.current, {
      type,
      data,
      options: { maintainAspectRatio: false, ...options },
    });
    drawn.current = { data, options };
    return () => {
      chart.current?.destroy();
      chart.current = null;
    };
  }, [type]);

  useEffect(() => {
    const c = chart.current;
    if (!c || (drawn.current?.data === data && drawn.current.options === options)) return;
    c.data = data;
    c.options = { maintainAspectRatio: false, ...options };
    c.update();
    drawn.current = { data, options };
  }, [data, options]);

  return (
    <div class="chart" style={{ height: `${height}px` }}>
      <canvas ref={canvas} role="img" aria-label={label} />
    </div>
  );
}
