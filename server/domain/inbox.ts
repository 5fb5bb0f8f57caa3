/**
 * The staff inbox's vocabulary, shared by the server, the repositories (types) and the dashboard:
 * the stages an item can be late in, and the placeholders of reply templates.
 */

/** Acceptance (thụ lý), resolution (giải quyết), publication of the answer (công khai). */
export const LATE_STAGES = ['acceptance', 'resolution', 'publication'] as const;
export type TLateStage = (typeof LATE_STAGES)[number];

/** The badge an overdue item carries in the inbox, saying which deadline it missed. */
export const LATE_LABELS: Record<TLateStage, { vi: string; en: string }> = {
  acceptance: { vi: 'Trễ hạn thụ lý', en: 'Late to accept' },
  resolution: { vi: 'Trễ hạn giải quyết', en: 'Late to resolve' },
  publication: { vi: 'Trễ hạn công khai', en: 'Late to publish' },
};

/** What a reply template may contain; filled from the item when staff pick the template. */
export const TEMPLATE_PLACEHOLDERS = {
  '{ma}': { vi: 'mã phản ánh', en: 'tracking code' },
  '{ngay_nhan}': { vi: 'ngày nhận (dd/mm/yyyy)', en: 'date received (dd/mm/yyyy)' },
} as const;

/** A template's text with `{ma}` and `{ngay_nhan}` replaced (`receivedDate` already formatted). */
export function fillTemplate(
  body: string,
  item: { trackingCode: string; receivedDate: string },
): string {
  return body.replaceAll('{ma}', item.trackingCode).replaceAll('{ngay_nhan}', item.receivedDate);
}
