import { createHash } from 'node:crypto';
import type { Clock } from '../db/clock.js';
import { newId } from '../db/ids.js';
import { groupCommit } from '../db/group-commit.js';
import type { Db } from '../db/index.js';
import { claimToken, resolveCode, type CodeTarget } from '../db/repositories/campaigns.js';
import { addCounters, counterUnit } from '../db/repositories/rollups.js';
import {
  getResponseByClientId,
  insertResponseOnce,
  insertTextAnswers,
} from '../db/repositories/responses.js';
import type { Campaign } from '../db/schema.js';
import { canonicalJson } from '../surveys/load.js';
import type { TSurveyDefinition } from '../surveys/schema.js';
import { validateAnswers, type AnswerValue, type Answers } from './answers.js';
import { AppError, conflict, invalid, notFound } from './errors.js';
import { allQuestions, getDefinition } from './surveys.js';

/** Below this many milliseconds per answered question a response counts as implausibly fast. */
export const FAST_MS_PER_ANSWER = 2000;

export interface RecordInput {
  campaignId: string;
  unitId: string;
  definition: TSurveyDefinition;
  clientId: string;
  /** Already validated (validateAnswers): only visible, answered questions. */
  answers: Answers;
  startedAt?: string | null;
  submittedAt: string;
  tokenCode?: string | null;
  channel: 'api' | 'form' | 'seed';
}

class Duplicate {
  constructor(readonly existing: { id: string; campaign_id: string }) {}
}

/** One counter increment per answer value: likert '1'…'5' or 'na', option values; text none. */
export function counterValues(def: TSurveyDefinition, answers: Answers): { questionId: string; value: string }[] {
  const out: { questionId: string; value: string }[] = [];
  for (const q of allQuestions(def)) {
    const a: AnswerValue | undefined = answers[q.id];
    if (a === undefined || q.type === 'text') continue;
    if (q.type === 'likert5') out.push({ questionId: q.id, value: a === null ? 'na' : String(a) });
    else for (const v of Array.isArray(a) ? a : [String(a)]) out.push({ questionId: q.id, value: v });
  }
  // One global order, so concurrent PostgreSQL transactions lock counter rows in the same order.
  return out.sort((x, y) => (x.questionId + '\0' + x.value < y.questionId + '\0' + y.value ? -1 : 1));
}

/** Milliseconds from start to submit, or null when unknown or the phone's clock ran ahead. */
export function durationMs(startedAt: string | null | undefined, submittedAt: string): number | null {
  if (!startedAt) return null;
  const d = Date.parse(submittedAt) - Date.parse(startedAt);
  return Number.isFinite(d) && d >= 0 ? d : null;
}

export function isFast(duration: number | null, answered: number): boolean {
  return duration !== null && answered > 0 && duration < FAST_MS_PER_ANSWER * answered;
}

/** What a burst detector compares: the closed answers only, hashed. */
export function fingerprint(def: TSurveyDefinition, answers: Answers): string {
  const closed = Object.fromEntries(
    allQuestions(def)
      .filter((q) => q.type !== 'text' && answers[q.id] !== undefined)
      .map((q) => [q.id, answers[q.id]]),
  );
  return createHash('sha256').update(canonicalJson(closed)).digest('hex').slice(0, 32);
}

/**
 * Stores one response and its counters atomically; idempotent on clientId (the original id
 * comes back with created=false). A token is claimed in the same transaction, so it accepts one
 * response even under concurrent submissions. Called inside a caller's transaction (the demo
 * seed), it runs in that transaction and the caller owns atomicity.
 */
export async function recordResponse(db: Db, input: RecordInput): Promise<{ id: string; created: boolean }> {
  const id = newId();
  const run = async (trx: Db) => {
    // Read here, not when the code was resolved: a unit moved meanwhile rolls up to its new parents.
    const unit = await counterUnit(trx, input.unitId);
    if (!unit) throw new Error(`response for a missing unit ${input.unitId}`);
    if (input.tokenCode && !(await claimToken(trx, input.tokenCode, id, input.submittedAt))) {
      const existing = await getResponseByClientId(trx, input.clientId);
      if (existing) throw new Duplicate(existing);
      throw tokenUsed();
    }
    const duration = durationMs(input.startedAt, input.submittedAt);
    const inserted = await insertResponseOnce(trx, {
      id,
      campaign_id: input.campaignId,
      unit_id: input.unitId,
      client_id: input.clientId,
      token_code: input.tokenCode ?? null,
      survey_version: input.definition.version,
      answers: JSON.stringify(input.answers),
      started_at: input.startedAt ?? null,
      submitted_at: input.submittedAt,
      duration_ms: duration,
      channel: input.channel,
      fingerprint: fingerprint(input.definition, input.answers),
    });
    if (!inserted) {
      const existing = await getResponseByClientId(trx, input.clientId);
      if (!existing) throw new Error('client_id conflict without a stored response');
      throw new Duplicate(existing);
    }
    const values = counterValues(input.definition, input.answers).map((v) => ({ ...v, n: 1 }));
    const fast = isFast(duration, Object.keys(input.answers).length) ? 1 : 0;
    await addCounters(trx, input.campaignId, unit, values, { n: 1, fast });
    await insertTextAnswers(trx, textRows(id, input));
  };
  try {
    if (db.isTransaction) await run(db);
    // Shares one durable commit with the submissions arriving at the same moment (bench/).
    else await groupCommit(db).run(run);
    return { id, created: true };
  } catch (e) {
    if (!(e instanceof Duplicate)) throw e;
    if (e.existing.campaign_id !== input.campaignId) {
      throw conflict({ vi: 'Mã phiếu (clientId) đã được dùng cho một khảo sát khác.', en: 'This clientId was used for another survey.' });
    }
    return { id: e.existing.id, created: false };
  }
}

function textRows(responseId: string, input: RecordInput) {
  return allQuestions(input.definition)
    .filter((q) => q.type === 'text' && typeof input.answers[q.id] === 'string')
    .map((q) => ({
      response_id: responseId,
      question_id: q.id,
      campaign_id: input.campaignId,
      unit_id: input.unitId,
      text: input.answers[q.id] as string,
      submitted_at: input.submittedAt,
    }));
}

export const campaignClosed = () =>
  new AppError(409, 'campaign_closed', {
    vi: 'Đợt khảo sát này chưa mở hoặc đã kết thúc.',
    en: 'This survey is not open.',
  });
export const tokenUsed = () =>
  new AppError(409, 'token_used', {
    vi: 'Mã khảo sát này đã được sử dụng.',
    en: 'This one-time code has already been used.',
  });

export type CampaignState = 'open' | 'not_yet_open' | 'closed';
export function campaignState(c: Pick<Campaign, 'opens_at' | 'closes_at'>, now: Date): CampaignState {
  const t = now.toISOString();
  if (t < c.opens_at) return 'not_yet_open';
  return t < c.closes_at ? 'open' : 'closed';
}

export type OpenTarget = CodeTarget & { definition: TSurveyDefinition };

/** What a public code opens, with its pinned questionnaire; 404 for an unknown code. */
export async function openCode(db: Db, code: string): Promise<OpenTarget> {
  const target = /^[A-Z0-9]{4,32}$/i.test(code) ? await resolveCode(db, code.toUpperCase()) : undefined;
  // A token campaign's unit codes exist (the table needs one) but only its tokens open the form.
  if (!target || (!target.token && target.campaign.access === 'token')) {
    throw notFound({ vi: 'Không tìm thấy phiếu khảo sát.', en: 'No survey has this code.' });
  }
  const definition = await getDefinition(db, target.campaign.survey_id, target.campaign.survey_version);
  if (!definition) throw new Error(`campaign ${target.campaign.id} pins a missing survey version`);
  return { ...target, definition };
}

export interface Submission {
  clientId: string;
  answers: Record<string, unknown>;
  startedAt?: string | null;
}

/**
 * The submission service behind the JSON endpoint and the no-JS form: a retry of an acknowledged
 * response is answered first (even after the campaign closed or its token was used), then the
 * campaign window, then the answers, then the atomic store.
 */
export async function submitResponse(
  deps: { db: Db; clock: Clock },
  target: OpenTarget,
  sub: Submission,
  channel: RecordInput['channel'],
): Promise<{ id: string; created: boolean }> {
  const before = await getResponseByClientId(deps.db, sub.clientId);
  if (before && before.campaign_id === target.campaign.id) return { id: before.id, created: false };
  const now = deps.clock();
  if (campaignState(target.campaign, now) !== 'open') throw campaignClosed();
  if (target.token?.usedAt) throw tokenUsed();
  const { answers, errors } = validateAnswers(target.definition, sub.answers);
  if (errors.length) throw invalid(errors);
  return recordResponse(deps.db, {
    campaignId: target.campaign.id,
    unitId: target.unitId,
    definition: target.definition,
    clientId: sub.clientId,
    answers,
    startedAt: sub.startedAt ?? null,
    submittedAt: now.toISOString(),
    tokenCode: target.token?.code ?? null,
    channel,
  });
}
