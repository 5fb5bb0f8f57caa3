import { CATEGORIES } from '../domain/feedback.js';

export { CATEGORIES };

export const CATEGORY_IDS = CATEGORIES.map((c) => c.id);

export function categoryLabel(id: string): string {
  return CATEGORIES.find((c) => c.id === id)?.vi ?? id;
}
