import type { ComponentChildren } from 'preact';
import { t } from './i18n.js';

/** What a page or a chart shows while its data is on the way (its container is aria-busy). */
export function Loading({ what }: { what?: string }) {
  return (
    <p class="loading" role="status">
      <span class="spinner" aria-hidden="true" />
      {what ? `${t('Đang tải', 'Loading')} ${what}…` : t('Đang tải…', 'Loading…')}
    </p>
  );
}

/** An empty state: what is missing and, as a link or a button, what to do next. */
export function Empty({ children }: { children: ComponentChildren }) {
  return <div class="empty-state">{children}</div>;
}
