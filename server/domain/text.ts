/**
 * Folds case and Vietnamese diacritics ("Giáo viên" → "giao vien", "Đ" → "d"), so a search typed
 * without accents, as many parents and staff type on phones, still finds the text. Done in JS
 * because neither SQLite's lower() (ASCII only) nor PostgreSQL without `unaccent` folds them: the
 * feedback search stores this fold beside each item and compares folded strings in SQL.
 */
export function foldText(s: string): string {
  return s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/đ/g, 'd');
}
