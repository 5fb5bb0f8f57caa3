import type { Clock } from '../db/clock.js';
import type { Db } from '../db/index.js';
import {
  getSurveyRow,
  insertSurveyVersion,
  listLatestSurveyRows,
  listSurveyVersions,
} from '../db/repositories/surveys.js';
import { insertLibraryEntry } from '../db/repositories/survey-library.js';
import { loadDefinitions, type LoadedDefinition } from '../surveys/load.js';
import {
  LIKERT_LABELS,
  NOT_APPLICABLE_LABEL,
  ZSurveyDefinition,
  type TQuestion,
  type TSurveyDefinition,
  type TText,
} from '../surveys/schema.js';

/**
 * Seeds the questionnaire library from the definition files: each file's (id, version) is stored
 * when missing, owned by the Department (library `unit_id` null). A stored version is frozen and
 * the library is edited by staff, so a file whose content differs from the stored version of the
 * same number is not applied: one log line, and the stored version stays. Only a higher version
 * number in a file adds a version.
 */
export async function syncSurveys(
  db: Db,
  clock: Clock,
  defs: LoadedDefinition[] = loadDefinitions(),
  log: (line: string) => void = console.warn,
): Promise<{ inserted: string[]; kept: string[] }> {
  const stored = new Map(
    (await listSurveyVersions(db)).map((r) => [`${r.id}@${r.version}`, r.hash]),
  );
  const inserted: string[] = [];
  const kept: string[] = [];
  const now = clock().toISOString();
  for (const { file, definition: d, hash } of defs) {
    const key = `${d.id}@${d.version}`;
    const have = stored.get(key);
    if (have === hash) continue;
    if (have !== undefined) {
      log(
        `${file}: questionnaire "${d.id}" version ${d.version} is stored with different content; ` +
          `the stored version is kept (raise "version" in the file to add a version).`,
      );
      kept.push(key);
      continue;
    }
    await insertSurveyVersion(db, {
      id: d.id,
      version: d.version,
      title: d.title.vi,
      definition: JSON.stringify(d),
      hash,
      created_at: now,
    });
    await insertLibraryEntry(db, {
      id: d.id,
      unit_id: null,
      archived: 0,
      created_by: null,
      created_at: now,
      updated_by: null,
      updated_at: now,
    });
    inserted.push(key);
  }
  return { inserted, kept };
}

/** Every parse of a stored definition: checked against the schema, never cast. */
function parseStored(definition: string): TSurveyDefinition {
  return ZSurveyDefinition.parse(JSON.parse(definition));
}

/**
 * The one cache of questionnaire definitions (createServices makes it, once per handle). A
 * stored (id, version) is immutable (start-up refuses changed content under an old version),
 * so each version is read and validated once: a submission or a tally reads no definition text.
 */
export interface SurveyDefinitions {
  /** One stored version, or undefined; read through `via` (a transaction) when given. */
  get(id: string, version: number, via?: Db): Promise<TSurveyDefinition | undefined>;
}

export function createSurveyDefinitions(db: Db): SurveyDefinitions {
  const versions = new Map<string, TSurveyDefinition>();
  return {
    async get(id, version, via = db) {
      const key = `${id}@${version}`;
      const known = versions.get(key);
      if (known) return known;
      const def = await getDefinition(via, id, version);
      if (def) versions.set(key, def);
      return def;
    },
  };
}

/** The definition of one stored version, or undefined, read and validated now (no cache). */
export async function getDefinition(
  db: Db,
  id: string,
  version: number,
): Promise<TSurveyDefinition | undefined> {
  const row = await getSurveyRow(db, id, version);
  return row ? parseStored(row.definition) : undefined;
}

/** The newest stored version of every questionnaire. */
export async function listLatestDefinitions(db: Db): Promise<TSurveyDefinition[]> {
  return (await listLatestSurveyRows(db)).map((r) => parseStored(r.definition));
}

const questionLists = new WeakMap<TSurveyDefinition, TQuestion[]>();

/** Every question of a definition, in order (listed once per definition object: it is frozen). */
export function allQuestions(def: TSurveyDefinition): TQuestion[] {
  let list = questionLists.get(def);
  if (!list) questionLists.set(def, (list = def.sections.flatMap((s) => s.questions)));
  return list;
}

/** Vietnamese in the contract's field, English beside it with an `En` suffix. */
function bi<K extends string>(key: K, t: TText | undefined): Record<string, string> {
  if (!t) return {};
  return t.en ? { [key]: t.vi, [`${key}En`]: t.en } : { [key]: t.vi };
}

/** The `survey` object of GET /api/public/forms/:code (CONTRACT.md), with English alongside. */
export function publicSurveyDto(def: TSurveyDefinition) {
  return {
    id: def.id,
    version: def.version,
    kind: def.kind,
    ...bi('title', def.title),
    ...bi('description', def.description),
    factors: def.factors.map((f) => ({
      id: f.id,
      ...bi('title', f.title),
      ...(f.weight === undefined ? {} : { weight: f.weight }),
      ...(f.summary ? { summary: true } : {}),
    })),
    scale: ([1, 2, 3, 4, 5] as const).map((v) => ({ value: v, ...bi('label', LIKERT_LABELS[v]) })),
    notApplicable: bi('label', NOT_APPLICABLE_LABEL),
    sections: def.sections.map((s) => ({
      id: s.id,
      ...bi('title', s.title),
      ...bi('description', s.description),
      questions: s.questions.map(questionDto),
    })),
  };
}
export type PublicSurveyDto = ReturnType<typeof publicSurveyDto>;

function questionDto(q: TQuestion) {
  return {
    id: q.id,
    type: q.type,
    required: q.required,
    ...(q.factor ? { factor: q.factor } : {}),
    ...bi('text', q.text),
    ...bi('help', q.help),
    ...(q.options
      ? { options: q.options.map((o) => ({ value: o.value, ...bi('label', o.label) })) }
      : {}),
    ...(q.showIf ? { showIf: q.showIf } : {}),
    ...(q.type === 'text' ? { maxLength: q.maxLength ?? DEFAULT_TEXT_MAX } : {}),
  };
}

export const DEFAULT_TEXT_MAX = 2000;
