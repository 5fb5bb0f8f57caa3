import { LATE_LABELS } from '../../../server/domain/inbox.js';
import type { FeedbackListDto } from '../dto.js';
import { lang, t } from '../i18n.js';

type Flags = Pick<FeedbackListDto['items'][number], 'overdue' | 'dueSoon' | 'lateStage'>;

/** The deadline badge of an item: which deadline it missed, or that one is near. */
export function DeadlineFlags({ item }: { item: Flags }) {
  if (item.overdue)
    return (
      <strong class="warn badge">
        {item.lateStage ? LATE_LABELS[item.lateStage][lang.value] : t('Quá hạn', 'Overdue')}
      </strong>
    );
  if (item.dueSoon) return <strong class="badge soon">{t('Sắp đến hạn', 'Due soon')}</strong>;
  return null;
}
