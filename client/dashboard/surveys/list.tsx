import { useSignal } from '@preact/signals';
import { api } from '../api.js';
import type { SurveyItem } from '../dto.js';
import { t } from '../i18n.js';
import { ScrollRegion } from '../scroll-region.js';
import { useFetch } from '../indices/use-fetch.js';
import { useAppState } from '../state.js';
import { uploadFile, type ImportProblem } from './files.js';
import { LEVEL_LABEL } from './labels.js';

export type { SurveyItem };

/** A JSON file picked for import while the server has no import route: opened in the editor. */
export let pendingImport: Record<string, unknown> | null = null;

function Import() {
  const { navigate } = useAppState();
  const file = useSignal<File | null>(null);
  const busy = useSignal(false);
  const message = useSignal('');
  const bad = useSignal<ImportProblem[]>([]);
  async function submit(e: Event) {
    e.preventDefault();
    if (!file.value) return void (message.value = t('Xin chọn một tệp.', 'Please pick a file.'));
    busy.value = true;
    message.value = '';
    bad.value = [];
    const r = await uploadFile(file.value);
    busy.value = false;
    if (r.ok) return navigate(`/app/surveys/${encodeURIComponent(r.id)}`);
    if (r.missing && /\.json$/i.test(file.value.name)) {
      try {
        pendingImport = JSON.parse(await file.value.text()) as Record<string, unknown>;
        return navigate('/app/surveys/new?from=file');
      } catch {
        return void (message.value = t(
          'Tệp JSON không đọc được.',
          'The JSON file cannot be read.',
        ));
      }
    }
    message.value = r.message;
    bad.value = r.problems;
  }
  return (
    <form class="inline-form import" onSubmit={submit}>
      <label for="sv-import">
        {t('Nhập bảng hỏi từ tệp (JSON hoặc Excel)', 'Import from a file (JSON or Excel)')}
      </label>
      <input
        id="sv-import"
        type="file"
        accept=".json,.xlsx,application/json,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        onChange={(e) => (file.value = (e.target as HTMLInputElement).files?.[0] ?? null)}
      />
      <button type="submit" class="secondary" disabled={busy.value}>
        {t('Nhập', 'Import')}
      </button>
      {(message.value || bad.value.length > 0) && (
        <div class="error" role="alert">
          <p>{message.value}</p>
          {bad.value.length > 0 && (
            <ul>
              {bad.value.map((p, i) => (
                <li key={i}>
                  {p.where ? `${p.where}: ` : ''}
                  {p.message}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </form>
  );
}

/** Bảng hỏi: every questionnaire the user can use, with where to copy, open or create one. */
export function SurveyList() {
  const { navigate, me } = useAppState();
  const list = useFetch(() => api.api.surveys.$get({ query: {} }), []);
  const campaigns = useFetch(() => api.api.campaigns.$get({ query: { archived: 'include' } }), []);
  const canEdit = me.value?.user.role !== 'viewer';
  const go = (to: string) => (e: Event) => {
    e.preventDefault();
    navigate(to);
  };
  const using = (id: string) => (campaigns.data ?? []).filter((c) => c.surveyId === id);
  return (
    <section class="survey-list">
      <h1>{t('Bảng hỏi', 'Questionnaires')}</h1>
      {canEdit && (
        <>
          <p>
            <a class="button" href="/app/surveys/new" onClick={go('/app/surveys/new')}>
              {t('Tạo bảng hỏi trống', 'New blank questionnaire')}
            </a>
          </p>
          <Import />
        </>
      )}
      {list.error && (
        <p class="error" role="alert">
          {list.error}
        </p>
      )}
      <ScrollRegion label={t('Danh sách bảng hỏi', 'Questionnaires')}>
        <table>
          <thead>
            <tr>
              <th>{t('Tên', 'Title')}</th>
              <th>{t('Cấp học', 'Level')}</th>
              <th>{t('Đơn vị sở hữu', 'Owner unit')}</th>
              <th>{t('Phiên bản', 'Version')}</th>
              <th>{t('Đợt khảo sát dùng', 'Used by campaigns')}</th>
              {canEdit && <th>{t('Thao tác', 'Actions')}</th>}
            </tr>
          </thead>
          <tbody>
            {(list.data ?? []).map((s) => {
              const used = using(s.id);
              const title = t(s.title.vi, s.title.en ?? s.title.vi);
              return (
                <tr key={s.id}>
                  <td>
                    <a
                      href={`/app/surveys/${s.id}`}
                      onClick={go(`/app/surveys/${encodeURIComponent(s.id)}`)}
                    >
                      {title}
                    </a>
                    {s.archived && <span class="kind">{t('Đã lưu trữ', 'Archived')}</span>}
                  </td>
                  <td>{s.level ? t(...(LEVEL_LABEL[s.level] ?? [s.level, s.level])) : '—'}</td>
                  <td>{s.unitName ?? '—'}</td>
                  <td class="num">{s.version}</td>
                  <td>
                    {used.length
                      ? used
                          .map((c) => `${c.name} (${t('phiên bản', 'version')} ${c.surveyVersion})`)
                          .join(', ')
                      : t('Chưa có', 'None')}
                  </td>
                  {canEdit && (
                    <td>
                      <a
                        href={`/app/surveys/new?from=${encodeURIComponent(s.id)}`}
                        onClick={go(`/app/surveys/new?from=${encodeURIComponent(s.id)}`)}
                      >
                        {t('Sao chép', 'Copy')}
                        <span class="sr-only"> — {title}</span>
                      </a>
                    </td>
                  )}
                </tr>
              );
            })}
          </tbody>
        </table>
      </ScrollRegion>
    </section>
  );
}
