import { createHash } from 'node:crypto';
import type { Clock } from '../db/clock.js';
import { newId } from '../db/ids.js';
import type { Db } from '../db/index.js';
import { resolveCode, type CodeTarget } from '../db/repositories/campaigns.js';
import { getResponseByClientId } from '../db/repositories/responses.js';
import {
  writeBatchIn,
  type WriteRecord,
  type WriteResult,
} from '../db/repositories/submissions.js';
import type { Writer } from '../db/writer.js';
import { canonicalJson } from '../surveys/load.js';
import type { TSurveyDefinition } from '../surveys/schema.js';
import {
  counterValues,
  durationMs,
  isFast,
  responseScores,
  type CountedAnswer,
} from '../surveys/counting.js';
import { validateAnswers, type Answers } from './answers.js';
import { campaignState, type CampaignState } from './campaign-state.js';
import { AppError, conflict, invalid, notFound } from './errors.js';
import type { SurveyDefinitions } from './surveys.js';
import { answerItems } from '../surveys/items.js';

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
  /** Where it came from: `api` (the JSON endpoint), `form` (no-JS page), `kiosk`, `seed`. */
  channel: string;
}

/** What a burst detector compares: the closed answers only, hashed. */
export function fingerprint(def: TSurveyDefinition, answers: Answers): string {
  const closed = Object.fromEntries(
    answerItems(def)
      .filter((q) => q.type !== 'text' && answers[q.id] !== undefined)
      .map((q) => [q.id, answers[q.id]]),
  );
  return createHash('sha256').update(canonicalJson(closed)).digest('hex').slice(0, 32);
}

/** What storing a response outside a caller's transaction goes through. */
export interface ResponseWriter {
  db: Db;
  writer: Writer;
}

/**
 * The compact record the writer stores (db/repositories/submissions.ts): the response, its open
 * answers and what it adds to the counters, all computed here from the validated answers, so
 * the writer only runs SQL.
 */
export function writeRecord(input: RecordInput): WriteRecord {
  const def = input.definition;
  const answers = input.answers as Record<string, CountedAnswer>;
  const duration = durationMs(input.startedAt, input.submittedAt);
  return {
    id: newId(),
    campaignId: input.campaignId,
    unitId: input.unitId,
    clientId: input.clientId,
    tokenCode: input.tokenCode ?? null,
    surveyVersion: def.version,
    answers: JSON.stringify(input.answers),
    startedAt: input.startedAt ?? null,
    submittedAt: input.submittedAt,
    durationMs: duration,
    channel: input.channel,
    fingerprint: fingerprint(def, input.answers),
    texts: answerItems(def)
      .filter((q) => q.type === 'text' && typeof input.answers[q.id] === 'string')
      .map((q) => [q.id, input.answers[q.id] as string]),
    values: counterValues(def, answers).map((v) => [v.questionId, v.value]),
    scores: responseScores(def, answers).map((v) => [v.scope, v.s]),
    fast: isFast(duration, Object.keys(answers).length) ? 1 : 0,
  };
}

/**
 * Stores one response durably and counted (the counters change in the same commit);
 * idempotent on clientId (the original id comes back with created=false). A token is claimed in
 * the same transaction, so it accepts one response even under concurrent submissions. Resolves
 * after the commit that holds it: the writer's reply is the acknowledgement.
 */
export async function recordResponse(
  w: ResponseWriter,
  input: RecordInput,
): Promise<{ id: string; created: boolean }> {
  return outcome(input, await w.writer.write(writeRecord(input)));
}

/**
 * recordResponse inside a caller's transaction (the demo seed): the caller owns atomicity, and
 * the response is counted in that same transaction.
 */
export async function recordResponseIn(
  trx: Db,
  input: RecordInput,
): Promise<{ id: string; created: boolean }> {
  const [result] = await writeBatchIn(trx, [writeRecord(input)]);
  return outcome(input, result!);
}

function outcome(input: RecordInput, r: WriteResult): { id: string; created: boolean } {
  if (r.kind === 'created') return { id: r.id, created: true };
  if (r.kind === 'token_used') throw tokenUsed();
  if (r.campaignId !== input.campaignId) {
    throw conflict({
      vi: 'Mã phiếu (clientId) đã được dùng cho một khảo sát khác.',
      en: 'This clientId was used for another survey.',
    });
  }
  return { id: r.id, created: false };
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

// The rule lives in campaign-state.ts; re-exported for the pages and routes that import it here.
export { campaignState, type CampaignState };

export type OpenTarget = CodeTarget & { definition: TSurveyDefinition };

/**
 * Link codes resolved lately, one cache per database handle (createServices). A campaign's
 * links never change once created; staff's changes to its window (edit, close early, delete)
 * clear the cache, and the short life bounds how long a unit's renaming (a units import), or a
 * change made through another server process, takes to show on its form.
 * One-time tokens are not kept: their used state changes.
 */
const LINK_CACHE_MS = 10_000;
const LINK_CACHE_MAX = 20_000;

export interface LinkCache {
  /** What an upper-case code opens, or undefined. */
  resolve(code: string): Promise<CodeTarget | undefined>;
  /** Forgets every code: a campaign's window or existence changed. */
  clear(): void;
}

export function createLinkCache(db: Db): LinkCache {
  const links = new Map<string, { at: number; target: CodeTarget }>();
  return {
    async resolve(code) {
      const now = Date.now();
      const hit = links.get(code);
      if (hit && now - hit.at < LINK_CACHE_MS) return hit.target;
      const target = await resolveCode(db, code);
      if (target && !target.token) {
        if (links.size >= LINK_CACHE_MAX) links.clear();
        links.set(code, { at: now, target });
      }
      return target;
    },
    clear: () => links.clear(),
  };
}

/** What a public code opens, with its pinned questionnaire; 404 for an unknown code. */
export async function openCode(
  deps: { links: LinkCache; surveys: SurveyDefinitions },
  code: string,
): Promise<OpenTarget> {
  const target = /^[A-Z0-9]{4,32}$/i.test(code)
    ? await deps.links.resolve(code.toUpperCase())
    : undefined;
  // A token campaign's unit codes exist (the table needs one) but only its tokens open the form.
  if (!target || (!target.token && target.campaign.access === 'token')) {
    throw notFound({ vi: 'Không tìm thấy phiếu khảo sát.', en: 'No survey has this code.' });
  }
  const definition = await deps.surveys.get(
    target.campaign.survey_id,
    target.campaign.survey_version,
  );
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
 * campaign window, then the answers, then the atomic store. On the usual path (open, valid) the
 * retry is recognised by the store itself (its clientId is unique), so a new response costs no
 * extra lookup; only a refusal looks for an earlier acknowledged response first.
 */
export async function submitResponse(
  deps: ResponseWriter & { clock: Clock },
  target: OpenTarget,
  sub: Submission,
  channel: RecordInput['channel'],
): Promise<{ id: string; created: boolean }> {
  const now = deps.clock();
  let refusal: AppError | null = null;
  let answers: Answers = {};
  if (campaignState(target.campaign, now) !== 'open') refusal = campaignClosed();
  else if (target.token?.usedAt) refusal = tokenUsed();
  else {
    const checked = validateAnswers(target.definition, sub.answers);
    if (checked.errors.length) refusal = invalid(checked.errors);
    answers = checked.answers;
  }
  if (refusal) {
    const before = await getResponseByClientId(deps.db, sub.clientId);
    if (before && before.campaign_id === target.campaign.id)
      return { id: before.id, created: false };
    throw refusal;
  }
  return recordResponse(deps, {
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
