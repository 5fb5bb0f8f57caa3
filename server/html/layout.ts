import { html, raw } from 'hono/html';
import type { HtmlEscapedString } from 'hono/utils/html';

type Content = HtmlEscapedString | Promise<HtmlEscapedString> | string;

/** The shared HTML shell: Vietnamese first, phone viewport, one stylesheet, no inline script. */
export function page(opts: {
  title: string;
  body: Content;
  lang?: 'vi' | 'en';
  scripts?: string[];
  styles?: string[];
}) {
  const styles = opts.styles ?? ['/assets/base.css'];
  return html`<!doctype html>
<html lang="${opts.lang ?? 'vi'}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${opts.title}</title>
${styles.map((s) => html`<link rel="stylesheet" href="${s}">`)}
</head>
<body>
${opts.body}
${(opts.scripts ?? []).map((s) => html`<script type="module" src="${s}"></script>`)}
</body>
</html>`;
}

export { html, raw };
