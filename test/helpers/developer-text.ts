/**
 * Text a person should never read: ISO timestamps, unrounded numbers, internal target ids and
 * question codes, a questionnaire's internal name and version, JavaScript's own placeholders.
 */
export const DEVELOPER_TEXT =
  /\d{4}-\d\d-\d\dT\d|\d+[.,]\d{4,}|_on_time|\bpakn_|\bsurvey_coverage\b|\bsatisfaction_index\b|\bsipas v\d|\btc\d+\b|\bundefined\b|\bNaN\b|\[object |\b[0-9a-f]{32}\b|: must be |validation_failed/i;

/** Each line of `text` that holds developer text, for a failure message that names them. */
export function developerLines(text: string): string[] {
  return text.split('\n').filter((l) => DEVELOPER_TEXT.test(l));
}
