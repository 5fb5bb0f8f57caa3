import { formatVnDate, formatVnTime } from '../../../server/domain/vn-time.js';
import type { api, Res } from '../api.js';

type DialogueRow = Res<typeof api.api.dialogues.$get>[number];

/** "08:30, 10/12/2026": the hour and the date in Vietnam. */
export function when(iso: string): string {
  return `${formatVnTime(iso)}, ${formatVnDate(iso)}`;
}

export const STATE_LABEL: Record<DialogueRow['state'], [string, string]> = {
  open: ['Đang nhận câu hỏi', 'Taking questions'],
  held: ['Đã diễn ra, chưa công khai', 'Held, not published'],
  published: ['Đã công khai', 'Published'],
};
