import { useSignal } from '@preact/signals';
import { Empty, Loading } from '../status.js';
import { useEffect } from 'preact/hooks';
import { api, call, type Req } from '../api.js';
import type { FeedbackListDto } from '../dto.js';
import { t } from '../i18n.js';
import { ScrollRegion } from '../scroll-region.js';
import { useAppState } from '../state.js';
import { FeedbackDetail } from './feedback-detail.js';
import { day, KIND_LABELS, kindLabel, STATUS_LABELS, statusLabel } from './feedback-labels.js';

const PAGE = 50;

type FeedbackListQuery = Req<typeof api.api.feedback.$get>['query'];
type FeedbackStatus = NonNullable<FeedbackListQuery['status']>;
type FeedbackKind = NonNullable<FeedbackListQuery['kind']>;
type TFeedbackListItem = FeedbackListDto['items'][number];

/** /app/feedback is the inbox; /app/feedback/:id the detail of one item. */
export function FeedbackPage() {
  const { path } = useAppState();
  const id = /^\/app\/feedback\/([^/]+)/.exec(path.value)?.[1];
  return id ? <FeedbackDetail id={decodeURIComponent(id)} /> : <FeedbackInbox />;
}

export function DeadlineFlags({ item }: { item: Pick<TFeedbackListItem, 'overdue' | 'dueSoon'> }) {
  if (item.overdue) return <strong class="warn">{t('Quá hạn', 'Overdue')}</strong>;
  if (item.dueSoon) return <strong style="color:#8a5a00">{t('Sắp đến hạn', 'Due soon')}</strong>;
  return null;
}

export function FeedbackInbox() {
  const { units, me, navigate } = useAppState();
  const unitId = useSignal(me.value?.unit.id ?? '');
  const status = useSignal<FeedbackStatus | ''>('');
  const kind = useSignal<FeedbackKind | ''>('');
  const overdue = useSignal(false);
  const dueSoon = useSignal(false);
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
    };
    loading.value = true;
    call(api.api.feedback.$get({ query }))
      .then((d) => ((data.value = d), (error.value = null)))
      .catch((e: unknown) => (error.value = e instanceof Error ? e.message : String(e)))
      .finally(() => (loading.value = false));
  }, [unitId.value, status.value, kind.value, overdue.value, dueSoon.value, offset.value]);

  const reset = (fn: () => void) => {
    fn();
    offset.value = 0;
  };
  const d = data.value;
  return (
    <section aria-busy={loading.value}>
      <h1>{t('Phản ánh, kiến nghị', 'Feedback and complaints')}</h1>
      <div class="scope-bar" role="search">
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
            onChange={(e) => reset(() => (status.value = e.currentTarget.value as FeedbackStatus))}
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
          <p class="muted">{t(`${d.total} mục`, `${d.total} items`)}</p>
          <ScrollRegion label={t('Danh sách phản ánh', 'Feedback list')}>
            <table class="inbox">
              <thead>
                <tr>
                  <th>{t('Mã', 'Code')}</th>
                  <th>{t('Tiêu đề', 'Title')}</th>
                  <th>{t('Đơn vị', 'Unit')}</th>
                  <th>{t('Trạng thái', 'Status')}</th>
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
