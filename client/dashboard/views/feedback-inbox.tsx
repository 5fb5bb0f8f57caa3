import { useSignal } from '@preact/signals';
import { Empty, Loading } from '../status.js';
import { useEffect } from 'preact/hooks';
import { LATE_LABELS, LATE_STAGES } from '../../../server/domain/inbox.js';
import { api, call, type Req } from '../api.js';
import type { FeedbackListDto } from '../dto.js';
import { lang, t } from '../i18n.js';
import { ScrollRegion } from '../scroll-region.js';
import { useAppState } from '../state.js';
import { DeadlineFlags } from './deadline-flags.js';
import { FeedbackDetail } from './feedback-detail.js';
import { ReplyTemplates } from './reply-templates.js';
import { day, KIND_LABELS, kindLabel, STATUS_LABELS, statusLabel } from './feedback-labels.js';

const PAGE = 50;

type FeedbackListQuery = Req<typeof api.api.feedback.$get>['query'];
type FeedbackStatus = NonNullable<FeedbackListQuery['status']>;
type FeedbackKind = NonNullable<FeedbackListQuery['kind']>;
type Sort = NonNullable<FeedbackListQuery['sort']>;
type Late = NonNullable<FeedbackListQuery['late']>;

/** /app/feedback is the inbox; /app/feedback/:id the detail of one item. */
export function FeedbackPage() {
  const { path } = useAppState();
  if (path.value === '/app/feedback/templates') return <ReplyTemplates />;
  const id = /^\/app\/feedback\/([^/]+)/.exec(path.value)?.[1];
  return id ? <FeedbackDetail id={decodeURIComponent(id)} /> : <FeedbackInbox />;
}

/** Filters start open where there is room for them, folded on a phone. */
const wide = () => typeof matchMedia === 'undefined' || !matchMedia('(max-width: 40rem)').matches;

export function FeedbackInbox() {
  const { units, me, navigate } = useAppState();
  const unitId = useSignal(me.value?.unit.id ?? '');
  const status = useSignal<FeedbackStatus | ''>('');
  const kind = useSignal<FeedbackKind | ''>('');
  const overdue = useSignal(false);
  const dueSoon = useSignal(false);
  const q = useSignal('');
  const typed = useSignal('');
  const sort = useSignal<Sort>('deadline');
  const late = useSignal<Late | ''>('');
  const assignee = useSignal<'' | 'me' | 'none'>('');
  const offset = useSignal(0);
  const data = useSignal<FeedbackListDto | null>(null);
  const error = useSignal<string | null>(null);
  const loading = useSignal(false);

  useEffect(() => {
    const query: FeedbackListQuery = {
      limit: String(PAGE),
      offset: String(offset.value),
      unitId: unitId.value || undefined,
      status: status.value || undefined,
      kind: kind.value || undefined,
      overdue: overdue.value ? 'true' : undefined,
      dueSoon: dueSoon.value ? 'true' : undefined,
      q: q.value || undefined,
      sort: sort.value,
      late: late.value || undefined,
      assignee: assignee.value || undefined,
    };
    loading.value = true;
    call(api.api.feedback.$get({ query }))
      .then((d) => ((data.value = d), (error.value = null)))
      .catch((e: unknown) => (error.value = e instanceof Error ? e.message : String(e)))
      .finally(() => (loading.value = false));
  }, [
    unitId.value,
    status.value,
    kind.value,
    overdue.value,
    dueSoon.value,
    q.value,
    sort.value,
    late.value,
    assignee.value,
    offset.value,
  ]);

  const reset = (fn: () => void) => {
    fn();
    offset.value = 0;
  };
  const d = data.value;
  return (
    <section aria-busy={loading.value}>
      <h1>{t('Phản ánh, kiến nghị', 'Feedback and complaints')}</h1>
      <p>
        <a
          href="/app/feedback/templates"
          onClick={(e) => (e.preventDefault(), navigate('/app/feedback/templates'))}
        >
          {t('Mẫu trả lời', 'Reply templates')}
        </a>
      </p>
      <form
        class="inline-form inbox-search"
        role="search"
        onSubmit={(e) => {
          e.preventDefault();
          reset(() => (q.value = typed.value.trim()));
        }}
      >
        <label>
          {t('Tìm theo mã, tiêu đề, nội dung', 'Search code, title, content')}
          <input
            type="search"
            value={typed.value}
            onInput={(e) => (typed.value = e.currentTarget.value)}
          />
        </label>
        <button type="submit">{t('Tìm', 'Search')}</button>
      </form>
      <details class="filters" open={wide()}>
        <summary>{t('Bộ lọc và sắp xếp', 'Filters and order')}</summary>
        <div class="scope-bar">
          <label>
            {t('Sắp xếp', 'Order')}
            <select
              value={sort.value}
              onChange={(e) => reset(() => (sort.value = e.currentTarget.value as Sort))}
            >
              <option value="deadline">{t('Hạn gần nhất trước', 'Nearest deadline first')}</option>
              <option value="received">{t('Mới nhận trước', 'Newest first')}</option>
            </select>
          </label>
          <label>
            {t('Người xử lý', 'Assignee')}
            <select
              value={assignee.value}
              onChange={(e) =>
                reset(() => (assignee.value = e.currentTarget.value as '' | 'me' | 'none'))
              }
            >
              <option value="">{t('Tất cả', 'Everyone')}</option>
              <option value="me">{t('Của tôi', 'Mine')}</option>
              <option value="none">{t('Chưa giao', 'Unassigned')}</option>
            </select>
          </label>
          <label>
            {t('Trễ hạn', 'Late')}
            <select
              value={late.value}
              onChange={(e) => reset(() => (late.value = e.currentTarget.value as Late | ''))}
            >
              <option value="">{t('Không lọc', 'Any')}</option>
              {LATE_STAGES.map((s) => (
                <option key={s} value={s}>
                  {LATE_LABELS[s][lang.value]}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('Đơn vị', 'Unit')}
            <select
              value={unitId.value}
              onChange={(e) => reset(() => (unitId.value = e.currentTarget.value))}
            >
              {units.value.map((u) => (
                <option key={u.id} value={u.id}>
                  {u.name}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('Trạng thái', 'Status')}
            <select
              value={status.value}
              onChange={(e) =>
                reset(() => (status.value = e.currentTarget.value as FeedbackStatus))
              }
            >
              <option value="">{t('Tất cả', 'All')}</option>
              {(Object.keys(STATUS_LABELS) as FeedbackStatus[]).map((s) => (
                <option key={s} value={s}>
                  {statusLabel(s)}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('Loại', 'Kind')}
            <select
              value={kind.value}
              onChange={(e) => reset(() => (kind.value = e.currentTarget.value as FeedbackKind))}
            >
              <option value="">{t('Tất cả', 'All')}</option>
              {(Object.keys(KIND_LABELS) as FeedbackKind[]).map((k) => (
                <option key={k} value={k}>
                  {kindLabel(k)}
                </option>
              ))}
            </select>
          </label>
          <label>
            <input
              type="checkbox"
              style="width:auto;min-height:auto"
              checked={overdue.value}
              onChange={(e) => reset(() => (overdue.value = e.currentTarget.checked))}
            />{' '}
            {t('Quá hạn', 'Overdue')}
          </label>
          <label>
            <input
              type="checkbox"
              style="width:auto;min-height:auto"
              checked={dueSoon.value}
              onChange={(e) => reset(() => (dueSoon.value = e.currentTarget.checked))}
            />{' '}
            {t('Đến hạn trong 2 ngày làm việc', 'Due within 2 working days')}
          </label>
        </div>
      </details>
      {error.value && (
        <p class="error" role="alert">
          {error.value}
        </p>
      )}
      {loading.value && !d && <Loading what={t('phản ánh', 'the feedback')} />}
      {d && d.total === 0 && (
        <Empty>
          <p>
            {t(
              'Không có phản ánh nào khớp bộ lọc — bỏ bớt điều kiện lọc, hoặc chọn đơn vị cấp trên để xem cả các đơn vị trực thuộc.',
              'No item matches these filters — remove a filter, or choose a unit higher up to see the units below it too.',
            )}
          </p>
        </Empty>
      )}
      {d && d.total > 0 && (
        <>
          <p class="muted" aria-live="polite">
            {q.value
              ? t(`${d.total} mục khớp “${q.value}”`, `${d.total} items match “${q.value}”`)
              : t(`${d.total} mục`, `${d.total} items`)}
          </p>
          <ScrollRegion label={t('Danh sách phản ánh', 'Feedback list')}>
            <table class="inbox">
              <thead>
                <tr>
                  <th>{t('Mã', 'Code')}</th>
                  <th>{t('Tiêu đề', 'Title')}</th>
                  <th>{t('Đơn vị', 'Unit')}</th>
                  <th>{t('Trạng thái', 'Status')}</th>
                  <th>{t('Người xử lý', 'Assignee')}</th>
                  <th>{t('Nhận', 'Received')}</th>
                  <th>{t('Hạn giai đoạn', 'Stage due')}</th>
                  <th>{t('Hạn giải quyết', 'Due')}</th>
                  <th />
                </tr>
              </thead>
              <tbody>
                {d.items.map((i) => (
                  <tr key={i.id}>
                    <td class="code">
                      <a
                        class="tracking-code"
                        href={`/app/feedback/${i.id}`}
                        onClick={(e) => {
                          e.preventDefault();
                          navigate(`/app/feedback/${i.id}`);
                        }}
                      >
                        {i.trackingCode}
                      </a>
                    </td>
                    <td class="title">
                      {i.title}
                      <br />
                      <span class="kind">{kindLabel(i.kind)}</span>
                    </td>
                    <td class="unit">{i.unitName}</td>
                    <td class="status">{statusLabel(i.status)}</td>
                    <td class="assignee" data-label={t('Người xử lý', 'Assignee')}>
                      {i.assignee?.name ?? t('Chưa giao', 'Unassigned')}
                    </td>
                    <td class="date" data-label={t('Nhận', 'Received')}>
                      {day(i.receivedAt)}
                    </td>
                    <td class="date" data-label={t('Hạn giai đoạn', 'Stage due')}>
                      {day(i.stageDueAt)}
                    </td>
                    <td class="date" data-label={t('Hạn giải quyết', 'Due')}>
                      {day(i.dueAt)}
                    </td>
                    <td class="flags">
                      <DeadlineFlags item={i} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollRegion>
          <div class="pager">
            <button
              class="secondary"
              type="button"
              disabled={offset.value === 0}
              onClick={() => (offset.value = Math.max(0, offset.value - PAGE))}
            >
              {t('Trước', 'Previous')}
            </button>
            <button
              class="secondary"
              type="button"
              disabled={offset.value + PAGE >= d.total}
              onClick={() => (offset.value += PAGE)}
            >
              {t('Sau', 'Next')}
            </button>
          </div>
        </>
      )}
    </section>
  );
}
