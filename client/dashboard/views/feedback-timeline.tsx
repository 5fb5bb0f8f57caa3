import { formatVnDateTime } from '../../../server/domain/vn-time.js';
import type { FeedbackDetailDto } from '../dto.js';
import { t } from '../i18n.js';
import { ScrollRegion } from '../scroll-region.js';
import { statusLabel } from './feedback-labels.js';

type Entry = FeedbackDetailDto['timeline'][number];

/** What happened, in words: a move, an assignment, or (a kind this page does not know) a note. */
function what(e: Entry): string {
  switch (e.kind) {
    case 'status':
      return e.from === e.to ? t('Ghi chú', 'Note') : statusLabel(e.to);
    case 'assigned':
      return e.assignee
        ? t(`Giao cho ${e.assignee}`, `Assigned to ${e.assignee}`)
        : t('Bỏ giao việc', 'Unassigned');
    default:
      return t('Sự kiện khác', 'Other event');
  }
}

/**
 * The full history for staff, oldest first: every status change with its note, every assignment,
 * and any other kind of entry shown by its time, author and text. Times are Vietnam's,
 * "dd/mm/yyyy hh:mm".
 */
export function FeedbackTimeline({ entries }: { entries: Entry[] }) {
  return (
    <ScrollRegion label={t('Quá trình xử lý', 'Timeline')}>
      <table class="timeline">
        <thead>
          <tr>
            <th>{t('Thời điểm', 'Time')}</th>
            <th>{t('Sự việc', 'What')}</th>
            <th>{t('Người thực hiện', 'By')}</th>
            <th>{t('Ghi chú', 'Note')}</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((e) => (
            <tr key={e.id} data-kind={e.kind}>
              <td class="date">{formatVnDateTime(e.at)}</td>
              <td>{what(e)}</td>
              <td>{e.actor ?? t('Người dân', 'Citizen')}</td>
              <td style="white-space:pre-wrap">{e.note ?? ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}
