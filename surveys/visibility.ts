/**
 * The one rule for `showIf`, used by the server (server/answers.ts) and the respondent page
 * (client/respondent/model.ts). Dependency-free so the respondent bundle stays small.
 */

/** A condition: shown only when the earlier answer to `question` is one of `in`. */
export interface ShowIfCondition {
  question: string;
  in: readonly (string | number)[];
}

/**
 * True when the condition holds for the answers given so far (always, without a condition).
 * "No opinion" (null) matches 'na'; a list matches when any of its values does.
 */
export function isShown(
  showIf: ShowIfCondition | undefined,
  answers: Readonly<Record<string, unknown>>,
): boolean {
  if (!showIf) return true;
  const a = answers[showIf.question];
  if (a === undefined) return false;
  const wanted = showIf.in.map(String);
  const given = Array.isArray(a) ? a.map(String) : [a === null ? 'na' : String(a)];
  return given.some((v) => wanted.includes(v));
}
