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
      render(<Chart type="bar" data={first} options={options} label="Chỉ số" />, host),
    );
    expect(liveCharts()).toHaveLength(1);
    const chart = liveCharts()[0]!;
    expect(chart.data.datasets[0]!.data).toEqual([80, 60]);
    expect(host.querySelector('canvas')?.getAttribute('aria-label')).toBe('Chỉ số');
    const updatesAtCreation = update.mock.calls.length;

    // The same props again: nothing redrawn.
    await act(() =>
      render(<Chart type="bar" data={first} options={options} label="Chỉ số" />, host),
    );
    expect(update.mock.calls.length).toBe(updatesAtCreation);

    await act(() =>
      render(<Chart type="bar" data={data([90, 70])} options={options} label="Chỉ số" />, host),
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
});
