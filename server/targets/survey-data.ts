import type { Db } from '../../db/index.js';
import {
  answerCountsFor,
  surveyDefinitions,
  type CampaignUnitRow,
} from '../../db/repositories/targets.js';
import { likertItems } from '../../surveys/items.js';
import { ZSurveyDefinition } from '../../surveys/schema.js';
import { questionnaireTarget } from './sources.js';
import { ownIndex, type CampaignFigure, type IndexDef } from './survey-formulas.js';

interface Questionnaire {
  def: IndexDef;
  title: string;
  target: number;
}

/**
 * Each unit's own figure in each campaign of `rows` within a subtree: its own overall index from
 * its own counters, the questionnaire's own target, the N the campaign froze for it.
 */
export async function loadCampaignFigures(
  db: Db,
  rows: readonly CampaignUnitRow[],
  rootPath: string,
): Promise<CampaignFigure[]> {
  const keyOf = (id: string, version: number) => `${id}@${version}`;
  const keys = [
    ...new Map(
      rows.map((r) => [
        keyOf(r.survey_id, r.survey_version),
        { id: r.survey_id, version: r.survey_version },
      ]),
    ).values(),
  ];
  const questionnaires = new Map<string, Questionnaire>();
  for (const d of await surveyDefinitions(db, keys)) {
    const parsed = ZSurveyDefinition.safeParse(JSON.parse(d.definition));
    if (!parsed.success) continue;
    const def = parsed.data;
    const questions = likertItems(def);
    questionnaires.set(keyOf(d.id, Number(d.version)), {
      def: {
        factors: def.factors,
        questions,
      },
      title: def.title.vi,
      target: questionnaireTarget(def),
    });
  }
  const counts = await answerCountsFor(db, [...new Set(rows.map((r) => r.campaign_id))], rootPath);
  const byCell = new Map<string, Map<string, Record<string, number>>>();
  for (const c of counts) {
    const cell = `${c.campaign_id}\0${c.unit_id}`;
    const byQuestion = byCell.get(cell) ?? new Map<string, Record<string, number>>();
    const q = byQuestion.get(c.question_id) ?? {};
    q[c.value] = (q[c.value] ?? 0) + c.n;
    byQuestion.set(c.question_id, q);
    byCell.set(cell, byQuestion);
  }
  return rows.flatMap((r) => {
    const q = questionnaires.get(keyOf(r.survey_id, r.survey_version));
    if (!q) return [];
    return [
      {
        campaignId: r.campaign_id,
        campaignName: r.campaign_name,
        surveyTitle: q.title,
        target: q.target,
        unitId: r.unit_id,
        unitName: r.unit_name,
        eligible: r.eligible,
        responses: r.responses,
        index: ownIndex(q.def, byCell.get(`${r.campaign_id}\0${r.unit_id}`) ?? new Map()),
      },
    ];
  });
}
