import { api, ApiError, call } from '../api.js';
import { t } from '../i18n.js';
import { placeOf } from './errors.js';

/** What a page says when this server does not offer a questionnaire route yet. */
export const NOT_YET = () =>
  t('Máy chủ chưa hỗ trợ thao tác này.', 'The server does not support this yet.');

function save(blob: Blob, name: string): void {
  const a = document.createElement('a');
  a.href = URL.createObjectURL(blob);
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 1000);
}

export function downloadJson(def: unknown, name: string): void {
  save(new Blob([JSON.stringify(def, null, 2)], { type: 'application/json' }), name);
}

/** Fetches a file the server makes and saves it; answers what to tell the user ('' when saved). */
export async function download(url: string, name: string): Promise<string> {
  const r = await fetch(url, { credentials: 'same-origin' });
  if (r.status === 404) return NOT_YET();
  if (!r.ok) return t('Không tải được tệp.', 'The file could not be downloaded.');
  save(await r.blob(), name);
  return '';
}

export interface ImportProblem {
  where: string;
  message: string;
}

/** A server's list of bad rows or fields, each said as a place and a reason. */
export function problems(details: unknown): ImportProblem[] {
  const list = Array.isArray(details)
    ? details
    : Array.isArray((details as { rejected?: unknown } | null)?.rejected)
      ? (details as { rejected: unknown[] }).rejected
      : [];
  return list.map((d: unknown) => {
    const o = (d ?? {}) as {
      row?: number;
      path?: string | (string | number)[];
      message?: string;
      reason?: string;
    };
    const path = Array.isArray(o.path)
      ? o.path
      : typeof o.path === 'string' && o.path
        ? o.path.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p))
        : null;
    return {
      where: o.row !== undefined ? t(`Dòng ${o.row}`, `Row ${o.row}`) : path ? placeOf(path) : '',
      message: String(o.message ?? o.reason ?? ''),
    };
  });
}

export type ImportResult =
  | { ok: true; id: string; version: number }
  | { ok: false; message: string; problems: ImportProblem[]; missing?: boolean };

/** Uploads a JSON or XLSX questionnaire (the server checks it as it checks a saved one). */
export async function uploadFile(file: File): Promise<ImportResult> {
  try {
    const r = await call(api.api.surveys.import.$post({ form: { file } }));
    return { ok: true, id: r.id, version: r.version };
  } catch (e) {
    if (!(e instanceof ApiError)) throw e;
    return { ok: false, message: e.message, problems: problems(e.details) };
  }
}
