import type { ComponentChildren } from 'preact';

/** One bar: its name, its value (0–100), its value as written, its 95% interval, its tooltip. */
export interface Bar {
  label: string;
  value: number | null;
  text: string | null;
  interval: [number, number] | null;
  title: string;
}

const AXIS = [0, 20, 40, 60, 80, 100];
const at = (v: number) => `${Math.max(0, Math.min(100, v))}%`;

/**
 * A horizontal bar chart of percentages (0–100) drawn with HTML and CSS, for the overview: the
 * page that opens first must not wait for Chart.js (60 KB gzipped, more than the whole page's
 * budget on a slow link). Each bar carries its value as text, its interval as a black line with
 * whiskers and a dashed red target line; the text stays the page's size on a phone. A screen
 * reader reads one image with its label; the figures are in the table view (`children`).
 */
export function BarChart({
  bars,
  target,
  label,
  caption,
  children,
}: {
  bars: Bar[];
  target: { value: number; label: string } | null;
  /** What the chart shows, for screen readers. */
  label: string;
  caption: string;
  children?: ComponentChildren;
}) {
  return (
    <figure class="chart-figure">
      <div class="hbars" role="img" aria-label={label}>
        {target && (
          <div class="hbar-row hbar-head" aria-hidden="true">
            <span />
            <span class="hbar-track">
              <span class="hbar-target-label" style={{ left: at(target.value) }}>
                {target.label}
              </span>
            </span>
          </div>
        )}
        {bars.map((b, i) => (
          <div key={i} class="hbar-row" title={b.title} aria-hidden="true">
            <span class="hbar-label">{b.label}</span>
            <span class="hbar-track">
              {b.value != null && <span class="hbar-bar" style={{ width: at(b.value) }} />}
              {b.interval && (
                <span
                  class="hbar-interval"
                  style={{ left: at(b.interval[0]), width: at(b.interval[1] - b.interval[0]) }}
                />
              )}
              {target && <span class="hbar-target" style={{ left: at(target.value) }} />}
              {b.text && (
                <span
                  class="hbar-value"
                  style={{ left: at(Math.max(b.value ?? 0, b.interval?.[1] ?? 0)) }}
                >
                  {b.text}
                </span>
              )}
            </span>
          </div>
        ))}
        <div class="hbar-row hbar-axis" aria-hidden="true">
          <span />
          <span class="hbar-track">
            {AXIS.map((v) => (
              <span key={v} class={v % 50 ? 'hbar-minor' : undefined} style={{ left: at(v) }}>
                {v}%
              </span>
            ))}
          </span>
        </div>
      </div>
      <figcaption>{caption}</figcaption>
      {children}
    </figure>
  );
}
