import { fromVnInput as instantOf, toVnInput } from '../../../server/domain/vn-time.js';

/**
 * `<input type="datetime-local">` values read as a clock in Vietnam whatever the browser's own
 * zone (server/domain/vn-time.ts): a campaign closes at 17:00 in Hanoi for a clerk abroad too.
 */
export { toVnInput };

/** The instant an input's 'YYYY-MM-DDTHH:mm' means in Vietnam, as ISO; '' for an empty input. */
export function fromVnInput(value: string): string {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(value)) return '';
  return instantOf(value);
}
