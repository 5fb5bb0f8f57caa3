import { createHash } from 'node:crypto';
import type { Clock } from '../db/clock.js';
import { newId } from '../db/ids.js';
import type { GroupCommit } from '../db/group-commit.js';
import type { Db } from '../db/index.js';
import { claimToken, resolveCode, type CodeTarget } from '../db/repositories/campaigns.js';
import { tallyAll } from '../db/repositories/tally.js';
import {
  getResponseByClientId,
  insertResponseOnce,
  insertTextAnswers,
} from '../db/repositories/responses.js';
import { canonicalJson } from '../surveys/load.js';
import type { TSurveyDefinition } from '../surveys/schema.js';
import { durationMs } from '../surveys/counting.js';
import { validateAnswers, type Answers } from './answers.js';
import { campaignState, type CampaignState } from './campaign-state.js';
import { AppError, conflict, invalid, notFound } from './errors.js';
import type { Counting } from './counting/tally.js';
import { getDefinition, type SurveyDefinitions } from './surveys.js';
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
  channel: 'api' | 'form' | 'seed' | 'kiosk';
}

class Duplicate {
  constructor(readonly existing: { id: string; campaign_id: string }) {}
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
  commits: GroupCommit;
  tally: Counting;
}

/**
 * Stores one response durably; idempotent on clientId (the original id comes back with
 * created=false). A token is claimed in the same transaction, so it accepts one response even
 * under concurrent submissions. The counters are not written here: the response is stored
 * uncounted and the tally (server/counting/tally.ts) adds it within milliseconds, many at a time,
 * and before any read of counters (the readers settle it first).
 */
export async function recordResponse(
  w: ResponseWriter,
  input: RecordInput,
): Promise<{ id: string; created: boolean }> {
  return storeOnce(input, async (run) => {
    // Shares one durable commit with the submissions arriving at the same moment (bench/).
    await w.commits.run(run);
    await w.tally.stored();
  });
}

/**
 * recordResponse inside a caller's transaction (the demo seed): the caller owns atomicity, and
 * the response is counted in that same transaction at once.
 */
export async function recordResponseIn(
  trx: Db,
  input: RecordInput,
): Promise<{ id: string; created: boolean }> {
  const def = input.definition;
  return storeOnce(input, async (run) => {
    await run(trx);
    await tallyAll(trx, (via, id, version) =>
      id === def.id && version === def.version
        ? Promise.resolve(def)
        : getDefinition(via, id, version),
    );
  });
}

async function storeOnce(
  input: RecordInput,
  commit: (run: (trx: Db) => Promise<void>) => Promise<void>,
): Promise<{ id: string; created: boolean }> {
  const id = newId();
  const run = async (trx: Db) => {
    if (input.tokenCode && !(await claimToken(trx, input.tokenCode, id, input.submittedAt))) {
      const existing = await getResponseByClientId(trx, input.clientId);
      if (existing) throw new Duplicate(existing);
      throw tokenUsed();
    }
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
      duration_ms: durationMs(input.startedAt, input.submittedAt),
      channel: input.channel,
      fingerprint: fingerprint(input.definition, input.answers),
    });
    if (!inserted) {
      const existing = await getResponseByClientId(trx, input.clientId);
      if (!existing) throw new Error('client_id conflict without a stored response');
      throw new Duplicate(existing);
    }
    await insertTextAnswers(trx, textRows(id, input));
  };
  try {
    await commit(run);
    return { id, created: true };
  } catch (e) {
    if (!(e instanceof Duplicate)) throw e;
    if (e.existing.campaign_id !== input.campaignId) {
      throw conflict({
        vi: 'Mã phiếu (clientId) đã được dùng cho một khảo sát khác.',
        en: 'This clientId was used for another survey.',
      });
    }
    return { id: e.existing.id, created: false };
  }
}

function textRows(responseId: string, input: RecordInput) {
  return answerItems(input.definition)
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
