import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import { fillTemplate } from '../../../server/domain/inbox.js';
import { api, call, type Res } from '../api.js';
import type { FeedbackDetailDto } from '../dto.js';
import { t } from '../i18n.js';
import { day } from './feedback-labels.js';

type Templates = Res<typeof api.api.feedback.templates.$get>;

/**
 * "Dùng mẫu": the reply templates of the item's unit and the units above it; picking one puts its
 * text, with {ma} and {ngay_nhan} filled from the item, into the answer (which staff then edit).
 */
export function TemplatePicker({
  item,
  onPick,
}: {
  item: FeedbackDetailDto;
  onPick: (text: string) => void;
}) {
  const templates = useSignal<Templates>([]);
  const chosen = useSignal('');
  useEffect(() => {
    void call(api.api.feedback.templates.$get({ query: { unitId: item.unitId } })).then(
      (x) => (templates.value = x),
    );
  }, [item.unitId]);
  if (!templates.value.length)
    return (
      <p class="muted">
        {t('Đơn vị chưa có mẫu trả lời.', 'No reply templates for this unit yet.')}
      </p>
    );
  const use = () => {
    const tpl = templates.value.find((x) => x.id === chosen.value);
    if (tpl)
      onPick(
        fillTemplate(tpl.body, {
          trackingCode: item.trackingCode,
          receivedDate: day(item.receivedAt),
        }),
      );
  };
  return (
    <div class="inline-form">
      <label>
        {t('Mẫu trả lời', 'Reply template')}
        <select value={chosen.value} onChange={(e) => (chosen.value = e.currentTarget.value)}>
          <option value="">—</option>
          {templates.value.map((x) => (
            <option key={x.id} value={x.id}>
              {x.title} ({x.unitName})
            </option>
          ))}
        </select>
      </label>
      <button type="button" class="secondary" disabled={!chosen.value} onClick={use}>
        {t('Dùng mẫu', 'Use template')}
      </button>
    </div>
  );
}
