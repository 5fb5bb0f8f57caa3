import type { TQuestion, TSurveyDefinition, TText } from '../surveys/schema.js';
import { publicSurveyDto } from './surveys.js';

/**
 * The public form (`survey` of GET /api/public/forms/:code and the respondent page's data block)
 * with the fields of the newer question types: a grid's rows, a number's min/max/integer.
 * Kept beside publicSurveyDto rather than in it so the two can be merged in one place later.
 */
export function respondentSurveyDto(def: TSurveyDefinition) {
  const dto = publicSurveyDto(def);
  const byId = new Map(def.sections.flatMap((s) => s.questions).map((q) => [q.id, q]));
  return {
    ...dto,
    sections: dto.sections.map((s) => ({
      ...s,
      questions: s.questions.map((q) => ({ ...q, ...typeFields(byId.get(q.id)!) })),
    })),
  };
}

function bi(key: string, t: TText): Record<string, string> {
  return t.en ? { [key]: t.vi, [`${key}En`]: t.en } : { [key]: t.vi };
}

function typeFields(q: TQuestion) {
  return {
    ...(q.rows
      ? { rows: q.rows.map((r) => ({ id: r.id, factor: r.factor, ...bi('text', r.text) })) }
      : {}),
    ...(q.min === undefined ? {} : { min: q.min }),
    ...(q.max === undefined ? {} : { max: q.max }),
    ...(q.integer ? { integer: true } : {}),
  };
}
