import { useSignal } from '@preact/signals';
import { api, call, errorText, type Res } from '../api.js';
import { t } from '../i18n.js';
import { useFetch } from '../indices/use-fetch.js';
import { useAppState } from '../state.js';
import { Loading } from '../status.js';
import { STATE_LABEL, when } from './labels.js';

type Detail = Res<(typeof api.api.dialogues)[':id']['$get']>;
type Group = Detail['groups'][number];
type Question = Detail['questions'][number];

/** One group: its title, its questions, and the answer given at the dialogue. */
function GroupCard(props: {
  d: Detail;
  g: Group;
  editable: boolean;
  onChange: (d: Detail) => void;
}) {
  const { d, g, editable } = props;
  const answer = useSignal(g.answer ?? '');
  const error = useSignal<string | null>(null);
  const saved = useSignal(false);
  const questions = d.questions.filter((q) => q.groupId === g.id);
  async function save(e: Event) {
    e.preventDefault();
    error.value = null;
    saved.value = false;
    try {
      props.onChange(
        await call(
          api.api.dialogues[':id'].groups[':groupId'].$patch({
            param: { id: d.id, groupId: g.id },
            json: { answer: answer.value.trim() ? answer.value : null },
          }),
        ),
      );
      saved.value = true;
    } catch (err) {
      error.value = errorText(err);
    }
  }
  const fieldId = `ans-${g.id.slice(0, 8)}`;
  return (
    <section class="card" aria-labelledby={`${fieldId}-h`}>
      <h3 id={`${fieldId}-h`}>{g.title}</h3>
      <ul>
        {questions.map((q) => (
          <li key={q.id}>{q.content}</li>
        ))}
      </ul>
      {editable && d.state === 'held' ? (
        <form onSubmit={save}>
          <label for={fieldId}>{t(`Trả lời nhóm “${g.title}”`, `Answer to “${g.title}”`)}</label>
          <textarea
            id={fieldId}
            rows={4}
            maxLength={10000}
            value={answer.value}
            onInput={(e) => (answer.value = e.currentTarget.value)}
          />
          {error.value && (
            <p class="error" role="alert">
              {error.value}
            </p>
          )}
          {saved.value && <p role="status">{t('Đã lưu câu trả lời.', 'Answer saved.')}</p>}
          <p>
            <button type="submit">{t('Lưu câu trả lời', 'Save the answer')}</button>
          </p>
        </form>
      ) : (
        <p>
          <strong>{t('Trả lời:', 'Answer:')}</strong>{' '}
          {g.answer ?? t('(ghi sau buổi đối thoại)', '(written after the dialogue)')}
        </p>
      )}
    </section>
  );
}

/** A question with its sender's contact (staff only) and the group it is in. */
function QuestionItem(props: {
  d: Detail;
  q: Question;
  editable: boolean;
  onChange: (d: Detail) => void;
  onError: (e: string) => void;
}) {
  const { d, q, editable } = props;
  const c = q.contact;
  const contact = c ? [c.name, c.phone, c.email].filter(Boolean).join(' · ') : null;
  const id = `grp-${q.id.slice(0, 8)}`;
  async function move(groupId: string) {
    try {
      props.onChange(
        await call(
          api.api.dialogues[':id'].questions[':questionId'].$patch({
            param: { id: d.id, questionId: q.id },
            json: { groupId: groupId || null },
          }),
        ),
      );
    } catch (err) {
      props.onError(errorText(err));
    }
  }
  return (
    <li>
      <p>{q.content}</p>
      <p class="muted">
        {t('Gửi lúc', 'Sent')} {when(q.receivedAt)}
        {contact ? ` · ${t('Liên hệ', 'Contact')}: ${contact}` : ` · ${t('Ẩn danh', 'Anonymous')}`}
      </p>
      {editable && d.state !== 'published' && d.groups.length > 0 && (
        <p>
          <label for={id}>{t('Nhóm', 'Group')}</label>{' '}
          <select
            id={id}
            value={q.groupId ?? ''}
            onChange={(e) => void move(e.currentTarget.value)}
          >
            <option value="">{t('— Chưa xếp nhóm —', '— Not grouped —')}</option>
            {d.groups.map((g) => (
              <option key={g.id} value={g.id}>
                {g.title}
              </option>
            ))}
          </select>
        </p>
      )}
    </li>
  );
}

/** A new group from the questions ticked. */
function NewGroup(props: { d: Detail; onChange: (d: Detail) => void }) {
  const { d } = props;
  const title = useSignal('');
  const picked = useSignal<string[]>([]);
  const error = useSignal<string | null>(null);
  const ungrouped = d.questions.filter((q) => q.groupId === null);
  async function submit(e: Event) {
    e.preventDefault();
    error.value = null;
    try {
      props.onChange(
        await call(
          api.api.dialogues[':id'].groups.$post({
            param: { id: d.id },
            json: { title: title.value, questionIds: picked.value },
          }),
        ),
      );
      title.value = '';
      picked.value = [];
    } catch (err) {
      error.value = errorText(err);
    }
  }
  return (
    <form class="card" onSubmit={submit}>
      <h3>{t('Tạo nhóm câu hỏi', 'New group of questions')}</h3>
      <label for="new-group-title">{t('Tên nhóm', 'Group title')}</label>
      <input
        id="new-group-title"
        required
        maxLength={200}
        value={title.value}
        onInput={(e) => (title.value = e.currentTarget.value)}
      />
      {ungrouped.length > 0 && (
        <fieldset>
          <legend>{t('Câu hỏi đưa vào nhóm', 'Questions in the group')}</legend>
          {ungrouped.map((q) => (
            <label key={q.id} class="choice">
              <input
                type="checkbox"
                checked={picked.value.includes(q.id)}
                onChange={(e) =>
                  (picked.value = e.currentTarget.checked
                    ? [...picked.value, q.id]
                    : picked.value.filter((x) => x !== q.id))
                }
              />{' '}
              {q.content}
            </label>
          ))}
        </fieldset>
      )}
      {error.value && (
        <p class="error" role="alert">
          {error.value}
        </p>
      )}
      <p>
        <button type="submit">{t('Tạo nhóm', 'Create the group')}</button>
      </p>
    </form>
  );
}

/** One dialogue: its questions, their groups and answers, and publishing. */
export function DialogueDetail({ id }: { id: string }) {
  const { me, navigate } = useAppState();
  const fetched = useFetch(() => api.api.dialogues[':id'].$get({ param: { id } }), [id]);
  const current = useSignal<Detail | null>(null);
  const error = useSignal<string | null>(null);
  const notice = useSignal<string | null>(null);
  const d = current.value?.id === id ? current.value : fetched.data;
  const editable = me.value?.user.role !== 'viewer';
  const update = (next: Detail) => {
    current.value = next;
    error.value = null;
  };
  async function publish() {
    if (!d) return;
    error.value = null;
    try {
      update(await call(api.api.dialogues[':id'].publish.$post({ param: { id: d.id } })));
      notice.value = t(
        'Đã công khai. Người dân đọc câu hỏi và câu trả lời tại trang đối thoại của đơn vị.',
        'Published. Citizens read the questions and answers on the unit’s dialogue page.',
      );
    } catch (err) {
      error.value = errorText(err);
    }
  }
  if (!d)
    return (
      <section aria-busy={fetched.loading}>
        {fetched.error ? (
          <p class="error" role="alert">
            {fetched.error}
          </p>
        ) : (
          <Loading what={t('buổi đối thoại', 'the dialogue')} />
        )}
      </section>
    );
  return (
    <section>
      <p>
        <a
          href="/app/dialogues"
          onClick={(e) => {
            e.preventDefault();
            navigate('/app/dialogues');
          }}
        >
          {t('← Các buổi đối thoại', '← All dialogues')}
        </a>
      </p>
      <h1>{d.topic}</h1>
      <dl class="facts">
        <dt>{t('Đơn vị', 'Unit')}</dt>
        <dd>{d.unitName}</dd>
        <dt>{t('Thời gian', 'When')}</dt>
        <dd>{when(d.heldAt)}</dd>
        <dt>{t('Địa điểm', 'Place')}</dt>
        <dd>{d.place}</dd>
        <dt>{t('Trạng thái', 'State')}</dt>
        <dd>{t(...STATE_LABEL[d.state])}</dd>
      </dl>
      <p>
        <a href={`/dialogues/${d.unitId}`} target="_blank" rel="noopener">
          {t('Trang công khai của đơn vị', 'The unit’s public page')}
        </a>
      </p>
      {error.value && (
        <p class="error" role="alert">
          {error.value}
        </p>
      )}
      {notice.value && <p role="status">{notice.value}</p>}

      <h2>
        {t(
          `Câu hỏi gửi trước (${d.questions.length})`,
          `Questions sent ahead (${d.questions.length})`,
        )}
      </h2>
      {d.questions.length === 0 && (
        <p class="muted">{t('Chưa có câu hỏi nào.', 'No question yet.')}</p>
      )}
      <ol class="dialogue-questions">
        {d.questions.map((q) => (
          <QuestionItem
            key={q.id}
            d={d}
            q={q}
            editable={editable}
            onChange={update}
            onError={(e) => (error.value = e)}
          />
        ))}
      </ol>

      <h2>{t('Nhóm câu hỏi và câu trả lời', 'Groups and answers')}</h2>
      {d.state === 'open' && (
        <p class="muted">
          {t(
            'Câu trả lời được ghi sau khi buổi đối thoại diễn ra.',
            'Answers are written once the dialogue has taken place.',
          )}
        </p>
      )}
      {d.groups.map((g) => (
        <GroupCard key={g.id} d={d} g={g} editable={editable} onChange={update} />
      ))}
      {editable && d.state !== 'published' && <NewGroup d={d} onChange={update} />}
      {editable && d.state === 'held' && (
        <p>
          <button type="button" onClick={() => void publish()}>
            {t('Công khai câu trả lời', 'Publish the answers')}
          </button>
        </p>
      )}
    </section>
  );
}
