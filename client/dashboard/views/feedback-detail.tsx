import { useSignal } from '@preact/signals';
import { Loading } from '../status.js';
import { useEffect } from 'preact/hooks';
import { api, call, type Req } from '../api.js';
import type { FeedbackDetailDto as TFeedbackDetail, PublicUnitDto } from '../dto.js';
import { t } from '../i18n.js';
import { useAppState } from '../state.js';
import { DeadlineFlags } from './deadline-flags.js';
import { AssignBox } from './feedback-assign.js';
import { FeedbackPhotos } from './feedback-photos.js';
import { FeedbackTimeline } from './feedback-timeline.js';
import { TemplatePicker } from './template-picker.js';
import { categoryLabel, dateTime, day, kindLabel, statusLabel } from './feedback-labels.js';

type Transition = Req<(typeof api.api.feedback)[':id']['transitions']['$post']>['json'];
type FeedbackStatus = Transition['to'];

const VERB: Record<FeedbackStatus, [string, string]> = {
  received: ['Tiếp nhận', 'Receive'],
  accepted: ['Thụ lý', 'Accept'],
  rejected: ['Từ chối', 'Reject'],
  transferred: ['Chuyển đơn vị khác', 'Transfer'],
  in_progress: ['Xử lý', 'Start handling'],
  waiting_citizen: ['Yêu cầu bổ sung thông tin', 'Ask the citizen'],
  answered: ['Trả lời', 'Answer'],
  published: ['Công khai', 'Publish'],
};

/** One move's form: what that move needs (answer, target unit, duplicate, note), then submit. */
function MoveForm({
  item,
  to,
  onDone,
}: {
  item: TFeedbackDetail;
  to: FeedbackStatus;
  onDone: (d: TFeedbackDetail) => void;
}) {
  const note = useSignal('');
  const answer = useSignal(item.answer ?? '');
  const target = useSignal('');
  const duplicateOf = useSignal('');
  const targets = useSignal<PublicUnitDto[]>([]);
  const error = useSignal<string | null>(null);
  useEffect(() => {
    if (to === 'transferred')
      void call(api.api.public.units.$get()).then(
        (u) => (targets.value = u.filter((x) => x.id !== item.unitId)),
      );
  }, [to]);
  const submit = async (e: Event) => {
    e.preventDefault();
    error.value = null;
    try {
      const body: Transition = { to };
      if (note.value.trim()) body.note = note.value;
      if (to === 'answered') body.answer = answer.value;
      if (to === 'transferred') body.targetUnitId = target.value;
      if (to === 'rejected' && duplicateOf.value.trim())
        body.duplicateOf = duplicateOf.value.trim();
      onDone(
        await call(
          api.api.feedback[':id'].transitions.$post({
            param: { id: encodeURIComponent(item.id) },
            json: body,
          }),
        ),
      );
    } catch (err) {
      error.value = err instanceof Error ? err.message : String(err);
    }
  };
  return (
    <form onSubmit={submit} class="card">
      <h3>{t(...VERB[to])}</h3>
      {to === 'answered' && <TemplatePicker item={item} onPick={(x) => (answer.value = x)} />}
      {to === 'answered' && (
        <label>
          {t('Nội dung trả lời (sẽ được công khai)', 'Answer (will be published)')}
          <textarea
            rows={6}
            required
            value={answer.value}
            onInput={(e) => (answer.value = e.currentTarget.value)}
          />
        </label>
      )}
      {to === 'transferred' && (
        <label>
          {t('Đơn vị nhận', 'Receiving unit')}
          <select
            required
            value={target.value}
            onChange={(e) => (target.value = e.currentTarget.value)}
          >
            <option value="">—</option>
            {targets.value.map((u) => (
              <option key={u.id} value={u.id}>
                {u.name}
              </option>
            ))}
          </select>
        </label>
      )}
      {to === 'rejected' && (
        <label>
          {t('Trùng với mã (nếu là phản ánh trùng)', 'Duplicate of tracking code (if a duplicate)')}
          <input
            value={duplicateOf.value}
            placeholder="PA-XXXXXXXX"
            onInput={(e) => (duplicateOf.value = e.currentTarget.value)}
          />
        </label>
      )}
      <label>
        {to === 'rejected'
          ? t('Lý do (người gửi sẽ thấy)', 'Reason (the citizen sees it)')
          : to === 'waiting_citizen'
            ? t('Thông tin cần bổ sung (người gửi sẽ thấy)', 'What to supply (the citizen sees it)')
            : t('Ghi chú nội bộ', 'Internal note')}
        <textarea
          rows={2}
          value={note.value}
          onInput={(e) => (note.value = e.currentTarget.value)}
        />
      </label>
      {error.value && (
        <p class="error" role="alert">
          {error.value}
        </p>
      )}
      <p>
        <button type="submit">{t(...VERB[to])}</button>
      </p>
    </form>
  );
}

export function FeedbackDetail({ id }: { id: string }) {
  const { navigate } = useAppState();
  const item = useSignal<TFeedbackDetail | null>(null);
  const error = useSignal<string | null>(null);
  const chosen = useSignal<FeedbackStatus | null>(null);
  useEffect(() => {
    call(api.api.feedback[':id'].$get({ param: { id: encodeURIComponent(id) } }))
      .then((d) => (item.value = d))
      .catch((e: unknown) => (error.value = e instanceof Error ? e.message : String(e)));
  }, [id]);
  const f = item.value;
  const go = (to: string) => (e: Event) => (e.preventDefault(), navigate(to));
  if (error.value)
    return (
      <p class="error" role="alert">
        {error.value}
      </p>
    );
  if (!f)
    return (
      <section aria-busy="true">
        <Loading />
      </section>
    );
  return (
    <section>
      <p>
        <a href="/app/feedback" onClick={go('/app/feedback')}>
          ← {t('Hộp phản ánh', 'Inbox')}
        </a>
      </p>
      <h1>
        {f.title} <span class="kind tracking-code">{f.trackingCode}</span>
      </h1>
      <div class="cards">
        <div class="card">
          <p>
            <strong>{statusLabel(f.status)}</strong> <DeadlineFlags item={f} />
          </p>
          <p>
            {f.unitName}
            <br />
            {kindLabel(f.kind)} · {categoryLabel(f.category)}
          </p>
          <p>
            {t('Nhận', 'Received')}: {dateTime(f.receivedAt)}
            <br />
            {t('Hạn thụ lý', 'Accept by')}: {day(f.acceptDueAt)}
            <br />
            {t('Hạn giải quyết', 'Resolve by')}: {day(f.dueAt)}
            <br />
            {f.publishDueAt && (
              <>
                {t('Hạn công khai', 'Publish by')}: {day(f.publishDueAt)}
              </>
            )}
          </p>
        </div>
        <AssignBox item={f} onDone={(d) => (item.value = d)} />
        <div class="card">
          <h2 style="font-size:1rem;margin:0">{t('Liên hệ người gửi', 'Contact')}</h2>
          {f.contact ? (
            <p>
              {f.contact.name ?? '—'}
              <br />
              {f.contact.phone ?? ''}
              <br />
              {f.contact.email ?? ''}
              <br />
              <span class="kind">
                {t('Lưu đến', 'Kept until')} {day(f.contact.retainUntil)}
              </span>
            </p>
          ) : (
            <p class="muted">
              {f.contactErasedAt
                ? t(`Đã xoá ngày ${day(f.contactErasedAt)}`, `Erased on ${day(f.contactErasedAt)}`)
                : t('Ẩn danh', 'Anonymous')}
            </p>
          )}
        </div>
      </div>
      {[
        ['Chuyển từ', 'Transferred from', f.transferredFrom],
        ['Đã chuyển đến', 'Transferred to', f.transferredTo],
        ['Trùng với', 'Duplicate of', f.duplicateOf],
      ].map(
        ([vi, en, l]) =>
          l &&
          typeof l === 'object' && (
            <p key={String(vi)}>
              {t(String(vi), String(en))}:{' '}
              <a
                class="tracking-code"
                href={`/app/feedback/${l.id}`}
                onClick={go(`/app/feedback/${l.id}`)}
              >
                {l.trackingCode}
              </a>
            </p>
          ),
      )}
      <h2>{t('Nội dung', 'Content')}</h2>
      <p style="white-space:pre-wrap">{f.content}</p>
      <FeedbackPhotos id={f.id} />
      {f.answer && (
        <>
          <h2>{t('Trả lời', 'Answer')}</h2>
          <p style="white-space:pre-wrap">{f.answer}</p>
        </>
      )}
      <h2>{t('Quá trình xử lý', 'Timeline')}</h2>
      <FeedbackTimeline entries={f.timeline} />
      {f.allowedMoves.length > 0 && (
        <>
          <h2>{t('Thao tác', 'Actions')}</h2>
          <div class="inline-form">
            {f.allowedMoves.map((to) => (
              <button
                key={to}
                type="button"
                class={chosen.value === to ? '' : 'secondary'}
                onClick={() => (chosen.value = to)}
              >
                {t(...VERB[to])}
              </button>
            ))}
          </div>
          {chosen.value && (
            <MoveForm
              key={chosen.value}
              item={f}
              to={chosen.value}
              onDone={(d) => ((item.value = d), (chosen.value = null))}
            />
          )}
        </>
      )}
    </section>
  );
}
