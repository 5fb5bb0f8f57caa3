import type { ComponentChildren } from 'preact';

/**
 * A wide table's own scroll box: on a phone the table scrolls sideways inside it and the page
 * does not. Focusable and named, so a keyboard can scroll it and a screen reader announces it.
 */
export function ScrollRegion({ label, children }: { label: string; children: ComponentChildren }) {
  return (
    <div class="table-scroll" role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}
