import { useSignal } from '@preact/signals';
import { api, ApiError, call } from '../api.js';
import type { SurveyDetail } from '../dto.js';
import { lang } from '../i18n.js';
import { when } from '../campaigns/campaign-detail.js';
import { t } from '../i18n.js';
import { ScrollRegion } from '../scroll-region.js';
import { describeChanges } from './diff.js';
import { download, downloadJson, NOT_YET } from './files.js';

type Obj = Record<string, unknown>;
export interface VersionInfo {
  version: number;
  createdAt?: string;
  /** The campaigns opened with this version: names, or only how many. */
  campaigns?: unknown;
}
export type { SurveyDetail };

/** The campaigns of a version, as the server gives them (names, objects or a count). */
function campaignsOf(v: VersionInfo): { names: string[]; count: number } {
  const c = v.campaigns;
  if (typeof c === 'number') return { names: [], count: c };
  if (!Array.isArray(c)) return { names: [], count: 0 };
  const names = c.map((x: unknown) =>
    typeof x === 'string' ? x : String((x as { name?: string }).name ?? ''),
  );
  return { names: names.filter(Boolean), count: c.length };
}

export function campaignCount(d: SurveyDetail): number {
  return d.versions.reduce((n, v) => n + campaignsOf(v).count, 0);
}

/** One version's definition, from the server (the current one is at hand). */
async function definitionAt(d: SurveyDetail, version: number): Promise<Obj | null> {
  if (version === d.version) return d.definition;
  const r = await call(
    api.api.surveys[':id'].$get({
      param: { id: encodeURIComponent(d.id) },
      query: { version: String(version) },
    }),
  );
  return r.definition;
}

/** The server's list of changes between two versions, as sentences in the chosen language. */
async function serverDiff(id: string, from: number, to: number): Promise<string[] | null> {
  const r = await call(
    api.api.surveys[':id'].diff.$get({
      param: { id: encodeURIComponent(id) },
      query: { from: String(from), to: String(to) },
    }),
  );
  return r.changes.map((c) => (lang.value === 'en' ? c.summary.en : c.summary.vi));
}

function Diff({ d }: { d: SurveyDetail }) {
  const versions = d.versions.map((v) => v.version).sort((a, b) => a - b);
  const from = useSignal(versions[Math.max(0, versions.length - 2)] ?? d.version);
  const to = useSignal(versions[versions.length - 1] ?? d.version);
  const result = useSignal<string[] | null>(null);
  const note = useSignal('');
  async function compare(e: Event) {
    e.preventDefault();
    note.value = '';
    result.value = null;
    // Said from the two definitions, so each change names its question by its text (the diff
    // route's sentences name items by their ids, which a person does not read).
    const [a, b] = await Promise.all([definitionAt(d, from.value), definitionAt(d, to.value)]);
    if (a && b) return void (result.value = describeChanges(a, b));
    const lines = await serverDiff(d.id, from.value, to.value);
    if (lines) return void (result.value = lines);
    note.value = t(
      'Máy chủ chưa cho xem nội dung các phiên bản cũ, nên chưa so sánh được.',
      'The server does not offer older versions yet, so they cannot be compared.',
    );
  }
  const pick = (label: string, id: string, s: typeof from) => (
    <div class="field">
      <label for={id}>{label}</label>
      <select
        id={id}
        value={String(s.value)}
        onChange={(e) => (s.value = Number((e.target as HTMLSelectElement).value))}
      >
        {versions.map((v) => (
          <option key={v} value={v}>
            {t('Phiên bản', 'Version')} {v}
          </option>
        ))}
      </select>
    </div>
  );
  return (
    <form class="diff" onSubmit={compare} aria-labelledby="diff-h">
      <h3 id="diff-h">{t('Những gì đã thay đổi', 'What changed')}</h3>
      <div class="row-fields">
        {pick(t('Từ', 'From'), 'diff-from', from)}
        {pick(t('Đến', 'To'), 'diff-to', to)}
        <button type="submit" class="secondary">
          {t('So sánh', 'Compare')}
        </button>
      </div>
      <div aria-live="polite">
        {note.value && <p class="notice">{note.value}</p>}
        {result.value &&
          (result.value.length ? (
            <ul class="changes">
              {result.value.map((l, i) => (
                <li key={i}>{l}</li>
              ))}
            </ul>
          ) : (
            <p>{t('Hai phiên bản giống nhau.', 'The two versions are the same.')}</p>
          ))}
      </div>
    </form>
  );
}

/** Versions, what changed, downloads, and deleting or archiving the questionnaire. */
export function Versions({
  d,
  canEdit,
  onGone,
}: {
  d: SurveyDetail;
  canEdit: boolean;
  onGone: (message: string) => void;
}) {
  const msg = useSignal('');
  const inUse = campaignCount(d) > 0;
  async function remove() {
    if (!confirm(t('Xoá hẳn bảng hỏi này?', 'Delete this questionnaire for good?'))) return;
    try {
      await call(api.api.surveys[':id'].$delete({ param: { id: encodeURIComponent(d.id) } }));
      onGone(t('Đã xoá bảng hỏi.', 'The questionnaire was deleted.'));
    } catch (e) {
      msg.value = e instanceof ApiError && e.status === 404 ? NOT_YET() : (e as Error).message;
    }
  }
  async function archive() {
    try {
      await call(api.api.surveys[':id'].archive.$post({ param: { id: encodeURIComponent(d.id) } }));
      onGone(
        t(
          'Đã lưu trữ bảng hỏi: không dùng được cho đợt khảo sát mới.',
          'Archived: no new campaign can use it.',
        ),
      );
    } catch (e) {
      msg.value = e instanceof ApiError && e.status === 404 ? NOT_YET() : (e as Error).message;
    }
  }
  return (
    <section class="versions" aria-labelledby="versions-h">
      <h2 id="versions-h">{t('Các phiên bản', 'Versions')}</h2>
      <ScrollRegion label={t('Các phiên bản', 'Versions')}>
        <table>
          <thead>
            <tr>
              <th>{t('Phiên bản', 'Version')}</th>
              <th>{t('Ngày tạo', 'Created')}</th>
              <th>{t('Đợt khảo sát dùng phiên bản này', 'Campaigns using it')}</th>
            </tr>
          </thead>
          <tbody>
            {[...d.versions]
              .sort((a, b) => b.version - a.version)
              .map((v) => {
                const c = campaignsOf(v);
                return (
                  <tr key={v.version}>
                    <td>
                      {t('Phiên bản', 'Version')} {v.version}
                    </td>
                    <td>{v.createdAt ? when(v.createdAt) : '—'}</td>
                    <td>
                      {c.names.length
                        ? c.names.join(', ')
                        : c.count
                          ? t(`${c.count} đợt`, `${c.count} campaign${c.count > 1 ? 's' : ''}`)
                          : t('Chưa có', 'None')}
                    </td>
                  </tr>
                );
              })}
          </tbody>
        </table>
      </ScrollRegion>
      {d.versions.length > 1 && <Diff d={d} />}
      <h3>{t('Tải về', 'Download')}</h3>
      <p class="actions">
        <button
          type="button"
          class="secondary"
          onClick={() => downloadJson(d.definition, `${d.id}-v${d.version}.json`)}
        >
          {t('Tải JSON', 'Download JSON')}
        </button>
        <button
          type="button"
          class="secondary"
          onClick={() =>
            void download(
              api.api.surveys[':id'].export.$path({
                param: { id: encodeURIComponent(d.id) },
                query: { format: 'xlsx' },
              }),
              `${d.id}-v${d.version}.xlsx`,
            ).then((m) => (msg.value = m))
          }
        >
          {t('Tải Excel (XLSX)', 'Download Excel (XLSX)')}
        </button>
      </p>
      {canEdit && (
        <>
          <h3>{inUse ? t('Lưu trữ', 'Archive') : t('Xoá', 'Delete')}</h3>
          {inUse ? (
            <p>
              {t(
                'Bảng hỏi đã được đợt khảo sát sử dụng nên không xoá được; lưu trữ để không dùng cho đợt mới.',
                'Campaigns use this questionnaire, so it cannot be deleted; archive it so no new campaign uses it.',
              )}{' '}
              <button type="button" class="secondary" onClick={() => void archive()}>
                {t('Lưu trữ bảng hỏi', 'Archive questionnaire')}
              </button>
            </p>
          ) : (
            <p>
              {t(
                'Chưa đợt khảo sát nào dùng bảng hỏi này.',
                'No campaign uses this questionnaire.',
              )}{' '}
              <button type="button" class="danger" onClick={() => void remove()}>
                {t('Xoá bảng hỏi', 'Delete questionnaire')}
              </button>
            </p>
          )}
        </>
      )}
      <p role="status">{msg.value}</p>
    </section>
  );
}
