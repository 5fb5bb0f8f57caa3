import { useSignal } from '@preact/signals';
import { useEffect, useMemo } from 'preact/hooks';
import { api, ApiError, call } from '../api.js';
import type { SurveyDetail } from '../dto.js';
import { t } from '../i18n.js';
import { useAppState } from '../state.js';
import { DefinitionForm, ErrorSummary } from './editor.js';
import { problems } from './files.js';
import { pendingImport, SurveyList } from './list.js';
import { blankDefinition, fromDefinition, slug, unique, type EDef } from './model.js';
import { Preview } from './preview.js';
import { createEditor, EditorContext, type Path } from './store.js';
import { Versions } from './versions.js';

type Loaded = { detail: SurveyDetail | null; edit: EDef; editable: boolean; taken: string[] };

/** A message carried over a navigation (the save that created a questionnaire). */
let flash = '';

/** GET /api/surveys/:id: the newest version, its definition and every version; null if gone. */
async function loadDetail(id: string): Promise<SurveyDetail | null> {
  try {
    return await call(
      api.api.surveys[':id'].$get({ param: { id: encodeURIComponent(id) }, query: {} }),
    );
  } catch (e) {
    if (e instanceof ApiError && e.status === 404) return null;
    throw e;
  }
}

async function load(id: string | null, from: string | null): Promise<Loaded | null> {
  const list = await call(api.api.surveys.$get({ query: {} }));
  const taken = list.map((s) => s.id);
  if (id) {
    const detail = await loadDetail(id);
    if (!detail) return null;
    const item = list.find((s) => s.id === id);
    return {
      detail,
      edit: fromDefinition(detail.definition),
      editable: item?.editable !== false,
      taken,
    };
  }
  const source = from === 'file' ? pendingImport : from ? list.find((s) => s.id === from) : null;
  if (!source) {
    return { detail: null, edit: blankDefinition(), editable: true, taken };
  }
  const edit = fromDefinition(source);
  if (from !== 'file') edit.title.vi = `${edit.title.vi} (${t('bản sao', 'copy')})`;
  edit.id = unique(slug(edit.title.vi) || edit.id, taken, 'bang-hoi');
  edit.auto = true;
  return { detail: null, edit, editable: true, taken };
}

type Tab = 'edit' | 'preview' | 'versions';

function Workspace({ loaded, reload }: { loaded: Loaded; reload: (id: string) => void }) {
  const { me, navigate } = useAppState();
  const readOnly = me.value?.user.role === 'viewer' || !loaded.editable;
  const ed = useMemo(() => createEditor(loaded.edit, readOnly), [loaded]);
  const tab = useSignal<Tab>('edit');
  const status = useSignal('');
  const serverErrors = useSignal<{ path: Path; message: string }[]>([]);
  const busy = useSignal(false);
  // What the save before this page said (it navigated here): shown once, then forgotten.
  useEffect(() => {
    status.value = flash;
    flash = '';
  }, []);
  const d = loaded.detail;
  const checked = ed.checked.value;

  async function save() {
    serverErrors.value = [];
    status.value = '';
    if (checked.errors.length) {
      ed.showAll.value = true;
      status.value = t('Chưa lưu: còn lỗi cần sửa.', 'Not saved: there are problems to fix.');
      setTimeout(() => document.getElementById('error-summary')?.focus(), 0);
      return;
    }
    busy.value = true;
    try {
      const r = d
        ? await call(
            api.api.surveys[':id'].$put({
              param: { id: encodeURIComponent(d.id) },
              json: checked.definition,
            }),
          )
        : await call(api.api.surveys.$post({ json: checked.definition }));
      flash = t(`Đã lưu: phiên bản ${r.version}.`, `Saved: version ${r.version}.`);
      if (d) reload(r.id);
      else navigate(`/app/surveys/${encodeURIComponent(r.id)}`);
    } catch (e) {
      const err = e instanceof ApiError ? e : null;
      status.value =
        err?.status === 404
          ? t('Máy chủ chưa hỗ trợ lưu bảng hỏi.', 'The server cannot save questionnaires yet.')
          : (e as Error).message;
      serverErrors.value = problems(err?.details).map((p) => ({
        path: [],
        message: `${p.where ? p.where + ': ' : ''}${p.message}`,
      }));
    } finally {
      busy.value = false;
    }
  }

  const title = ed.def.value.title.vi || t('Bảng hỏi mới', 'New questionnaire');
  const tabs: [Tab, string][] = [
    ['edit', readOnly ? t('Nội dung', 'Content') : t('Soạn thảo', 'Edit')],
    ['preview', t('Xem trước', 'Preview')],
    ...(d ? [['versions', t('Phiên bản', 'Versions')] as [Tab, string]] : []),
  ];
  return (
    <EditorContext.Provider value={ed}>
      <section class="survey-editor">
        <p>
          <a
            href="/app/surveys"
            onClick={(e) => {
              e.preventDefault();
              navigate('/app/surveys');
            }}
          >
            {t('← Danh sách bảng hỏi', '← All questionnaires')}
          </a>
        </p>
        <h1>
          {title}
          {d && (
            <span class="version-badge">
              {' '}
              · {t('Phiên bản', 'Version')} {d.version}
            </span>
          )}
        </h1>
        {readOnly && (
          <p class="notice">
            {t(
              'Quý vị chỉ được xem bảng hỏi này, không sửa được.',
              'You can view this questionnaire but not edit it.',
            )}
          </p>
        )}
        <div class="tabs" role="group" aria-label={t('Phần của trình soạn', 'Editor parts')}>
          {tabs.map(([k, label]) => (
            <button
              key={k}
              type="button"
              class="secondary"
              aria-pressed={tab.value === k}
              onClick={() => (tab.value = k)}
            >
              {label}
            </button>
          ))}
          {!readOnly && (
            <button type="button" onClick={() => void save()} disabled={busy.value}>
              {d
                ? t('Lưu phiên bản mới', 'Save as a new version')
                : t('Lưu bảng hỏi', 'Save questionnaire')}
            </button>
          )}
        </div>
        <p role="status" class="save-status">
          {status.value}
        </p>
        <ErrorSummary extra={serverErrors.value} />
        <p class="sr-only" aria-live="polite">
          {ed.live.value}
        </p>
        {tab.value === 'edit' && <DefinitionForm isNew={!d} taken={loaded.taken} />}
        {tab.value === 'preview' &&
          (checked.errors.length ? (
            <p class="notice">
              {t(
                'Sửa các lỗi ở trên để xem trước bảng hỏi.',
                'Fix the problems above to preview the questionnaire.',
              )}
            </p>
          ) : (
            <Preview definition={checked.definition} unit={me.value?.unit.name ?? ''} />
          ))}
        {tab.value === 'versions' && d && (
          <Versions
            d={d}
            canEdit={!readOnly}
            onGone={(m) => {
              flash = m;
              navigate('/app/surveys');
            }}
          />
        )}
      </section>
    </EditorContext.Provider>
  );
}

function EditorPage({ id, from }: { id: string | null; from: string | null }) {
  const loaded = useSignal<Loaded | null | undefined>(undefined);
  const round = useSignal(0);
  const error = useSignal('');
  const run = (which: string | null) =>
    load(which, from).then(
      (l) => {
        round.value++;
        loaded.value = l;
      },
      (e: unknown) => (error.value = e instanceof Error ? e.message : String(e)),
    );
  useEffect(() => {
    loaded.value = undefined;
    void run(id);
  }, [id, from]);
  if (error.value)
    return (
      <p class="error" role="alert">
        {error.value}
      </p>
    );
  if (loaded.value === undefined) return <p>{t('Đang tải…', 'Loading…')}</p>;
  if (loaded.value === null)
    return <p>{t('Không tìm thấy bảng hỏi.', 'No such questionnaire.')}</p>;
  return <Workspace key={round.value} loaded={loaded.value} reload={(x) => void run(x)} />;
}

/** /app/surveys, /app/surveys/new[?from=id] and /app/surveys/:id. */
export function SurveysView() {
  const { path } = useAppState();
  const rest = path.value.replace(/^\/app\/surveys\/?/, '');
  if (rest === 'new')
    return <EditorPage id={null} from={new URLSearchParams(location.search).get('from')} />;
  if (rest) return <EditorPage id={decodeURIComponent(rest)} from={null} />;
  return <SurveyList />;
}
