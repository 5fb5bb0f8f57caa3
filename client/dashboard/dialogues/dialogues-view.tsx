import { useSignal } from '@preact/signals';
import { unitOptions } from '../accounts/unit-options.js';
import { api, call, errorText } from '../api.js';
import { fromVnInput } from '../campaigns/vn-input.js';
import { t } from '../i18n.js';
import { useFetch } from '../indices/use-fetch.js';
import { useAppState } from '../state.js';
import { Empty, Loading } from '../status.js';
import { DialogueDetail } from './dialogue-detail.js';
import { STATE_LABEL, when } from './labels.js';

/** Schedule a dialogue at a unit of the subtree: date and time, topic, place. */
function ScheduleForm({ onDone }: { onDone: (id: string) => void }) {
  const { units, me } = useAppState();
  const holders = units.value.filter((u) => u.kind !== 'school');
  const unitId = useSignal(me.value?.unit.id ?? '');
  const heldAt = useSignal('');
  const topic = useSignal('');
  const place = useSignal('');
  const error = useSignal<string | null>(null);
  async function submit(e: Event) {
    e.preventDefault();
    error.value = null;
    try {
      const d = await call(
        api.api.dialogues.$post({
          json: {
            unitId: unitId.value,
            heldAt: fromVnInput(heldAt.value),
            topic: topic.value,
            place: place.value,
          },
        }),
      );
      onDone(d.id);
    } catch (err) {
      error.value = errorText(err);
    }
  }
  return (
    <form class="card" onSubmit={submit}>
      <h2>{t('Lên lịch đối thoại', 'Schedule a dialogue')}</h2>
      <label for="dl-unit">{t('Đơn vị tổ chức', 'Unit')}</label>
      <select
        id="dl-unit"
        value={unitId.value}
        onChange={(e) => (unitId.value = e.currentTarget.value)}
      >
        {unitOptions(holders.length ? holders : units.value)}
      </select>
      <label for="dl-when">{t('Thời gian (giờ Việt Nam)', 'Date and time (Vietnam)')}</label>
      <input
        id="dl-when"
        type="datetime-local"
        required
        value={heldAt.value}
        onInput={(e) => (heldAt.value = e.currentTarget.value)}
      />
      <label for="dl-topic">{t('Chủ đề', 'Topic')}</label>
      <input
        id="dl-topic"
        required
        maxLength={300}
        value={topic.value}
        onInput={(e) => (topic.value = e.currentTarget.value)}
      />
      <label for="dl-place">{t('Địa điểm', 'Place')}</label>
      <input
        id="dl-place"
        required
        maxLength={300}
        value={place.value}
        onInput={(e) => (place.value = e.currentTarget.value)}
      />
      {error.value && (
        <p class="error" role="alert">
          {error.value}
        </p>
      )}
      <p>
        <button type="submit">{t('Lên lịch', 'Schedule')}</button>
      </p>
    </form>
  );
}

function DialogueList() {
  const { navigate, me } = useAppState();
  const reload = useSignal(0);
  const list = useFetch(() => api.api.dialogues.$get({ query: {} }), [reload.value]);
  const go = (to: string) => (e: Event) => {
    e.preventDefault();
    navigate(to);
  };
  return (
    <section aria-busy={list.loading}>
      <h1>{t('Đối thoại với người dân', 'Dialogues with citizens')}</h1>
      <p class="muted">
        {t(
          'Sở và các phòng GDĐT đối thoại với người dân định kỳ 6 tháng một lần. Người dân gửi câu hỏi trước qua trang công khai của đơn vị; sau buổi đối thoại, đơn vị xếp nhóm câu hỏi, ghi câu trả lời và công khai.',
          'The Department and its offices hold a dialogue every six months. Citizens send questions ahead on the unit’s public page; afterwards the unit groups the questions, writes the answers and publishes them.',
        )}
      </p>
      {list.loading && !list.data && <Loading what={t('các buổi đối thoại', 'the dialogues')} />}
      {list.error && (
        <p class="error" role="alert">
          {list.error}
        </p>
      )}
      {list.data && list.data.length === 0 && (
        <Empty>
          <p>{t('Chưa có buổi đối thoại nào.', 'No dialogue yet.')}</p>
        </Empty>
      )}
      <ul class="dialogue-list">
        {(list.data ?? []).map((d) => (
          <li key={d.id}>
            <a href={`/app/dialogues/${d.id}`} onClick={go(`/app/dialogues/${d.id}`)}>
              {d.topic}
            </a>
            <br />
            <span class="muted">
              {when(d.heldAt)} · {d.unitName} · {t(...STATE_LABEL[d.state])} ·{' '}
              {t(`${d.questions} câu hỏi`, `${d.questions} questions`)}
              {d.ungrouped > 0 &&
                t(`, ${d.ungrouped} chưa xếp nhóm`, `, ${d.ungrouped} not grouped`)}
            </span>
          </li>
        ))}
      </ul>
      {me.value?.user.role !== 'viewer' && (
        <ScheduleForm
          onDone={(id) => {
            reload.value++;
            navigate(`/app/dialogues/${id}`);
          }}
        />
      )}
    </section>
  );
}

/** /app/dialogues and /app/dialogues/:id. */
export function DialoguesView() {
  const { path } = useAppState();
  const rest = path.value.replace(/^\/app\/dialogues\/?/, '');
  if (rest) return <DialogueDetail id={decodeURIComponent(rest)} />;
  return <DialogueList />;
}
