/**
 * `<input type="datetime-local">` values read as a clock in Vietnam (UTC+7, no daylight saving),
 * whatever the browser's own zone: a campaign closes at 17:00 in Hanoi for a clerk abroad too.
 */
const OFFSET_MS = 7 * 3_600_000;

/** 'YYYY-MM-DDTHH:mm' on a clock in Vietnam, for the input's value. */
export function toVnInput(at: Date | string): string {
  const ms = typeof at === 'string' ? Date.parse(at) : at.getTime();
  return new Date(ms + OFFSET_MS).toISOString().slice(0, 16);
}

/** The instant an input's 'YYYY-MM-DDTHH:mm' means in Vietnam, as ISO; '' for an empty input. */
export function fromVnInput(value: string): string {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(value)) return '';
  return new Date(`${value.slice(0, 16)}:00+07:00`).toISOString();
}
