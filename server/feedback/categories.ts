/**
 * The feedback categories offered on the form. A deployment changes this list (ids are stored
 * with each item, so keep old ids when relabelling); an id not in the list is refused with 400.
 */
export const CATEGORIES: { id: string; vi: string; en: string }[] = [
  { id: 'thu_tuc_hanh_chinh', vi: 'Thủ tục hành chính', en: 'Administrative procedure' },
  { id: 'thu_phi', vi: 'Các khoản thu, phí', en: 'Fees and collections' },
  { id: 'co_so_vat_chat', vi: 'Cơ sở vật chất', en: 'Facilities' },
  { id: 'ung_xu_giao_vien', vi: 'Ứng xử của giáo viên, cán bộ', en: 'Teacher and staff conduct' },
  { id: 'tuyen_sinh', vi: 'Tuyển sinh', en: 'Admissions' },
  { id: 'khac', vi: 'Khác', en: 'Other' },
];

export const CATEGORY_IDS = CATEGORIES.map((c) => c.id);

export function categoryLabel(id: string): string {
  return CATEGORIES.find((c) => c.id === id)?.vi ?? id;
}
