// @vitest-environment happy-dom
import { Chart as ChartJs } from 'chart.js';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { Chart } from '../../client/dashboard/chart.js';

/**
 * happy-dom has no canvas: a 2D context that accepts every drawing call and measures text as
 * 0 wide lets a real Chart.js instance run its full create/update/destroy cycle.
 */
function stubContext(canvas: HTMLCanvasElement): CanvasRenderingContext2D {
  const state: Record<PropertyKey, unknown> = { canvas };
  return new Proxy(state, {
    get: (target, prop) =>
      prop in target
        ? target[prop]
        : () => ({ width: 0, actualBoundingBoxAscent: 0, actualBoundingBoxDescent: 0 }),
    set: (target, prop, value) => {
      target[prop] = value;
      return true;
    },
  }) as unknown as CanvasRenderingContext2D;
}

const data = (values: number[]) => ({
  labels: ['A', 'B'],
  datasets: [{ label: 'Chỉ số', data: values }],
});
const options = { animation: false as const };

describe('Chart', () => {
  let host: HTMLElement;
  beforeEach(() => {
    vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockImplementation(function (
      this: HTMLCanvasElement,
    ) {
      return stubContext(this);
    } as never);
    host = document.createElement('div');
    document.body.appendChild(host);
  });
  afterEach(() => {
    vi.restoreAllMocks();
    host.remove();
  });

  const liveCharts = () => Object.values(ChartJs.instances);

  test('creates one chart, updates it in place on new data, destroys it on unmount', async () => {
    const update = vi.spyOn(ChartJs.prototype, 'update');
    const destroy = vi.spyOn(ChartJs.prototype, 'destroy');

    const first = data([80, 60]);
    await act(() =>
      render(
        <Chart
          type="bar"
          data={first}
          options={options}
          label="Chỉ số"
          caption="Chỉ số theo yếu tố"
        />,
        host,
      ),
    );
    expect(liveCharts()).toHaveLength(1);
    const chart = liveCharts()[0]!;
    expect(chart.data.datasets[0]!.data).toEqual([80, 60]);
    expect(host.querySelector('canvas')?.getAttribute('aria-label')).toBe('Chỉ số');
    const updatesAtCreation = update.mock.calls.length;

    // The same props again: nothing redrawn.
    await act(() =>
      render(
        <Chart
          type="bar"
          data={first}
          options={options}
          label="Chỉ số"
          caption="Chỉ số theo yếu tố"
        />,
        host,
      ),
    );
    expect(update.mock.calls.length).toBe(updatesAtCreation);

    await act(() =>
      render(
        <Chart
          type="bar"
          data={data([90, 70])}
          options={options}
          label="Chỉ số"
          caption="Chỉ số theo yếu tố"
        />,
        host,
      ),
    );
    expect(liveCharts()).toEqual([chart]);
    expect(update.mock.calls.length).toBe(updatesAtCreation + 1);
    expect(chart.data.datasets[0]!.data).toEqual([90, 70]);
    expect(destroy).not.toHaveBeenCalled();

    await act(() => render(null, host));
    expect(destroy).toHaveBeenCalledTimes(1);
    expect(liveCharts()).toHaveLength(0);
    expect(host.querySelector('canvas')).toBeNull();
  });

  test("writes each bar's value, its interval and the target line on the chart, and a caption", async () => {
    const texts: string[] = [];
    const strokes = { lines: 0 };
    vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockImplementation(function (
      this: HTMLCanvasElement,
    ) {
      const ctx = stubContext(this);
      return new Proxy(ctx, {
        get: (target, prop) =>
          prop === 'fillText'
            ? (text: string) => texts.push(text)
            : prop === 'lineTo'
              ? () => strokes.lines++
              : Reflect.get(target, prop),
      });
    } as never);
    // happy-dom lays nothing out: give the chart's box a size so Chart.js draws.
    vi.spyOn(HTMLElement.prototype, 'clientWidth', 'get').mockReturnValue(400);
    vi.spyOn(HTMLElement.prototype, 'clientHeight', 'get').mockReturnValue(200);
    const marks = {
      values: ['82,4%', '60,0%'],
      intervals: [
        [75.2, 89.4],
        [50, 70],
      ] as [number, number][],
      target: { value: 85, label: 'Chỉ tiêu 85,0%' },
    };
    await act(() =>
      render(
        <Chart
          type="bar"
          data={data([82.4, 60])}
          options={{ ...options, indexAxis: 'y', responsive: false }}
          marks={marks}
          label="Chỉ số"
          caption="Chỉ số theo yếu tố — Trường THCS Đông Thái"
        />,
        host,
      ),
    );
    expect(texts).toEqual(expect.arrayContaining(['82,4%', '60,0%', 'Chỉ tiêu 85,0%']));
    expect(host.querySelector('figcaption')?.textContent).toBe(
      'Chỉ số theo yếu tố — Trường THCS Đông Thái',
    );
    await act(() => render(null, host));
  });
});
