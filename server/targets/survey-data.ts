import type { Db } from '../../db/index.js';
import { answerCountsFor, surveyDefinitions, type CampaignUnitRow } from '../../db/repositories/targets.js';
import { ZSurveyDefinition } from '../../surveys/schema.js';
import type { SurveyCounts } from './survey-formulas.js';

export interface SurveyData {
  surveys: SurveyCounts[];
  /** Targets the questionnaires declare themselves (e.g. SIPAS 100, MOET 85). */
  declaredTargets: number[];
}

/** The questionnaires and pooled counters behind the campaigns of `rows` within a subtree. */
export async function loadSurveyData(db: Db, rows: readonly CampaignUnitRow[], rootPath: string): Promise<SurveyData> {
  const keyOf = (id: string, version: number) => `${id}@${version}`;
  const campaignSurvey = new Map(rows.map((r) => [r.campaign_id, keyOf(r.survey_id, r.survey_version)]));
  const keys = [...new Map(rows.map((r) => [keyOf(r.survey_id, r.survey_version), { id: r.survey_id, version: r.survey_version }])).values()];
  const defs = await surveyDefinitions(db, keys);
  const counts = await answerCountsFor(db, [...campaignSurvey.keys()], rootPath);

  const surveys = new Map<string, SurveyCounts>();
  const declaredTargets: number[] = [];
  for (const d of defs) {
    const parsed = ZSurveyDefinition.safeParse(JSON.parse(d.definition));
    if (!parsed.success) continue;
    const def = parsed.data;
    if (def.target !== undefined) declaredTargets.push(def.target);
    const questions = def.sections.flatMap((s) => s.questions).filter((q) => q.type === 'likert5' && q.factor);
    surveys.set(keyOf(d.id, Number(d.version)), {
      def: { factors: def.factors, questions: questions.map((q) => ({ id: q.id, factor: q.factor ?? '' })) },
      rows: [],
      responsesByUnit: new Map(),
    });
  }
  for (const c of counts) {
    const s = surveys.get(campaignSurvey.get(c.campaign_id) ?? '');
    s?.rows.push({ unit_id: c.unit_id, question_id: c.question_id, value: c.value, n: c.n });
  }
  for (const r of rows) {
    const s = surveys.get(keyOf(r.survey_id, r.survey_version));
    if (!s) continue;
    const m = s.responsesByUnit as Map<string, number>;
    m.set(r.unit_id, (m.get(r.unit_id) ?? 0) + r.responses);
  }
  return { surveys: [...surveys.values()], declaredTargets };
}
