import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import { TEMPLATE_PLACEHOLDERS } from '../../../server/domain/inbox.js';
import { api, call, type Res } from '../api.js';
import { lang, t } from '../i18n.js';
import { useAppState } from '../state.js';

type Template = Res<typeof api.api.feedback.templates.$get>[number];

const errorText = (e: unknown) => (e instanceof Error ? e.message : String(e));

/** Add or change one template: a title and a text with placeholders. */
function TemplateForm({
  initial,
  onSave,
  onCancel,
}: {
  initial?: Template;
  onSave: (v: { title: string; body: string }) => Promise<void>;
  onCancel?: () => void;
}) {
  const title = useSignal(initial?.title ?? '');
  const body = useSignal(initial?.body ?? '');
  const error = useSignal<string | null>(null);
  const submit = async (e: Event) => {
    e.preventDefault();
    error.value = null;
    try {
      await onSave({ title: title.value, body: body.value });
      if (!initial) {
        title.value = '';
        body.value = '';
      }
    } catch (err) {
      error.value = errorText(err);
    }
  };
  return (
    <form class="card" onSubmit={submit}>
      <label>
        {t('Tên mẫu', 'Template name')}
        <input
          required
          maxLength={120}
          value={title.value}
          onInput={(e) => (title.value = e.currentTarget.value)}
        />
      </label>
      <label>
        {t('Nội dung mẫu', 'Template text')}
        <textarea
          required
          rows={5}
          value={body.value}
          onInput={(e) => (body.value = e.currentTarget.value)}
        />
      </label>
      <p class="muted">
        {t('Có thể dùng', 'You may use')}{' '}
        {Object.entries(TEMPLATE_PLACEHOLDERS).map(([k, v], i) => (
          <span key={k}>
            {i > 0 && ', '}
            <code>{k}</code> ({v[lang.value]})
          </span>
        ))}
      </p>
      {error.value && (
        <p class="error" role="alert">
          {error.value}
        </p>
      )}
      <p class="inline-form">
        <button type="submit">{initial ? t('Lưu', 'Save') : t('Thêm mẫu', 'Add template')}</button>
        {onCancel && (
          <button type="button" class="secondary" onClick={onCancel}>
            {t('Huỷ', 'Cancel')}
          </button>
        )}
      </p>
    </form>
  );
}

/**
 * /app/feedback/templates: a unit's reply templates. The list shows those usable for the unit
 * chosen (its own and those of the units above it); only those of the user's own subtree can be
 * changed, and only by managers.
 */
export function ReplyTemplates() {
  const { units, me, navigate } = useAppState();
  const unitId = useSignal(me.value?.unit.id ?? '');
  const list = useSignal<Template[] | null>(null);
  const editing = useSignal<string | null>(null);
  const error = useSignal<string | null>(null);
  const canWrite = !!me.value && me.value.user.role !== 'viewer';
  const load = () =>
    call(api.api.feedback.templates.$get({ query: { unitId: unitId.value || undefined } }))
      .then((x) => ((list.value = x), (error.value = null)))
      .catch((e: unknown) => (error.value = errorText(e)));
  useEffect(() => void load(), [unitId.value]);
  const remove = async (id: string) => {
    try {
      await call(api.api.feedback.templates[':id'].$delete({ param: { id } }));
      await load();
    } catch (e) {
      error.value = errorText(e);
    }
  };
  return (
    <section>
      <p>
        <a href="/app/feedback" onClick={(e) => (e.preventDefault(), navigate('/app/feedback'))}>
          ← {t('Hộp phản ánh', 'Inbox')}
        </a>
      </p>
      <h1>{t('Mẫu trả lời', 'Reply templates')}</h1>
      <div class="scope-bar">
        <label>
          {t('Đơn vị', 'Unit')}
          <select value={unitId.value} onChange={(e) => (unitId.value = e.currentTarget.value)}>
            {units.value.map((u) => (
              <option key={u.id} value={u.id}>
                {u.name}
              </option>
            ))}
          </select>
        </label>
      </div>
      {error.value && (
        <p class="error" role="alert">
          {error.value}
        </p>
      )}
      {list.value && !list.value.length && (
        <p class="muted">{t('Chưa có mẫu nào.', 'No templates yet.')}</p>
      )}
      {list.value?.map((tpl) =>
        editing.value === tpl.id ? (
          <TemplateForm
            key={tpl.id}
            initial={tpl}
            onCancel={() => (editing.value = null)}
            onSave={async (v) => {
              await call(
                api.api.feedback.templates[':id'].$patch({ param: { id: tpl.id }, json: v }),
              );
              editing.value = null;
              await load();
            }}
          />
        ) : (
          <article class="card" key={tpl.id}>
            <h2 style="font-size:1rem;margin:0">{tpl.title}</h2>
            <p class="muted">{tpl.unitName}</p>
            <p style="white-space:pre-wrap">{tpl.body}</p>
            {canWrite && tpl.editable && (
              <p class="inline-form">
                <button type="button" class="secondary" onClick={() => (editing.value = tpl.id)}>
                  {t(`Sửa mẫu ${tpl.title}`, `Edit ${tpl.title}`)}
                </button>
                <button type="button" class="secondary" onClick={() => void remove(tpl.id)}>
                  {t(`Xoá mẫu ${tpl.title}`, `Delete ${tpl.title}`)}
                </button>
              </p>
            )}
          </article>
        ),
      )}
      {canWrite && (
        <>
          <h2>{t('Thêm mẫu cho đơn vị này', 'Add a template for this unit')}</h2>
          <TemplateForm
            onSave={async (v) => {
              await call(
                api.api.feedback.templates.$post({ json: { ...v, unitId: unitId.value } }),
              );
              await load();
            }}
          />
        </>
      )}
    </section>
  );
}
