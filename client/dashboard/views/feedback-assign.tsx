import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import { api, call, type Res } from '../api.js';
import type { FeedbackDetailDto } from '../dto.js';
import { t } from '../i18n.js';
import { useAppState } from '../state.js';

type Options = Res<(typeof api.api.feedback)[':id']['assignees']['$get']>;

/** Who handles the item, and for managers a picker to give it to someone (or to themselves). */
export function AssignBox({
  item,
  onDone,
}: {
  item: FeedbackDetailDto;
  onDone: (d: FeedbackDetailDto) => void;
}) {
  const { me } = useAppState();
  const options = useSignal<Options>([]);
  const chosen = useSignal(item.assignee?.id ?? '');
  const error = useSignal<string | null>(null);
  const canAssign = !!me.value && me.value.user.role !== 'viewer';
  const param = { id: encodeURIComponent(item.id) };
  useEffect(() => {
    if (canAssign)
      void call(api.api.feedback[':id'].assignees.$get({ param })).then((o) => (options.value = o));
  }, [item.id, canAssign]);
  const assign = async (userId: string | null) => {
    error.value = null;
    try {
      onDone(await call(api.api.feedback[':id'].assign.$post({ param, json: { userId } })));
    } catch (err) {
      error.value = err instanceof Error ? err.message : String(err);
    }
  };
  const myId = me.value?.user.id;
  return (
    <div class="card assign">
      <h2 style="font-size:1rem;margin:0">{t('Người xử lý', 'Assignee')}</h2>
      <p>{item.assignee?.name ?? t('Chưa giao cho ai', 'Nobody yet')}</p>
      {canAssign && (
        <form
          class="inline-form"
          onSubmit={(e) => (e.preventDefault(), void assign(chosen.value || null))}
        >
          <label>
            {t('Giao cho', 'Assign to')}
            <select value={chosen.value} onChange={(e) => (chosen.value = e.currentTarget.value)}>
              <option value="">{t('— Không ai —', '— Nobody —')}</option>
              {options.value.map((o) => (
                <option key={o.id} value={o.id}>
                  {o.name} ({o.unitName})
                </option>
              ))}
            </select>
          </label>
          <button type="submit" class="secondary">
            {t('Giao việc', 'Assign')}
          </button>
          {myId && item.assignee?.id !== myId && options.value.some((o) => o.id === myId) && (
            <button type="button" onClick={() => void assign(myId)}>
              {t('Nhận xử lý', 'Take it')}
            </button>
          )}
        </form>
      )}
      {error.value && (
        <p class="error" role="alert">
          {error.value}
        </p>
      )}
    </div>
  );
}
